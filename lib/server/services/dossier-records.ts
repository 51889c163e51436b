import { z } from "zod";
import { isAnyRecordKind, isLegalRecordKind, recordKindSpec, type AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { futureDatedFieldErrors } from "@/lib/domain/assurance/future-dated";
import type { AuditRecordFields } from "@/lib/schemas/audit-actions";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { refreshVendorSummary } from "./vendor-summaries";
import { createRecord, deleteRecord, findRecord, updateRecord } from "../dossier/record-store";
import { isUniqueKeyViolation } from "../db-errors";
import { AppError, notFound, staleEdit } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { assertContractNotCited, assertLegalRecordAllowed, bumpLegalRevision } from "./legal-records";
import { assertRecordUnique, duplicateRecordError } from "./record-uniqueness";

// One service for every dossier record kind (sites, SOC 2, ISO, insurance,
// controls, KPIs… and legal's contracts, clauses, DPA, transfers and
// sub-processors): the kind registry supplies the schema and the permission,
// this module supplies the lock, the audit event and the summary refresh.
// Legal kinds also move the vendor's legal revision (legal-records.ts).

const envelopeSchema = z.object({
  vendorId: z.string().min(1),
  kind: z.string().refine((k) => isAnyRecordKind(k), "Unknown record kind"),
  id: z.string().min(1).optional(),
  version: z.number().int().positive().optional(),
  data: z.unknown(),
});

const deleteSchema = z.object({
  vendorId: z.string().min(1),
  kind: z.string().refine((k) => isAnyRecordKind(k), "Unknown record kind"),
  id: z.string().min(1),
  version: z.number().int().positive(),
});

/** What the save and delete actions take; the service still parses it, since a server action is reachable with any body. */
export type DossierRecordSaveInput = z.infer<typeof envelopeSchema>;
export type DossierRecordDeleteInput = z.infer<typeof deleteSchema>;

function auditEntity<K extends AnyRecordKindKey>(kind: K): `dossier.${K}` {
  return `dossier.${kind}`;
}

async function assertEvidenceBelongs(tx: Tx, vendorId: string, data: Record<string, unknown>) {
  const evidenceId = data.evidenceId;
  if (typeof evidenceId !== "string" || evidenceId === "") return;
  const doc = await tx.evidenceDocument.findFirst({ where: { id: evidenceId, vendorId } });
  if (!doc) throw new AppError("VALIDATION", "Check the highlighted field.", { evidenceId: "Choose a document uploaded for this vendor" });
}

/** An ISO certificate may only list sites recorded for the same vendor. */
async function assertSitesBelong(tx: Tx, vendorId: string, data: Record<string, unknown>) {
  const siteIds = [...new Set((data.coveredSiteIds as string[] | undefined) ?? [])];
  if (siteIds.length === 0) return;
  const found = await tx.deliverySite.count({ where: { vendorId, id: { in: siteIds } } });
  if (found !== siteIds.length) throw new AppError("VALIDATION", "Check the highlighted field.", { coveredSiteIds: "Choose delivery sites recorded for this vendor" });
}

/** A site an ISO certificate lists cannot go: the certificate's scope would name nothing. */
async function assertSiteNotCovered(tx: Tx, siteId: string) {
  const covering = await tx.isoCertificateSite.findMany({ where: { siteId }, select: { certificate: { select: { certificateNumber: true } } } });
  if (covering.length === 0) return;
  const numbers = covering.map((c) => c.certificate.certificateNumber).join(", ");
  throw new AppError("INVALID_STATE", `ISO certificate ${numbers} lists this site in its scope. Remove the site from the certificate first, then delete it.`);
}

/** Control assessments must name a control of the catalogue. */
async function assertKnownControl(tx: Tx, data: Record<string, unknown>) {
  const catalogue = await tx.controlDefinition.findUnique({ where: { code: String(data.code) } });
  if (!catalogue) throw new AppError("VALIDATION", "Unknown control.", { code: "This control is not in the catalogue" });
}

/** Runs a write of `data`; a race lost on the "one per …" index answers like the check before it. */
async function writeUnique<T>(kind: AnyRecordKindKey, data: Record<string, unknown>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueKeyViolation(error)) throw duplicateRecordError(kind, data);
    throw error;
  }
}

