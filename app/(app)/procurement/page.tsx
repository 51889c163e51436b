import type { Metadata } from "next";
import Link from "next/link";
import { AssessmentStateBadge, RatingBadge, ScoreBadge } from "@/components/assessments/badges";
import { TierBadge } from "@/components/ui/badge";
import { SIGN_OFF_ROLE_LABELS } from "@/lib/domain/assessments/assessment-workflow";
import { DayText } from "@/components/ui/relative-date";
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from "@/lib/domain/assessments/remediation";
import { requirePageActor } from "@/lib/server/auth";
import { Pagination } from "@/components/ui/pagination";
import { DUE_SOON_DAYS, LIST_LIMIT, getProcurementOverview } from "@/lib/server/services/assessments/procurement-overview";
import { CreateAssessmentButton } from "@/components/assessments/create-assessment-button";
import { QueueSection } from "@/components/queues/queue-section";
import { QueueFindingsTable } from "@/components/queues/queue-tables";
import { queuePageParams, queuePages } from "@/lib/schemas/queue-pages";
import { firstValues } from "@/lib/schemas/search-params";
import { listQueueFindings } from "@/lib/server/services/work-queues";
import { refreshListedSummaries } from "../refresh-listed-summaries";

export const metadata: Metadata = { title: "Procurement" };

/** A pager for one of the page's lists, when it has more than one page. */
function ListPages({ list, page, total, params, label }: { list: string; page: number; total: number; params: Record<string, string>; label: string }) {
  return total > LIST_LIMIT ? <Pagination page={page} pageSize={LIST_LIMIT} total={total} params={params} basePath="/procurement" pageParam={`${list}Page`} label={label} /> : null;
}

