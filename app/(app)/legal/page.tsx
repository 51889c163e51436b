import type { Metadata } from "next";
import { LegalQueueTable } from "@/components/legal/legal-queue-table";
import { FilterToolbar } from "@/components/ui/filter-toolbar";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SummariesPendingNotice } from "@/components/vendors/summaries-pending-notice";
import { TIERS, TIER_LABELS } from "@/lib/domain/vocabulary";
import { LEGAL_QUEUE_REASONS, legalQueueQuerySchema, type LegalQueueReason } from "@/lib/schemas/legal-queue";
import { firstValues, linkParams } from "@/lib/schemas/search-params";
import { requirePageActor } from "@/lib/server/auth";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import { refreshListedSummaries } from "../refresh-listed-summaries";
import { QueueSection } from "@/components/queues/queue-section";
import { NoticeDeadlineTable, SignOffWaitingTable } from "@/components/queues/queue-tables";
import { NOTICE_DEADLINE_DAYS } from "@/lib/domain/queues/work-queues";
import { queuePageParams, queuePages } from "@/lib/schemas/queue-pages";
import { can } from "@/lib/server/permissions";
import { listNoticeDeadlines, listSignOffsWaiting } from "@/lib/server/services/work-queues";
import "@/components/legal/legal.css";

export const metadata: Metadata = { title: "Legal queue" };

const REASON_LABELS: Record<LegalQueueReason, string> = { blocker: "Legal blocker", outdated: "Sign-off outdated", unsigned: "Not signed off" };

/** Legal's landing page: vendors whose legal review is missing, outdated or blocked, a page at a time. */
export default async function LegalQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("legal.manage");
  const query = legalQueueQuerySchema.parse(firstValues(await searchParams));
  const now = new Date();
  // The queue selects on stored legal blocker counts: bring outdated ones up
  // to date first, as the vendor list does.
  const pending = await refreshListedSummaries(now);
  const pages = queuePages(firstValues(await searchParams), ["signoff", "notice"]);
  const signsOff = can(actor.role, "assessment.signoff.legal");
  const [{ rows, total }, signOffs, notices] = await Promise.all([
    listLegalQueue({ actor, query, now }),
    signsOff ? listSignOffsWaiting({ actor, role: "legal", page: pages.signoff }) : null,
    listNoticeDeadlines({ actor, page: pages.notice, now }),
  ]);
  const params = linkParams(query);
  const section = { params: { ...params, ...queuePageParams(pages) }, basePath: "/legal" };
  const filtered = Boolean(query.q || query.tier || query.reason);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Legal queue</h1>
          <p className="muted">
            {total} {total === 1 ? "vendor needs" : "vendors need"} legal&apos;s attention{filtered ? " and match the filters" : ""}: legal blockers first, then reviews changed since their sign-off, then reviews never signed off. Offboarded vendors are not listed.
          </p>
        </div>
      </div>

      <SummariesPendingNotice pending={pending} what="Legal blockers" alwaysCurrent="Each vendor’s Legal tab" list="queue" />

      {signOffs ? (
        <QueueSection id="signoff" title="Waiting for legal's sign-off" total={signOffs.total} page={signOffs.page} pageSize={signOffs.pageSize} empty="No assessment waits for legal's sign-off." {...section}>
          <SignOffWaitingTable rows={signOffs.rows} now={now} roleLabel="legal's" />
        </QueueSection>
      ) : null}
      <QueueSection id="notice" title={`Contract notice deadlines in the next ${NOTICE_DEADLINE_DAYS} days`} total={notices.total} page={notices.page} pageSize={notices.pageSize} empty={`No contract's notice deadline falls in the next ${NOTICE_DEADLINE_DAYS} days.`} {...section}>
        <NoticeDeadlineTable rows={notices.rows} now={now} />
      </QueueSection>

      <h2 id="reviews-heading">
        Legal reviews missing or outdated <span className="muted count">({total})</span>
      </h2>

      <FilterToolbar label="Filter the legal queue" clearHref="/legal" filtered={filtered} keep={{ sort: query.sort, dir: query.dir }}>
        <TextField id="q" name="q" label="Search" defaultValue={query.q ?? ""} placeholder="Vendor name" />
        <SelectField id="tier" name="tier" label="Tier" defaultValue={query.tier ?? ""} placeholder="Any" options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))} />
        <SelectField id="reason" name="reason" label="Why" defaultValue={query.reason ?? ""} placeholder="Any reason" options={LEGAL_QUEUE_REASONS.map((r) => ({ value: r, label: REASON_LABELS[r] }))} />
      </FilterToolbar>

      {rows.length === 0 && filtered ? (
        <div className="card empty"><p>No vendor in the queue matches these filters.</p></div>
      ) : (
        <>
          <LegalQueueTable rows={rows} now={now} params={params} />
          {total > 0 ? <Pagination page={query.page} pageSize={query.pageSize} total={total} params={params} basePath="/legal" /> : null}
        </>
      )}
    </>
  );
}
