import { formatMoney } from "@/lib/domain/money";
import { insuranceMinimum } from "@/lib/domain/vendors/tier";
import { insuranceLabel } from "@/lib/domain/findings/subject-labels";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { DayText } from "@/components/ui/relative-date";
import { EvidenceLink } from "./evidence-link";
import { mayEditKind } from "./may-edit";
import { RecordSection } from "./record-section";
import { insuranceRecordState } from "@/lib/domain/assurance/record-states";
import { RowActions } from "./row-actions";
import { SortableTable } from "./sortable-table";
import { RecordStateBadge, StatusBadge } from "./status-badges";
import { TabFindings } from "./tab-findings";
import { recordAnchor } from "./tabs";

export function InsuranceTab({ view }: { view: VendorDossierView }) {
  const { vendor, dossier, findings, records, settings, now, documents, tier } = view;
  const canEdit = mayEditKind(view.may, "insurance");
  const version = (id: string) => records.find((r) => r.id === id)?.version;
  const minimum = insuranceMinimum(tier.effective, dossier.profile.industries, settings);
  const minimumText = formatMoney(minimum.minimumMinor, minimum.currency);
  return (
    <>
      <TabFindings vendorId={vendor.id} findings={findings} subjectKinds={["insurance_policy"]} />
      <RecordSection
        vendorId={vendor.id}
        kind="insurance"
        canEdit={canEdit}
        count={dossier.insurancePolicies.length}
        description={
          <p>
            Minimum per occurrence for this vendor: <strong>{minimumText}</strong> <span className="muted">({minimum.basis})</span>. The policy
            that expires last is the one judged. Insurance is the financial backstop, never a substitute for controls.
          </p>
        }
        empty={<p>No cyber liability insurance is on file.</p>}
      >
        <SortableTable
          caption="Cyber liability insurance policies"
          initialSort={{ column: 3, dir: "desc" }}
          columns={[
            { label: "Policy", sortable: true },
            { label: "Per occurrence", sortable: true, numeric: true },
            { label: "Aggregate", sortable: true, numeric: true },
            { label: "Expires", sortable: true },
            { label: "Status", sortable: true },
            { label: "Additional insured", sortable: true },
            { label: "Evidence" },
            ...(canEdit ? [{ label: "Actions", hiddenLabel: true }] : []),
          ]}
          rows={dossier.insurancePolicies.map((p) => {
            const state = insuranceRecordState(p, settings, now);
            const comparable = p.currency === minimum.currency;
            const below = comparable && p.perOccurrenceMinor < minimum.minimumMinor;
            return {
              key: p.id,
              id: recordAnchor(p.id),
              sort: [p.carrier, p.perOccurrenceMinor, p.aggregateMinor, p.expiryDate, state.label, p.additionalInsured ? 1 : 0],
              cells: [
                <span key="p"><strong>{p.carrier}</strong><br /><span className="muted">Policy {p.policyNumber}</span></span>,
                <span key="o">
                  {formatMoney(p.perOccurrenceMinor, p.currency)}
                  <br />
                  {!comparable ? (
                    <StatusBadge tone="warn" title={`The minimum is set in ${minimum.currency}`}>Not in {minimum.currency}: compare by hand</StatusBadge>
                  ) : below ? (
                    <StatusBadge tone="bad">Below the {minimumText} minimum</StatusBadge>
                  ) : (
                    <span className="muted">meets the minimum</span>
                  )}
                </span>,
                formatMoney(p.aggregateMinor, p.currency),
                <DayText key="x" day={p.expiryDate} now={now} />,
                <span key="s" className="state-cell"><RecordStateBadge state={state} /><span className="muted"> {state.detail}</span></span>,
                p.additionalInsured ? "Yes" : <StatusBadge key="ai" tone="warn">No</StatusBadge>,
                <EvidenceLink key="e" documents={documents} id={p.evidenceId} />,
                ...(canEdit ? [<RowActions key="a" vendorId={vendor.id} kind="insurance" id={p.id} version={version(p.id)} label={insuranceLabel(p)} />] : []),
              ],
            };
          })}
        />
      </RecordSection>
    </>
  );
}