/** Procurement's landing page: what is due, what waits for sign-off, and what remediation is late. */
export default async function ProcurementPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("assessment.create");
  const pages = queuePages(firstValues(await searchParams), ["due", "never", "remediation", "insurance"]);
  const params = queuePageParams(pages);
  const now = new Date();
  // Insurance issues read the stored findings: bring outdated ones up to date first, as the vendor list does.
  await refreshListedSummaries(now);
  const [o, insurance] = await Promise.all([getProcurementOverview({ actor, now, pages }), listQueueFindings({ actor, section: "insurance", page: pages.insurance })]);
  return (
    <div className="stack assess-landing">
      <header className="page-header">
        <div>
          <h1>Procurement</h1>
          <p className="muted">Assessments due in the next {DUE_SOON_DAYS} days or overdue, reviews in progress and overdue remediation.</p>
        </div>
        <Link className="btn" href="/vendors">
          All vendors
        </Link>
      </header>

      <section className="card" aria-labelledby="due-heading">
        <h2 id="due-heading">
          Assessments due <span className="muted count">({o.due.total + o.neverAssessed.total})</span>
        </h2>
        {o.due.rows.length === 0 && o.neverAssessed.rows.length === 0 ? (
          <p className="empty-inline">Nothing is due in the next {DUE_SOON_DAYS} days.</p>
        ) : (
          <div className="table-wrap">
            <table className="data" aria-label="Assessments due">
              <thead>
                <tr>
                  <th scope="col">Vendor</th>
                  <th scope="col">Tier</th>
                  <th scope="col">Next assessment due</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {o.due.rows.map((v) => (
                  <tr key={v.id} className={v.overdue ? "assess-overdue" : undefined}>
                    <th scope="row">
                      <Link href={`/vendors/${v.id}/assessments`}>{v.name}</Link>
                    </th>
                    <td>
                      <TierBadge tier={v.tier} />
                    </td>
                    <td>
                      <DayText day={v.dueDay} now={now} due="deadline" />
                      {v.overdue ? <span className="badge sev-high assess-overdue-badge">Overdue</span> : null}
                    </td>
                    <td>
                      {v.draftId ? (
                        <Link className="btn btn-small" href={`/assessments/${v.draftId}`}>Continue</Link>
                      ) : (
                        <CreateAssessmentButton vendorId={v.id} label="Start assessment" primary={false} />
                      )}
                    </td>
                  </tr>
                ))}
                {o.neverAssessed.rows.map((v) => (
                  <tr key={v.id}>
                    <th scope="row">
                      <Link href={`/vendors/${v.id}/assessments`}>{v.name}</Link>
                    </th>
                    <td>
                      <TierBadge tier={v.tier} />
                    </td>
                    <td>
                      <span className="badge status-muted">Never assessed</span>
                    </td>
                    <td>
                      <CreateAssessmentButton vendorId={v.id} label="Start assessment" primary={false} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ListPages list="due" page={pages.due} total={o.due.total} params={params} label="Vendors with a due date: pages" />
        <ListPages list="never" page={pages.never} total={o.neverAssessed.total} params={params} label="Vendors never assessed: pages" />
      </section>

      <section className="card" aria-labelledby="review-heading">
        <h2 id="review-heading">
          In review <span className="muted count">({o.inReview.length})</span>
        </h2>
        {o.inReview.length === 0 ? (
          <p className="empty-inline">No assessment is waiting for sign-off.</p>
        ) : (
          <div className="table-wrap">
            <table className="data" aria-label="Assessments in review">
              <thead>
                <tr>
                  <th scope="col">Vendor</th>
                  <th scope="col">Version</th>
                  <th scope="col">Score</th>
                  <th scope="col">Submitted</th>
                  <th scope="col">Waiting for</th>
                </tr>
              </thead>
              <tbody>
                {o.inReview.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">{a.vendor.name}</th>
                    <td>
                      <Link href={`/assessments/${a.id}`}>Version {a.version}</Link>
                    </td>
                    <td>
                      <ScoreBadge score={a.overall} /> <RatingBadge band={a.rating} />
                    </td>
                    <td>{a.submittedAt ? <DayText day={a.submittedAt} now={now} /> : "—"}</td>
                    <td>{a.pending.map((r) => SIGN_OFF_ROLE_LABELS[r]).join(", ") || "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {o.drafts.length > 0 ? (
          <>
            <h3>Drafts not yet submitted</h3>
            <ul className="plain-list">
              {o.drafts.map((a) => (
                <li key={a.id}>
                  <Link href={`/assessments/${a.id}`}>
                    {a.vendor.name}, version {a.version}
                  </Link>{" "}
                  <AssessmentStateBadge state="draft" /> <span className="muted">created <DayText day={a.createdAt} now={now} relative={false} /></span>{" "}
                  <Link className="btn btn-small" href={`/assessments/${a.id}`} aria-label={`Continue ${a.vendor.name}, version ${a.version}`}>Continue</Link>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      <section className="card" aria-labelledby="overdue-heading">
        <h2 id="overdue-heading">
          Overdue remediation <span className="muted count">({o.overdueRemediation.total})</span>
        </h2>
        {o.overdueRemediation.rows.length === 0 ? (
          <p className="empty-inline">No remediation item is overdue.</p>
        ) : (
          <div className="table-wrap">
            <table className="data" aria-label="Overdue remediation">
              <thead>
                <tr>
                  <th scope="col">Item</th>
                  <th scope="col">Vendor</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Due</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {o.overdueRemediation.rows.map((r) => (
                  <tr key={r.id} className="assess-overdue">
                    <th scope="row">
                      <a href={`/vendors/${r.vendor.id}/assessments#record-${r.id}`}>{r.title}</a>
                    </th>
                    <td><Link href={`/vendors/${r.vendor.id}`}>{r.vendor.name}</Link></td>
                    <td>{r.ownerName ?? <span className="muted">No owner</span>}</td>
                    <td>
                      <DayText day={r.dueDate} now={now} due="deadline" />
                    </td>
                    <td>{REMEDIATION_STATUS_LABELS[r.status as RemediationStatus] ?? r.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ListPages list="remediation" page={pages.remediation} total={o.overdueRemediation.total} params={params} label="Overdue remediation: pages" />
      </section>

      <QueueSection id="insurance" title="Insurance issues" total={insurance.total} page={insurance.page} pageSize={insurance.pageSize} empty="No vendor's insurance is missing, lapsing or below the minimum." params={params} basePath="/procurement">
        <QueueFindingsTable rows={insurance.rows} caption="Insurance findings, most severe first" tab="/insurance" action="Update insurance" />
      </QueueSection>
    </div>
  );
}
