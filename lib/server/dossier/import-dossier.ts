import { randomUUID } from "node:crypto";
import { dossierSchema, type Dossier } from "@/lib/schemas/dossier";
import { RECORD_KINDS, RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { computeInherentTier } from "@/lib/domain/tier";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { refreshVendorSummary } from "./load-dossier";

// Writes a Dossier (the interchange format) into the database as a new vendor.
// Record and document ids in a dossier are only unique within it, so each gets
// a fresh database id and the references between them (evidenceId,
// coveredSiteIds) are rewritten to match.

export interface ImportOptions {
  isDemo?: boolean;
  /** The uploader recorded on document rows whose bytes the caller stored. */
  uploadedById: string;
  ownerId?: string | null;
}

export async function importDossier(tx: Tx, actor: Actor, input: Dossier, options: ImportOptions) {
  const dossier = dossierSchema.parse(input);
  const newId = new Map<string, string>();
  const mapId = (old: string) => {
    let id = newId.get(old);
    if (!id) newId.set(old, (id = randomUUID()));
    return id;
  };
  for (const doc of dossier.documents) mapId(doc.id);
  for (const key of RECORD_KIND_KEYS) for (const r of dossier[RECORD_KINDS[key].dossierKey]) mapId(r.id);

  const profile = dossier.profile;
  const computed = computeInherentTier(profile).tier;
  const tier: Tier = profile.tierOverride?.tier ?? computed;
  const vendor = await tx.vendor.create({
    data: {
      name: profile.name,
      searchName: profile.name.toLowerCase(),
      legalName: profile.legalName,
      website: profile.website ?? null,
      country: profile.country,
      services: profile.services,
      industries: profile.industries,
      industryTags: `|${profile.industries.join("|")}|`,
      dataCategories: profile.dataCategories,
      accessLevel: profile.accessLevel,
      computedTier: computed,
      tier,
      tierRank: TIERS.indexOf(tier),
      tierOverrideReason: profile.tierOverride?.reason ?? null,
      tierOverriddenById: profile.tierOverride ? actor.id : null,
      tierOverriddenAt: profile.tierOverride ? new Date() : null,
      status: profile.status,
      ownerId: options.ownerId ?? null,
      isDemo: options.isDemo ?? false,
    },
  });
  await tx.evidenceDocument.createMany({
    data: dossier.documents.map((d) => ({
      id: mapId(d.id),
      vendorId: vendor.id,
      kind: d.kind,
      title: d.title ?? null,
      fileKind: fileKindOf(d.mimeType),
      sha256: d.sha256,
      sizeBytes: d.sizeBytes,
      mimeType: d.mimeType,
      fileName: d.fileName,
      uploadedById: options.uploadedById,
      uploadedAt: new Date(d.uploadedAt),
      effectiveDate: d.effectiveDate,
    })),
  });
  const rows = RECORD_KIND_KEYS.flatMap((kind) =>
    (dossier[RECORD_KINDS[kind].dossierKey] as { id: string }[]).map(({ id, ...data }) => ({
      id: mapId(id),
      vendorId: vendor.id,
      kind,
      data: rewriteReferences(data, mapId),
      createdById: actor.id,
      updatedById: actor.id,
    })),
  );
  await tx.dossierRecord.createMany({ data: rows });
  await recordAudit(tx, actor, {
    action: "vendor.import",
    entityType: "vendor",
    entityId: vendor.id,
    vendorId: vendor.id,
    after: { name: vendor.name, records: rows.length, documents: dossier.documents.length },
  });
  await refreshVendorSummary(tx, vendor.id);
  return vendor;
}

function rewriteReferences(data: Record<string, unknown>, mapId: (id: string) => string): object {
  const out: Record<string, unknown> = { ...data };
  if (typeof out.evidenceId === "string") out.evidenceId = mapId(out.evidenceId);
  if (Array.isArray(out.coveredSiteIds)) out.coveredSiteIds = (out.coveredSiteIds as string[]).map(mapId);
  return out;
}

function fileKindOf(mimeType: string): string {
  if (mimeType.startsWith("text/plain")) return "txt";
  if (mimeType === "application/pdf") return "pdf";
  if (mimeType === "image/png") return "png";
  if (mimeType === "image/jpeg") return "jpeg";
  if (mimeType.includes("wordprocessingml")) return "docx";
  if (mimeType.includes("spreadsheetml")) return "xlsx";
  return "pdf";
}
