import { z } from "zod";
import { isAnyRecordKind, isLegalRecordKind, recordKindSpec, recordUniqueKey, type AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { futureDatedFieldErrors } from "@/lib/domain/future-dated";
import type { AuditRecordFields } from "@/lib/schemas/audit-actions";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { refreshVendorSummary } from "../dossier/load-dossier";
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
  // Evidence dated in the future is invalid input (lib/domain/future-dated.ts). The zod schema is shared with the form and knows no `now`, so the check lives here.
  const future = futureDatedFieldErrors(kind, data, now);
  if (Object.keys(future).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", future);
  const uniqueKey = recordUniqueKey(kind, data);
  return inTransaction(tx, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: envelope.vendorId }, select: { id: true } });
    if (!vendor) throw notFound("Vendor not found.");
    if (isLegalRecordKind(kind)) await bumpLegalRevision(tx, vendor.id);
    await assertEvidenceBelongs(tx, vendor.id, data);
    await assertRecordUnique(tx, vendor.id, kind, envelope.id, data);
    if (kind === "control") await assertKnownControl(tx, data);
    if (isLegalRecordKind(kind)) await assertLegalRecordAllowed(tx, vendor.id, kind, data);

    let record;
    let before: unknown = undefined;
    if (envelope.id) {
      const existing = await tx.dossierRecord.findFirst({ where: { id: envelope.id, vendorId: vendor.id, kind } });
      if (!existing) throw notFound(`${spec.label} not found.`);
      if (envelope.version === undefined) throw staleEdit(spec.label.toLowerCase());
      const { count } = await writeUnique(kind, data, () =>
        tx.dossierRecord.updateMany({
          where: { id: existing.id, version: envelope.version },
          data: { data: data as object, uniqueKey, version: { increment: 1 }, updatedById: actor.id },
        }),
      );
      if (count === 0) throw staleEdit(spec.label.toLowerCase());
      before = existing.data;
      record = await tx.dossierRecord.findUniqueOrThrow({ where: { id: existing.id } });
    } else {
      record = await writeUnique(kind, data, () =>
        tx.dossierRecord.create({
          data: { vendorId: vendor.id, kind, data: data as object, uniqueKey, createdById: actor.id, updatedById: actor.id },
        }),
      );
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
    const existing = await tx.dossierRecord.findFirst({ where: { id, vendorId, kind } });
    if (!existing) throw notFound(`${spec.label} not found.`);
    if (isLegalRecordKind(kind)) {
      await bumpLegalRevision(tx, vendorId);
      if (kind === "contract") await assertContractNotCited(tx, vendorId, id);
    }
    const { count } = await tx.dossierRecord.deleteMany({ where: { id, version } });
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
