import { LEGAL_RECORD_KIND_KEYS, type LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { listRecords } from "../dossier/record-store";
import { notFound } from "../errors";
import { can } from "../permissions";
import { listContractAnalyses } from "./clause-finder";
import { loadLegalSignOffState } from "./legal-signoff";

/**
 * What the Legal tab adds to the vendor dossier view: each legal record's id
 * and version (clause, DPA and transfer rows have no id in the Dossier), the
 * sign-off state with the changes that outdated it, the clause finder runs,
 * and what the signed-in user may do.
 */
export async function getLegalReview({ actor, vendorId }: { actor: Actor; vendorId: string }): Promise<LegalReview> {
  requirePermission(actor, "vendor.read");
  const client = db();
  const vendor = await client.vendor.findUnique({ where: { id: vendorId }, select: { id: true, legalRevision: true } });
  if (!vendor) throw notFound("Vendor not found.");
  const [records, signOff, analyses] = await Promise.all([
    listRecords(client, vendorId, LEGAL_RECORD_KIND_KEYS),
    loadLegalSignOffState(client, vendor),
    listContractAnalyses(client, vendorId),
  ]);
  return {
    legalRevision: vendor.legalRevision,
    records: records.map((r) => ({ id: r.id, kind: r.kind as LegalRecordKindKey, version: r.version, data: r.data })),
    signOff,
    analyses,
    may: {
      manage: can(actor.role, "legal.manage"),
      signOff: can(actor.role, "legal.signoff"),
      upload: can(actor.role, "evidence.upload") && can(actor.role, "legal.manage"),
    },
  };
}

// The lookup is pure and shared with the Legal tab components.
export { legalRecordOf } from "@/lib/domain/legal/legal-record-lookup";