export async function saveDossierRecord({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  const envelope = parseInput(envelopeSchema, input);
  const kind = envelope.kind as AnyRecordKindKey;
  const spec = recordKindSpec(kind);
  requirePermission(actor, spec.permission);
  const { id: _ignored, ...data } = parseInput(spec.schema, envelope.data) as Record<string, unknown>;
  // Evidence dated in the future is invalid input (lib/domain/assurance/future-dated.ts). The zod schema is shared with the form and knows no `now`, so the check lives here.
  const future = futureDatedFieldErrors(kind, data, now);
  if (Object.keys(future).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", future);
  return inTransaction(tx, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: envelope.vendorId }, select: { id: true } });
    if (!vendor) throw notFound("Vendor not found.");
    if (isLegalRecordKind(kind)) await bumpLegalRevision(tx, vendor.id);
    await assertEvidenceBelongs(tx, vendor.id, data);
    await assertRecordUnique(tx, vendor.id, kind, envelope.id, data);
    if (kind === "control") await assertKnownControl(tx, data);
    if (kind === "iso") await assertSitesBelong(tx, vendor.id, data);
    if (isLegalRecordKind(kind)) await assertLegalRecordAllowed(tx, vendor.id, kind, data);

    let record;
    let before: unknown = undefined;
    if (envelope.id) {
      const existing = await findRecord(tx, kind, vendor.id, envelope.id);
      if (!existing) throw notFound(`${spec.label} not found.`);
      const version = envelope.version;
      if (version === undefined) throw staleEdit(spec.label.toLowerCase());
      const count = await writeUnique(kind, data, () => updateRecord(tx, kind, { id: existing.id, version, data, actorId: actor.id }));
      if (count === 0) throw staleEdit(spec.label.toLowerCase());
      before = existing.data;
      record = (await findRecord(tx, kind, vendor.id, existing.id))!;
    } else {
      record = await writeUnique(kind, data, () => createRecord(tx, { kind, vendorId: vendor.id, data, actorId: actor.id }));
    }
    await recordAudit(tx, actor, {
      action: `${auditEntity(kind)}.${envelope.id ? "update" : "create"}`,
      entityType: auditEntity(kind),
      entityId: record.id,
      vendorId: vendor.id,
      before: before as AuditRecordFields | undefined,
      after: record.data as AuditRecordFields,
    });
    await refreshVendorSummary(tx, vendor.id);
    return { id: record.id, version: record.version };
  });
}

export async function deleteDossierRecord({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  const { vendorId, kind: rawKind, id, version } = parseInput(deleteSchema, input);
  const kind = rawKind as AnyRecordKindKey;
  const spec = recordKindSpec(kind);
  requirePermission(actor, spec.permission);
  return inTransaction(tx, async (tx) => {
    const existing = await findRecord(tx, kind, vendorId, id);
    if (!existing) throw notFound(`${spec.label} not found.`);
    if (isLegalRecordKind(kind)) {
      await bumpLegalRevision(tx, vendorId);
      if (kind === "contract") await assertContractNotCited(tx, vendorId, id);
    }
    if (kind === "site") await assertSiteNotCovered(tx, id);
    const count = await deleteRecord(tx, kind, id, version);
    if (count === 0) throw staleEdit(spec.label.toLowerCase());
    await recordAudit(tx, actor, {
      action: `${auditEntity(kind)}.delete`,
      entityType: auditEntity(kind),
      entityId: id,
      vendorId,
      before: existing.data as AuditRecordFields,
    });
    await refreshVendorSummary(tx, vendorId);
    return { id };
  });
}
