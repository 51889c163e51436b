import { z } from "zod";
import { isAnyRecordKind, isLegalRecordKind, recordKindSpec, type AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { futureDatedFieldErrors } from "@/lib/domain/future-dated";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { refreshVendorSummary } from "../dossier/load-dossier";
import { AppError, notFound, staleEdit } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { assertContractNotCited, assertLegalRecordAllowed, bumpLegalRevision } from "./legal-records";

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

function auditEntity(kind: AnyRecordKindKey) {
  return `dossier.${kind}`;
}

async function assertEvidenceBelongs(tx: Tx, vendorId: string, data: Record<string, unknown>) {
  const evidenceId = data.evidenceId;
  if (typeof evidenceId !== "string" || evidenceId === "") return;
  const doc = await tx.evidenceDocument.findFirst({ where: { id: evidenceId, vendorId } });
  if (!doc) throw new AppError("VALIDATION", "Check the highlighted field.", { evidenceId: "Choose a document uploaded for this vendor" });
}

/** Whether another record of this kind for the vendor already has `field` set to `value`. */
async function anotherRecordHas(tx: Tx, vendorId: string, kind: AnyRecordKindKey, id: string | undefined, field: string, value: unknown): Promise<boolean> {
  const rows = await tx.dossierRecord.findMany({ where: { vendorId, kind }, select: { id: true, data: true } });
  return rows.some((r) => r.id !== id && (r.data as Record<string, unknown>)[field] === value);
}

/** Control assessments are one per control; a second one for the same code is a conflict, not a duplicate. */
async function assertUniqueControl(tx: Tx, vendorId: string, id: string | undefined, data: Record<string, unknown>) {
  if (await anotherRecordHas(tx, vendorId, "control", id, "code", data.code)) {
    throw new AppError("CONFLICT", "This control was assessed by someone else meanwhile. Reload to see their assessment.");
  }
  const catalogue = await tx.controlDefinition.findUnique({ where: { code: String(data.code) } });
  if (!catalogue) throw new AppError("VALIDATION", "Unknown control.", { code: "This control is not in the catalogue" });
}

/** KPIs are one record per quarter (as the dossier import checks): a second one for the same quarter would make the trend ambiguous. */
async function assertUniqueKpiPeriod(tx: Tx, vendorId: string, id: string | undefined, data: Record<string, unknown>) {
  if (await anotherRecordHas(tx, vendorId, "kpi", id, "period", data.period)) {
    throw new AppError("VALIDATION", "Check the highlighted field.", { period: `${String(data.period)} is already recorded. Edit that period instead.` });
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
  return inTransaction(tx, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: envelope.vendorId }, select: { id: true } });
    if (!vendor) throw notFound("Vendor not found.");
    if (isLegalRecordKind(kind)) await bumpLegalRevision(tx, vendor.id);
    await assertEvidenceBelongs(tx, vendor.id, data);
    if (kind === "control") await assertUniqueControl(tx, vendor.id, envelope.id, data);
    if (kind === "kpi") await assertUniqueKpiPeriod(tx, vendor.id, envelope.id, data);
    if (isLegalRecordKind(kind)) await assertLegalRecordAllowed(tx, vendor.id, kind, envelope.id, data);

    let record;
    let before: unknown = undefined;
    if (envelope.id) {
      const existing = await tx.dossierRecord.findFirst({ where: { id: envelope.id, vendorId: vendor.id, kind } });
      if (!existing) throw notFound(`${spec.label} not found.`);
      if (envelope.version === undefined) throw staleEdit(spec.label.toLowerCase());
      const { count } = await tx.dossierRecord.updateMany({
        where: { id: existing.id, version: envelope.version },
        data: { data: data as object, version: { increment: 1 }, updatedById: actor.id },
      });
      if (count === 0) throw staleEdit(spec.label.toLowerCase());
      before = existing.data;
      record = await tx.dossierRecord.findUniqueOrThrow({ where: { id: existing.id } });
    } else {
      record = await tx.dossierRecord.create({
        data: { vendorId: vendor.id, kind, data: data as object, createdById: actor.id, updatedById: actor.id },
      });
    }
    await recordAudit(tx, actor, {
      action: `${auditEntity(kind)}.${envelope.id ? "update" : "create"}`,
      entityType: auditEntity(kind),
      entityId: record.id,
      vendorId: vendor.id,
      before,
      after: record.data,
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
      before: existing.data,
    });
    await refreshVendorSummary(tx, vendorId);
    return { id };
  });
}
