import { formatDayForPeople } from "@/lib/domain/dates";
import { EVIDENCE_KIND_LABELS, type EvidenceKind } from "@/lib/domain/dossier-vocabulary";
import { siteLabel } from "@/lib/domain/findings/subject-labels";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import type { FieldThresholds } from "./record-fields";
import type { RecordFormDocument } from "./record-form";

/** What every record form needs from the dossier: documents to attach, sites to cover, thresholds to quote. */
export function recordFormContext(view: VendorDossierView): {
  documents: RecordFormDocument[];
  sites: { id: string; label: string }[];
  thresholds: FieldThresholds;
} {
  const { settings } = view;
  return {
    documents: view.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      label: `${d.title ?? d.fileName} · ${EVIDENCE_KIND_LABELS[d.kind as EvidenceKind] ?? d.kind} · effective ${formatDayForPeople(d.effectiveDate)}`,
    })),
    sites: view.dossier.sites.map((s) => ({ id: s.id, label: siteLabel(s) })),
    thresholds: {
      soc2DueMonths: settings.assurance.soc2DueMonths,
      soc2StaleMonths: settings.assurance.soc2StaleMonths,
      isoExpiringDays: settings.assurance.isoExpiringDays,
      pentestMaxAgeMonths: settings.assurance.pentestMaxAgeMonths,
      phishingWatchPct: settings.kpis.phishingWatchPct,
      phishingHighPct: settings.kpis.phishingHighPct,
      meanTimeToEscalateMaxMinutes: settings.kpis.meanTimeToEscalateMaxMinutes,
      trainingCompletionMinPct: settings.kpis.trainingCompletionMinPct,
      privilegeReviewMaxDays: settings.kpis.privilegeReviewMaxDays,
      notificationMaxHours: settings.contract.incidentNotificationMaxHours,
      currency: settings.insurance.currency,
    },
  };
}
