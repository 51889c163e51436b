import Link from "next/link";
import { DayText } from "@/components/ui/relative-date";
import { REMEDIATION_STATUS_LABELS, type RemediationStatus } from "@/lib/domain/assessments/remediation";
import type { VendorAssessments } from "@/lib/schemas/views/vendor-assessments";
import { AssessmentStateBadge, RatingBadge, ScoreBadge } from "./badges";
import { CompareVersionsForm } from "./compare-versions-form";
import { DataTable, type DataColumn } from "@/components/ui/data-table";
import { CreateAssessmentButton } from "./create-assessment-button";
import { RemediationEditor } from "./remediation-editor";
import { StaleSnapshotNotice } from "./stale-snapshot-notice";

const VERSION_COLUMNS: DataColumn[] = ["Version", "Created", "State", "Score", "Rating", "Next due", { label: <span className="sr-only">Actions</span> }];
const REMEDIATION_COLUMNS: DataColumn[] = ["Item", "Owner", "Due", "Status", "Closed with"];

/** The vendor page's Assessments tab: versions, compare, download, re-score, remediation. */
export function VendorAssessmentsTab({ data, now }: { data: VendorAssessments; now: Date }) {
  const { vendor, versions, freshness, remediation, may } = data;
  const latest = versions[0];
  return (
    <div className="stack assess-tab">
      <section className="card dossier-section" aria-labelledby="assessments-heading">
        <div className="section-header">
          <h2 id="assessments-heading">
            Assessments <span className="muted count">({versions.length})</span>
          </h2>
          {may.create && (!latest || !freshness?.stale) ? (
            <CreateAssessmentButton vendorId={vendor.id} label={latest ? `Re-score (version ${latest.version + 1})` : "Create assessment"} primary={!latest} />
          ) : null}
        </div>
        <p className="muted">
          Each version freezes the dossier, the settings, the findings and the score; it never changes afterwards. Next assessment due:{" "}
          <strong>{vendor.nextAssessmentDue ? <DayText day={vendor.nextAssessmentDue} now={now} due="deadline" /> : "not set (no decided assessment yet)"}</strong>.
        </p>
        {latest && freshness ? <StaleSnapshotNotice freshness={freshness} version={latest.version} vendorId={vendor.id} mayRescore={may.create} /> : null}
        {versions.length === 0 ? (
          <p className="empty-inline">No assessment yet.{may.create ? " Create one to freeze today's dossier and score it." : ""}</p>
        ) : (
          <DataTable aria-label="Assessment versions" columns={VERSION_COLUMNS} rows={versions}>
            {(v) => (
              <tr key={v.id} data-testid={`assessment-v${v.version}`}>
                <th scope="row">
                  <Link href={`/assessments/${v.id}`}>Version {v.version}</Link>
                </th>
                <td>
                  <DayText day={v.createdAt} now={now} />
                  <br />
                  <span className="muted small">{v.createdByName}</span>
                </td>
                <td>
                  <AssessmentStateBadge state={v.state} superseded={v.id !== latest?.id && (v.state === "draft" || v.state === "in_review")} />
                </td>
                <td>
                  <ScoreBadge score={v.overall} />
                </td>
                <td>
                  <RatingBadge band={v.rating} />
                </td>
                <td>{v.nextDueAt ? <DayText day={v.nextDueAt} now={now} relative={false} /> : "—"}</td>
                <td>
                  <a className="btn btn-small" href={`/assessments/${v.id}/report.pdf`} download>
                    Download PDF<span className="sr-only"> of version {v.version}</span>
                  </a>
                </td>
              </tr>
            )}
          </DataTable>
        )}
        {versions.length >= 2 ? (
          <CompareVersionsForm versions={versions} from={versions[1]!.id} to={versions[0]!.id} idPrefix="compare" label="Compare versions" className="toolbar assess-compare-form" />
        ) : null}
      </section>

      <section className="card dossier-section" id="remediation" aria-labelledby="remediation-heading">
        <div className="section-header">
          <h2 id="remediation-heading">
            Remediation items <span className="muted count">({remediation.length})</span>
          </h2>
        </div>
        <p className="muted">Conditions of approval, with an owner and a due date. An open item past its due date is overdue and shows as a finding.</p>
        {remediation.length === 0 ? (
          <p className="empty-inline">No remediation items.</p>
        ) : (
          <DataTable aria-label="Remediation items" columns={may.manageRemediation ? [...REMEDIATION_COLUMNS, { label: <span className="sr-only">Edit</span> }] : REMEDIATION_COLUMNS} rows={remediation}>
            {(r) => (
              <tr key={r.id} id={`record-${r.id}`} className={r.overdue ? "assess-overdue" : undefined} data-testid="remediation-item">
                <td>
                  {r.title}
                  <br />
                  <span className="muted small">
                    {r.assessmentVersion ? <Link href={`/assessments/${r.assessmentId}`}>from version {r.assessmentVersion}</Link> : "no assessment"}
                    {r.findingMessage ? (
                      <>
                        {" · "}
                        {r.findingMessage}
                      </>
                    ) : null}
                  </span>
                </td>
                <td>{r.ownerName ?? <span className="muted">No owner</span>}</td>
                <td>
                  <DayText day={r.dueDate} now={now} due="deadline" />
                  {r.overdue ? <span className="badge sev-high assess-overdue-badge">Overdue</span> : null}
                </td>
                <td>{REMEDIATION_STATUS_LABELS[r.status as RemediationStatus] ?? r.status}</td>
                <td className="pre-line">
                  {[r.closingEvidenceName ?? "", r.closingNote ?? ""]
                    .filter(Boolean)
                    .join("\n") || "—"}
                </td>
                {may.manageRemediation ? (
                  <td>
                    <RemediationEditor item={r} users={data.users} documents={data.documents} />
                  </td>
                ) : null}
              </tr>
            )}
          </DataTable>
        )}
      </section>
    </div>
  );
}
