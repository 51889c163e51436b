import { describeDue, describeElapsed, formatDayForPeople } from "@/lib/domain/dates";
import { SOC2_OPINION_LABELS, SOC2_TYPE_LABELS } from "@/lib/domain/dossier-vocabulary";
import { isoLabel, siteLocation } from "@/lib/domain/findings/subject-labels";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { DayText } from "@/components/ui/relative-date";
import { EvidenceLink } from "./evidence-link";
import { findingsAbout } from "./findings-summary";
import { mayEditKind } from "./may-edit";
import { RecordSection } from "./record-section";
import { isoRecordState, pentestRecordState, planRecordState, soc2RecordState } from "@/lib/domain/assurance/record-states";
import { RowActions } from "./row-actions";
import { SortableTable } from "./sortable-table";
import { RecordStateBadge, StatusBadge } from "./status-badges";
import { TabFindings } from "./tab-findings";
import { recordAnchor } from "./tabs";

function FindingMarks({ findings }: { findings: { code: string; severity: string; observed?: string }[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="plain-list finding-marks">
      {findings.map((f) => (
        <li key={f.code}><span className={`badge sev-${f.severity}`}>{f.severity}</span> {f.observed ?? f.code}</li>
      ))}
    </ul>
  );
}

export function AssuranceTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, settings, now, documents } = view;
  const canEdit = mayEditKind(view.may, "soc2");
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  const actionsColumn = canEdit ? [{ label: "Actions", hiddenLabel: true }] : [];
  const siteName = (id: string) => {
    const site = dossier.sites.find((s) => s.id === id);
    return site ? siteLocation(site) : "Unknown site";
  };
  const irMax = settings.assurance.incidentResponseTestMaxAgeMonths;

  return (
    <>
      <TabFindings
        vendorId={vendor.id}
        findings={findings}
        subjectKinds={["soc2_report", "iso_certificate", "pentest", "security_policy", "incident_response_plan", "continuity_plan"]}
      />

      <RecordSection
        vendorId={vendor.id}
        kind="soc2"
        canEdit={canEdit}
        count={dossier.soc2Reports.length}
        description={
          <p className="muted">
            Due for renewal {settings.assurance.soc2DueMonths} months after the audit period ends; stale after {settings.assurance.soc2StaleMonths}. Only a current Type II satisfies Critical/High tiers.
          </p>
        }
        empty={<p>No SOC 2 report is on file.</p>}
      >
        <SortableTable
          caption="SOC 2 reports"
          initialSort={{ column: 1, dir: "desc" }}
          columns={[
            { label: "Type", sortable: true },
            { label: "Audit period", sortable: true },
            { label: "Issued", sortable: true },
            { label: "Auditor", sortable: true },
            { label: "Opinion", sortable: true },
            { label: "Exceptions", sortable: true, numeric: true },
            { label: "Bridge letter" },
            { label: "Status", sortable: true },
            { label: "Evidence" },
            ...actionsColumn,
          ]}
          rows={dossier.soc2Reports.map((r) => {
            const state = soc2RecordState(r, settings, now);
            return {
              key: r.id,
              id: recordAnchor(r.id),
              sort: [r.type, r.periodEnd, r.issueDate, r.auditor, r.opinion, r.exceptionCount, null, state.label],
              cells: [
                <strong key="t">{SOC2_TYPE_LABELS[r.type]}</strong>,
                <span key="p">
                  {formatDayForPeople(r.periodStart)} – <DayText day={r.periodEnd} now={now} relative={false} />
                  <br />
                  <span className="muted">ended {describeElapsed(r.periodEnd, now)} ago</span>
                </span>,
                <DayText key="i" day={r.issueDate} now={now} relative={false} />,
                r.auditor,
                r.opinion === "unqualified" ? SOC2_OPINION_LABELS[r.opinion] : <StatusBadge key="o" tone={r.opinion === "qualified" ? "warn" : "bad"}>{SOC2_OPINION_LABELS[r.opinion]}</StatusBadge>,
                r.exceptionCount,
                r.bridgeLetterDate ? <DayText key="b" day={r.bridgeLetterDate} now={now} /> : <span key="b" className="muted">None</span>,
                <span key="s" className="state-cell">
                  <RecordStateBadge state={state} />
                  <span className="muted"> {state.detail}</span>
                  <FindingMarks findings={findingsAbout(findings, "soc2_report", r.id).filter((f) => !f.code.startsWith("soc2.stale") && !f.code.startsWith("soc2.due"))} />
                </span>,
                <EvidenceLink key="e" documents={documents} id={r.evidenceId} />,
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="soc2" id={r.id} version={version(r.id)} label={`SOC 2 ${SOC2_TYPE_LABELS[r.type]} report for the period ending ${formatDayForPeople(r.periodEnd)}`} />] : []),
              ],
            };
          })}
        />
        {dossier.soc2Reports.some((r) => r.carvedOutSubservices.length > 0) ? (
          <p className="muted">
            Carved-out sub-service organisations:{" "}
            {[...new Set(dossier.soc2Reports.flatMap((r) => r.carvedOutSubservices))].join(", ")}. Their controls are outside the report; ask for their own assurance.
          </p>
        ) : null}
      </RecordSection>

      <RecordSection
        vendorId={vendor.id}
        kind="iso"
        canEdit={canEdit}
        count={dossier.isoCertificates.length}
        description={<p className="muted">Expired after the expiry date and expiring within {settings.assurance.isoExpiringDays} days of it; a certificate to the 2013 edition is superseded. A certificate counts only for the delivery sites its scope covers.</p>}
        empty={<p>No ISO/IEC 27001 certificate is on file.</p>}
      >
        <SortableTable
          caption="ISO/IEC 27001 certificates"
          initialSort={{ column: 3, dir: "desc" }}
          columns={[
            { label: "Certificate", sortable: true },
            { label: "Certification body", sortable: true },
            { label: "Issued", sortable: true },
            { label: "Expires", sortable: true },
            { label: "Status", sortable: true },
            { label: "Sites in scope" },
            { label: "Evidence" },
            ...actionsColumn,
          ]}
          rows={dossier.isoCertificates.map((c) => {
            const state = isoRecordState(c, settings, now);
            return {
              key: c.id,
              id: recordAnchor(c.id),
              sort: [c.certificateNumber, c.certificationBody, c.issueDate, c.expiryDate, state.label],
              cells: [
                <span key="c"><strong>{c.certificateNumber}</strong><br /><span className="muted">ISO/IEC 27001:{c.standardVersion}</span></span>,
                <span key="b">{c.certificationBody}<br />{c.accredited ? <span className="muted">Accredited</span> : <StatusBadge tone="warn">Not accredited</StatusBadge>}</span>,
                <DayText key="i" day={c.issueDate} now={now} relative={false} />,
                <span key="x"><DayText day={c.expiryDate} now={now} relative={false} /><br /><span className="muted">{describeDue(c.expiryDate, now)}</span></span>,
                <span key="s" className="state-cell">
                  <RecordStateBadge state={state} />
                  <FindingMarks findings={findingsAbout(findings, "iso_certificate", c.id).filter((f) => f.code !== "iso.expired" && f.code !== "iso.expiring" && f.code !== "iso.superseded_version")} />
                </span>,
                c.coveredSiteIds.length === 0 ? <span key="sc" className="muted">No site listed</span> : <span key="sc">{c.coveredSiteIds.map(siteName).join("; ")}</span>,
                <EvidenceLink key="e" documents={documents} id={c.evidenceId} />,
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="iso" id={c.id} version={version(c.id)} label={isoLabel(c)} />] : []),
              ],
            };
          })}
        />
      </RecordSection>

      <RecordSection
        vendorId={vendor.id}
        kind="pentest"
        canEdit={canEdit}
        count={dossier.pentests.length}
        description={<p className="muted">Tests older than {settings.assurance.pentestMaxAgeMonths} months are stale; open critical/high findings are flagged.</p>}
        empty={<p>No penetration test (VAPT) report is on file.</p>}
      >
        <SortableTable
          caption="Penetration tests"
          initialSort={{ column: 0, dir: "desc" }}
          columns={[
            { label: "Performed on", sortable: true },
            { label: "Provider", sortable: true },
            { label: "Scope" },
            { label: "Open critical/high", sortable: true, numeric: true },
            { label: "Status", sortable: true },
            { label: "Evidence" },
            ...actionsColumn,
          ]}
          rows={dossier.pentests.map((p) => {
            const state = pentestRecordState(p, settings, now);
            return {
              key: p.id,
              id: recordAnchor(p.id),
              sort: [p.performedOn, p.provider ?? "", null, p.openCriticalHigh, state.label],
              cells: [
                <DayText key="d" day={p.performedOn} now={now} />,
                p.provider ?? <span key="p" className="muted">Not recorded</span>,
                <span key="s" className="clamp">{p.scope}</span>,
                p.openCriticalHigh > 0 ? <StatusBadge key="o" tone="bad">{p.openCriticalHigh} open</StatusBadge> : "0",
                <span key="st" className="state-cell"><RecordStateBadge state={state} /><span className="muted"> {state.detail}</span></span>,
                <EvidenceLink key="e" documents={documents} id={p.evidenceId} />,
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="pentest" id={p.id} version={version(p.id)} label={`penetration test of ${formatDayForPeople(p.performedOn)}`} />] : []),
              ],
            };
          })}
        />
      </RecordSection>

      <RecordSection
        vendorId={vendor.id}
        kind="security_policy"
        canEdit={canEdit}
        count={dossier.securityPolicies.length}
        empty={<p>No information security policy is on file.</p>}
      >
        <SortableTable
          caption="Information security policies"
          initialSort={{ column: 1, dir: "desc" }}
          columns={[{ label: "Title", sortable: true }, { label: "Approved on", sortable: true }, { label: "Document" }, ...actionsColumn]}
          rows={dossier.securityPolicies.map((p) => ({
            key: p.id,
            id: recordAnchor(p.id),
            sort: [p.title ?? "", p.approvedOn],
            cells: [
              p.title ?? <span key="t" className="muted">Untitled</span>,
              <DayText key="d" day={p.approvedOn} now={now} />,
              <EvidenceLink key="e" documents={documents} id={p.evidenceId} />,
              ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="security_policy" id={p.id} version={version(p.id)} label={`security policy approved ${formatDayForPeople(p.approvedOn)}`} />] : []),
            ],
          }))}
        />
      </RecordSection>

      {([
        ["ir_plan", dossier.incidentResponsePlans, "Incident response plan", `Tested at least every ${irMax} months.`],
        ["bcp", dossier.continuityPlans, "Business continuity plan", null],
      ] as const).map(([kind, plans, label, rule]) => (
        <RecordSection
          key={kind}
          vendorId={vendor.id}
          kind={kind}
          canEdit={canEdit}
          count={plans.length}
          description={rule ? <p className="muted">{rule}</p> : undefined}
          empty={<p>No {label.toLowerCase()} is on file.</p>}
        >
          <SortableTable
            caption={`${label}s`}
            initialSort={{ column: 0, dir: "desc" }}
            columns={[{ label: "Last tested", sortable: true }, { label: "Status" }, { label: "Document" }, ...actionsColumn]}
            rows={plans.map((p) => {
              const state = planRecordState(kind, p, settings, now);
              return {
                key: p.id,
                id: recordAnchor(p.id),
                sort: [p.lastTestedOn ?? null],
                cells: [
                  p.lastTestedOn ? <DayText key="d" day={p.lastTestedOn} now={now} /> : <span key="d" className="muted">Never tested</span>,
                  <RecordStateBadge key="s" state={state} />,
                  <EvidenceLink key="e" documents={documents} id={p.evidenceId} />,
                  ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind={kind} id={p.id} version={version(p.id)} label={label.toLowerCase()} />] : []),
                ],
              };
            })}
          />
        </RecordSection>
      ))}
    </>
  );
}
