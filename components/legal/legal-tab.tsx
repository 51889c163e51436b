import { TabFindings } from "@/components/dossier/tab-findings";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import type { Tier } from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { ClauseChecklist } from "./clause-checklist";
import { ContractsSection } from "./contracts-section";
import { SignOffPanel } from "./sign-off-panel";
import { SubProcessorsSection } from "./subprocessors-section";
import { DpaAndTransfers } from "./transfers-section";

/** Finding subjects of the legal family (lib/domain/legal/legal-findings.ts, transfers.ts). */
export const LEGAL_SUBJECT_KINDS = ["clause", "dpa", "transfer", "contract", "sub_processor"] as const;

/**
 * The vendor's Legal tab: sign-off state, contracts and their
 * files, the clause checklist, the DPA, the transfer matrix and the
 * sub-processors. Everything computed here comes from the same domain
 * functions as the findings engine, with the vendor's own context.
 */
export function LegalTab({ view, review }: { view: VendorDossierView; review: LegalReview }) {
  const { vendor, dossier, settings, now } = view;
  const context = legalContextFor(dossier, settings, view.tier.effective as Tier);
  const findings = view.findings.filter((f) => f.code.startsWith("legal."));
  const blockers = findings.filter((f) => f.severity === "blocker").length;
  return (
    <div className="legal-tab">
      <TabFindings vendorId={vendor.id} findings={findings} subjectKinds={LEGAL_SUBJECT_KINDS} title="Legal findings" />
      <SignOffPanel vendorId={vendor.id} review={review} blockers={blockers} now={now} />
      <ContractsSection view={view} review={review} findings={findings} />
      <ClauseChecklist vendorId={vendor.id} legal={dossier.legal} context={context} settings={settings} review={review} />
      <DpaAndTransfers vendorId={vendor.id} legal={dossier.legal} context={context} review={review} findings={findings} now={now} />
      <SubProcessorsSection vendorId={vendor.id} legal={dossier.legal} review={review} findings={findings} />
    </div>
  );
}
