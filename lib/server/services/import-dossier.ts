import { randomUUID } from "node:crypto";
import { dossierSchema, type Dossier } from "@/lib/schemas/dossier";
import { LEGAL_RECORD_KIND_KEYS, RECORD_KINDS, RECORD_KIND_KEYS, recordKindSpec, type AnyRecordKindKey, type LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { LegalDossier } from "@/lib/schemas/legal";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { notFound, staleEdit } from "../errors";
import { refreshVendorSummary } from "./vendor-summaries";
import { createVendorLists, replaceVendorLists } from "./vendor-lists";
import { createRecords, deleteVendorRecords, listRecords } from "../dossier/record-store";

// Writes a Dossier (the interchange format) into the database as a new vendor.
// Record and document ids in a dossier are only unique within it, so each gets
// a fresh database id and the references between them (evidenceId,
// coveredSiteIds, a clause's or the DPA's contractId) are rewritten to match.

export interface ImportOptions {
  isDemo?: boolean;
  /** The uploader recorded on document rows whose bytes the caller stored. */
  uploadedById: string;
  /** User ids by e-mail: a document whose uploadedBy names a known user keeps that uploader. */
  uploaderIds?: ReadonlyMap<string, string>;
  ownerId?: string | null;
}

/**
 * Writing a whole dossier writes every kind of record, so it needs every
 * permission those kinds need (docs/security.md, least privilege): in
 * practice an administrator, or the system actor of the CLI and the seed.
 */
export function requireEveryRecordPermission(actor: Actor) {
  for (const kind of [...RECORD_KIND_KEYS, ...LEGAL_RECORD_KIND_KEYS]) requirePermission(actor, recordKindSpec(kind).permission);
}

export async function importDossier(tx: Tx, actor: Actor, input: Dossier, options: ImportOptions) {
  requirePermission(actor, "vendor.create");
  requireEveryRecordPermission(actor);
  const dossier = dossierSchema.parse(input);
  const newId = new Map<string, string>();
  const mapId = (old: string) => {
    let id = newId.get(old);
    if (!id) newId.set(old, (id = randomUUID()));
    return id;
  };
  for (const doc of dossier.documents) mapId(doc.id);
  for (const key of RECORD_KIND_KEYS) for (const r of dossier[RECORD_KINDS[key].dossierKey]) mapId(r.id);
  for (const c of dossier.legal.contracts) mapId(c.id);

  const vendor = await tx.vendor.create({
    data: {
      ...profileColumns(dossier, actor),
      ...createVendorLists(dossier.profile),
      ownerId: options.ownerId ?? null,
      isDemo: options.isDemo ?? false,
    },
  });
  await tx.evidenceDocument.createMany({ data: documentRows(dossier, vendor.id, mapId, options) });
  const { rows, legalRows } = recordRows(dossier, vendor.id, mapId, actor);
  await createRecords(tx, [...rows, ...legalRows]);
  await recordAudit(tx, actor, {
    action: "vendor.import",
    entityType: "vendor",
    entityId: vendor.id,
    vendorId: vendor.id,
    after: { name: vendor.name, records: rows.length + legalRows.length, documents: dossier.documents.length },
  });
  await refreshVendorSummary(tx, vendor.id);
  return vendor;
}

/**
 * Replaces an existing vendor's whole dossier (profile, documents' metadata,
 * every record including the legal review) with the one in `input`, in one
 * audited change. A record or document whose id already belongs to this
 * vendor keeps it (so exporting a vendor, editing the file and importing it
 * back with --update keeps evidence links and record ids) and gets its
 * version bumped, so a form still open on the old record is refused as
 * stale. Anything else gets a fresh id; records absent from the file are
 * removed. Evidence bytes are not touched: documents are metadata pointing at
 * blobs by SHA-256.
 */
export async function replaceDossier(tx: Tx, actor: Actor, vendorId: string, input: Dossier, options: ReplaceOptions) {
  requirePermission(actor, "vendor.update");
  requireEveryRecordPermission(actor);
  const dossier = dossierSchema.parse(input);
  const vendor = await tx.vendor.findUnique({ where: { id: vendorId } });
  if (!vendor) throw notFound("Vendor not found.");
  if (options.expectedVersion !== undefined) {
    // Compare-and-set before anything is replaced: a save since the caller read the vendor makes count 0 (409).
    const { count } = await tx.vendor.updateMany({ where: { id: vendorId, version: options.expectedVersion }, data: { version: options.expectedVersion } });
    if (count === 0) throw staleEdit("vendor");
  }
  const [oldRecords, oldDocuments] = await Promise.all([
    listRecords(tx, vendorId),
    tx.evidenceDocument.findMany({ where: { vendorId }, select: { id: true, version: true } }),
  ]);
  const ownRecords = new Map(oldRecords.map((r) => [r.id, r]));
  const ownDocuments = new Map(oldDocuments.map((d) => [d.id, d]));
  const newId = new Map<string, string>();
  const mapId = (old: string) => {
    let id = newId.get(old);
    if (!id) newId.set(old, (id = ownRecords.has(old) || ownDocuments.has(old) ? old : randomUUID()));
    return id;
  };

  await deleteVendorRecords(tx, vendorId);
  await tx.evidenceDocument.deleteMany({ where: { vendorId } });
  await tx.evidenceDocument.createMany({
    data: documentRows(dossier, vendorId, mapId, options).map((d) => ({ ...d, version: (ownDocuments.get(d.id)?.version ?? 0) + 1 })),
  });
  const { rows, legalRows } = recordRows(dossier, vendorId, mapId, actor);
  await createRecords(
    tx,
    [...rows, ...legalRows].map((r) => {
      const previous = ownRecords.get(r.id);
      return previous ? { ...r, version: previous.version + 1 } : r;
    }),
  );

  const columns = profileColumns(dossier, actor);
  const overrideUnchanged = columns.tierOverrideReason !== null && columns.tierOverrideReason === vendor.tierOverrideReason && columns.tier === vendor.tier;
  const updated = await tx.vendor.update({
    where: { id: vendorId },
    data: {
      ...columns,
      ...replaceVendorLists(dossier.profile),
      // An override carried over unchanged keeps who made it and when.
      ...(overrideUnchanged ? { tierOverriddenById: vendor.tierOverriddenById, tierOverriddenAt: vendor.tierOverriddenAt } : {}),
      ...(options.ownerId !== undefined ? { ownerId: options.ownerId } : {}),
      version: { increment: 1 },
      legalRevision: { increment: 1 },
    },
  });
  await recordAudit(tx, actor, {
    action: "vendor.replace_dossier",
    entityType: "vendor",
    entityId: vendorId,
    vendorId,
    before: { name: vendor.name, tier: vendor.tier, records: oldRecords.length, documents: oldDocuments.length },
    after: { name: updated.name, tier: updated.tier, records: rows.length + legalRows.length, documents: dossier.documents.length },
  });
  await refreshVendorSummary(tx, vendorId);
  return updated;
}

export interface ReplaceOptions {
  uploadedById: string;
  uploaderIds?: ReadonlyMap<string, string>;
  /** undefined leaves the owner as it is. */
  ownerId?: string | null;
  /** The vendor's version the caller read; replacing refuses (CONFLICT) when it has changed since. */
  expectedVersion?: number;
}

/** The vendor row's columns that come from the dossier profile. */
function profileColumns(dossier: Dossier, actor: Actor) {
  const profile = dossier.profile;
  const computed = computeInherentTier(profile).tier;
  const tier: Tier = profile.tierOverride?.tier ?? computed;
  return {
    name: profile.name,
    searchName: profile.name.toLowerCase(),
    legalName: profile.legalName,
    website: profile.website ?? null,
    country: profile.country,
    accessLevel: profile.accessLevel,
    computedTier: computed,
    tier,
    tierRank: TIERS.indexOf(tier),
    tierOverrideReason: profile.tierOverride?.reason ?? null,
    tierOverriddenById: profile.tierOverride ? actor.id : null,
    tierOverriddenAt: profile.tierOverride ? new Date() : null,
    status: profile.status,
  };
}

function documentRows(dossier: Dossier, vendorId: string, mapId: (id: string) => string, options: Pick<ImportOptions, "uploadedById" | "uploaderIds">) {
  return dossier.documents.map((d) => ({
    id: mapId(d.id),
    vendorId,
    kind: d.kind,
    title: d.title ?? null,
    fileKind: fileKindOf(d.mimeType),
    sha256: d.sha256,
    sizeBytes: d.sizeBytes,
    mimeType: d.mimeType,
    fileName: d.fileName,
    uploadedById: options.uploaderIds?.get(d.uploadedBy.toLowerCase()) ?? options.uploadedById,
    uploadedAt: new Date(d.uploadedAt),
    effectiveDate: d.effectiveDate,
  }));
}

/**
 * Every record row of the dossier. Rows are read back in createdAt order, so
 * each gets its own millisecond in file order: an export lists them as the
 * imported file did.
 */
function recordRows(dossier: Dossier, vendorId: string, mapId: (id: string) => string, actor: Actor) {
  const base = Date.now();
  let seq = 0;
  const stamp = () => new Date(base + seq++);
  const rows = RECORD_KIND_KEYS.flatMap((kind: AnyRecordKindKey) =>
    (dossier[RECORD_KINDS[kind as keyof typeof RECORD_KINDS].dossierKey] as { id: string }[]).map(({ id, ...data }) => ({
      id: mapId(id),
      vendorId,
      kind,
      data: rewriteReferences(data, mapId),
      actorId: actor.id,
      createdAt: stamp(),
    })),
  );
  const legalRows = legalRecords(dossier.legal, mapId).map((r) => ({ ...r, vendorId, actorId: actor.id, createdAt: stamp() }));
  return { rows, legalRows };
}

/** dossier.legal as record rows of the legal kinds (dossier-record-kinds.ts), references rewritten. */
function legalRecords(legal: LegalDossier, mapId: (id: string) => string): { id: string; kind: LegalRecordKindKey; data: Record<string, unknown> }[] {
  const out: { id: string; kind: LegalRecordKindKey; data: Record<string, unknown> }[] = [];
  for (const { id, ...data } of legal.contracts) out.push({ id: mapId(id), kind: "contract", data: rewriteReferences(data, mapId) });
  for (const row of legal.clauseReviews) {
    const citation = row.citation ? { ...row.citation, contractId: mapId(row.citation.contractId) } : undefined;
    out.push({ id: randomUUID(), kind: "clause", data: stripUndefined({ ...row, citation }) });
  }
  const dpa = legal.dpa.contractId ? { ...legal.dpa, contractId: mapId(legal.dpa.contractId) } : legal.dpa;
  out.push({ id: randomUUID(), kind: "dpa", data: dpa });
  for (const t of legal.transferMechanisms) out.push({ id: randomUUID(), kind: "transfer", data: t });
  for (const { id, ...data } of legal.subProcessors) out.push({ id: id ? mapId(id) : randomUUID(), kind: "subprocessor", data });
  return out;
}

function stripUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
}

function rewriteReferences(data: Record<string, unknown>, mapId: (id: string) => string): Record<string, unknown> {
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
