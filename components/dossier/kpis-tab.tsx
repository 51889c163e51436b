import { formatInstantForPeople, hoursBetween } from "@/lib/domain/dates";
import { notificationDelayHours } from "@/lib/domain/kpis/incident-notification";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { InstantText } from "@/components/ui/relative-date";
import { formatHours } from "@/lib/domain/durations";
import { formatKpi, kpiVerdict, type KpiKey } from "@/lib/domain/kpis/kpi-verdicts";
import { KpiTrendChart } from "./kpi-trend-chart";
import { mayEditKind } from "./may-edit";
import { RecordSection } from "./record-section";
import { RowActions } from "./row-actions";
import { SortableTable } from "./sortable-table";
import { StatusBadge } from "./status-badges";
import { TabFindings } from "./tab-findings";
import { recordAnchor } from "./tabs";

const KPI_COLUMNS: { key: KpiKey; label: string }[] = [
  { key: "phishingFailurePct", label: "Phishing failure" },
  { key: "escalationRatePct", label: "Escalation rate" },
  { key: "verificationBypassCount", label: "Verification bypasses" },
  { key: "meanTimeToEscalateMinutes", label: "Time to escalate" },
  { key: "trainingCompletionPct", label: "Training completion" },
  { key: "privilegeReviewAgeDays", label: "Privilege review age" },
];

const SEVERITY_TONE = { low: "info", medium: "warn", high: "bad", critical: "blocker" } as const;

export function KpisTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, settings, now } = view;
  const canEdit = mayEditKind(view.may, "kpi");
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  const periods = [...dossier.kpis].sort((a, b) => (a.period < b.period ? -1 : a.period > b.period ? 1 : 0));
  const sla = settings.contract.incidentNotificationMaxHours;
  const k = settings.kpis;

  return (
    <>
      <TabFindings vendorId={vendor.id} findings={findings} subjectKinds={["kpi_period", "incident"]} />

      <RecordSection
        vendorId={vendor.id}
        kind="kpi"
        canEdit={canEdit}
        count={periods.length}
        description={<p className="muted">Recorded per quarter. Findings judge the latest quarter; every quarter is coloured against the same thresholds. A KPI the vendor did not report is unknown, and unknown cannot pass.</p>}
        empty={<p>No security KPIs have been recorded for any quarter.</p>}
      >
        <SortableTable
          caption="Security KPIs per quarter"
          initialSort={{ column: 0, dir: "desc" }}
          columns={[
            { label: "Quarter", sortable: true },
            ...KPI_COLUMNS.map((c) => ({ label: c.label, sortable: true, numeric: true })),
            ...(canEdit ? [{ label: "Actions", hiddenLabel: true }] : []),
          ]}
          rows={periods.map((p, index) => {
            const previousRate = periods.slice(0, index).reverse().find((x) => x.escalationRatePct !== undefined)?.escalationRatePct;
            return {
              key: p.id,
              id: recordAnchor(p.id),
              sort: [p.period, ...KPI_COLUMNS.map((c) => p[c.key] ?? null)],
              cells: [
                <strong key="p">{p.period}</strong>,
                ...KPI_COLUMNS.map((c) => {
                  const verdict = kpiVerdict(c.key, p[c.key], settings, c.key === "escalationRatePct" ? previousRate : undefined);
                  return (
                    <span key={c.key} className={`kpi-cell kpi-${verdict.tone}`}>
                      <span className="kpi-value">{formatKpi(c.key, p[c.key])}</span>
                      <span className="kpi-word">{verdict.word}</span>
                    </span>
                  );
                }),
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="kpi" id={p.id} version={version(p.id)} label={`KPIs for ${p.period}`} />] : []),
              ],
            };
          })}
        />
        <div className="kpi-charts">
          <KpiTrendChart
            title="Phishing simulation failure rate (%)"
            periods={periods}
            value={(p) => p.phishingFailurePct}
            thresholds={[{ value: k.phishingHighPct, label: `retrain above ${k.phishingHighPct}%` }, { value: k.phishingWatchPct, label: `good below ${k.phishingWatchPct}%` }]}
            yMin={0}
            yMax={Math.max(20, k.phishingHighPct + 5)}
            colour="#b54708"
          />
          <KpiTrendChart
            title="Training completion (%)"
            periods={periods}
            value={(p) => p.trainingCompletionPct}
            thresholds={[{ value: k.trainingCompletionMinPct, label: `minimum ${k.trainingCompletionMinPct}%` }]}
            yMin={Math.min(80, k.trainingCompletionMinPct - 10)}
            yMax={100}
            colour="#067647"
          />
        </div>
      </RecordSection>

      <RecordSection
        vendorId={vendor.id}
        kind="incident"
        canEdit={mayEditKind(view.may, "incident")}
        count={dossier.incidents.length}
        description={<p className="muted">The contract requires notice within {sla} hours of detection, leaving room inside GDPR Art. 33&apos;s 72 hours. Times are UTC.</p>}
        empty={<p>No incidents recorded.</p>}
      >
        <SortableTable
          caption="Incidents"
          initialSort={{ column: 0, dir: "desc" }}
          columns={[
            { label: "Detected", sortable: true },
            { label: "Notified", sortable: true },
            { label: "Notification delay", sortable: true },
            { label: "Severity", sortable: true },
            { label: "Personal data", sortable: true },
            { label: "Summary" },
            ...(mayEditKind(view.may, "incident") ? [{ label: "Actions", hiddenLabel: true }] : []),
          ]}
          rows={dossier.incidents.map((i) => {
            const delay = notificationDelayHours(i);
            const waited = hoursBetween(i.detectedAt, now);
            return {
              key: i.id,
              id: recordAnchor(i.id),
              sort: [i.detectedAt, i.notifiedAt ?? null, delay ?? waited, ["low", "medium", "high", "critical"].indexOf(i.severity), i.personalDataInvolved ? 1 : 0],
              cells: [
                <InstantText key="d" at={i.detectedAt} now={now} />,
                i.notifiedAt ? <InstantText key="n" at={i.notifiedAt} now={now} relative={false} /> : <span key="n" className="muted">Not yet</span>,
                delay !== null ? (
                  <span key="l">
                    <strong>{formatHours(delay)}</strong>{" "}
                    {delay > sla ? (
                      <StatusBadge tone="bad">{formatHours(delay - sla)} over the {formatHours(sla)} SLA</StatusBadge>
                    ) : (
                      <StatusBadge tone="ok">within the {sla} h SLA</StatusBadge>
                    )}
                  </span>
                ) : waited > sla ? (
                  <span key="l"><StatusBadge tone="bad">Not notified after {formatHours(waited)}</StatusBadge></span>
                ) : (
                  <span key="l"><StatusBadge tone="warn">Not notified yet: {formatHours(sla - waited, "down")} of the window left</StatusBadge></span>
                ),
                <StatusBadge key="s" tone={SEVERITY_TONE[i.severity]}>{i.severity}</StatusBadge>,
                i.personalDataInvolved ? (
                  <span key="pd"><strong>Yes</strong><br /><span className="muted">GDPR Art. 33: 72 h to notify the authority</span></span>
                ) : (
                  "No"
                ),
                <span key="sum" className="clamp">{i.summary}</span>,
                ...(mayEditKind(view.may, "incident") ? [<RowActions key="a" vendorId={vendor.id} kind="incident" id={i.id} version={version(i.id)} label={`incident detected ${formatInstantForPeople(i.detectedAt)}`} />] : []),
              ],
            };
          })}
        />
      </RecordSection>
    </>
  );
}
