import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import type { Tier } from "@/lib/domain/vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { loadDossier, loadLatestRiskAcceptance, loadOpenRemediation } from "../dossier/load-dossier";
import { notFound } from "../errors";
import { can } from "../permissions";
import { loadSettings } from "./settings";

/**
 * Everything the vendor pages show: the dossier, each record's version (for
 * optimistic locking in forms), live findings, the tier with its reasons, and
 * what the signed-in user may change. Findings are computed with `now`, so the
 * page is always current even if the stored summary is a day old.
 */
export async function getVendorDossierView({ actor, vendorId, now = new Date() }: { actor: Actor; vendorId: string; now?: Date }): Promise<VendorDossierView> {
  requirePermission(actor, "vendor.read");
  const [loaded, settings, remediation, acceptances] = await Promise.all([
    loadDossier(db(), vendorId),
    loadSettings(),
    loadOpenRemediation(db(), vendorId),
    loadLatestRiskAcceptance(db(), vendorId),
  ]);
  if (!loaded) throw notFound("Vendor not found.");
  const { vendor, dossier, records, documents } = loaded;
  const uploaderIds = [...new Set(documents.map((d) => d.uploadedById)), ...(vendor.tierOverriddenById ? [vendor.tierOverriddenById] : [])];
  const people = await db().user.findMany({ where: { id: { in: uploaderIds } }, select: { id: true, name: true } });
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const computed = computeInherentTier(dossier.profile);
  return {
    vendor,
    dossier,
    settings,
    now,
    findings: vendorFindingsFor(dossier, settings, now, { remediation, acceptances }),
    records: records.map((r) => ({ id: r.id, kind: r.kind, version: r.version, updatedAt: r.updatedAt })),
    documents: documents.map((d) => ({ ...d, uploadedByName: nameOf.get(d.uploadedById) ?? "Unknown user" })),
    tier: {
      effective: vendor.tier as Tier,
      computed: computed.tier,
      reasons: computed.reasons,
      override: vendor.tierOverrideReason
        ? { reason: vendor.tierOverrideReason, by: nameOf.get(vendor.tierOverriddenById ?? "") ?? "Unknown user", at: vendor.tierOverriddenAt }
        : null,
    },
    may: {
      editProfile: can(actor.role, "vendor.update"),
      overrideTier: can(actor.role, "vendor.tier.override"),
      manageAssurance: can(actor.role, "assurance.manage"),
      manageControls: can(actor.role, "controls.manage"),
      upload: can(actor.role, "evidence.upload"),
    },
  };
}
