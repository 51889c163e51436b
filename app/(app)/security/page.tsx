import type { Metadata } from "next";
import Link from "next/link";
import { QueueSection } from "@/components/queues/queue-section";
import { QueueFindingsTable, SignOffWaitingTable } from "@/components/queues/queue-tables";
import { SummariesPendingNotice } from "@/components/vendors/summaries-pending-notice";
import { queuePageParams, queuePages } from "@/lib/schemas/queue-pages";
import { firstValues } from "@/lib/schemas/search-params";
import { requirePageActor } from "@/lib/server/auth";
import { listQueueFindings, listSignOffsWaiting } from "@/lib/server/services/work-queues";
import { refreshListedSummaries } from "../refresh-listed-summaries";

export const metadata: Metadata = { title: "Security queue" };

/** Security's landing page: sign-offs it owes, then lapsing assurance, KPI breaches and incidents notified late. */
export default async function SecurityQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("assessment.signoff.security");
  const pages = queuePages(firstValues(await searchParams), ["signoff", "assurance", "kpi", "incidents"]);
  const now = new Date();
  // The findings sections read the stored findings: bring outdated ones up to date first, as the vendor list does.
  const pending = await refreshListedSummaries(now);
  const [signOffs, assurance, kpi, incidents] = await Promise.all([
    listSignOffsWaiting({ actor, role: "security", page: pages.signoff }),
    listQueueFindings({ actor, section: "assurance", page: pages.assurance }),
    listQueueFindings({ actor, section: "kpi", page: pages.kpi }),
    listQueueFindings({ actor, section: "incidents", page: pages.incidents }),
  ]);
  const section = { params: queuePageParams(pages), basePath: "/security" };
  return (
    <div className="stack">
      <header className="page-header">
        <div>
          <h1>Security queue</h1>
          <p className="muted">What waits for security, most urgent first. Offboarded vendors are not listed.</p>
        </div>
        <Link className="btn" href="/vendors">All vendors</Link>
      </header>

      <SummariesPendingNotice pending={pending} what="Findings" alwaysCurrent="Each vendor’s page" list="queue" />

      <QueueSection id="signoff" title="Waiting for security's sign-off" total={signOffs.total} page={signOffs.page} pageSize={signOffs.pageSize} empty="No assessment waits for security's sign-off." {...section}>
        <SignOffWaitingTable rows={signOffs.rows} now={now} roleLabel="security's" />
      </QueueSection>
      <QueueSection id="assurance" title="Stale or expiring assurance" total={assurance.total} page={assurance.page} pageSize={assurance.pageSize} empty="No SOC 2 report or ISO certificate is stale or expiring." {...section}>
        <QueueFindingsTable rows={assurance.rows} caption="SOC 2 reports stale or due for renewal, ISO certificates expired or expiring" tab="/assurance" action="Request new evidence" />
      </QueueSection>
      <QueueSection id="kpi" title="KPI breaches" total={kpi.total} page={kpi.page} pageSize={kpi.pageSize} empty="No reported KPI is past its threshold." {...section}>
        <QueueFindingsTable rows={kpi.rows} caption="KPIs past their thresholds" tab="/kpis" action="Review KPIs" />
      </QueueSection>
      <QueueSection id="incidents" title="Incidents notified late" total={incidents.total} page={incidents.page} pageSize={incidents.pageSize} empty="No incident was notified late." {...section}>
        <QueueFindingsTable rows={incidents.rows} caption="Incidents notified after the contractual window" tab="/kpis" action="Review incidents" />
      </QueueSection>
    </div>
  );
}
