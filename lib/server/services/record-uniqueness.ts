import { LEGAL_RECORD_KINDS, isLegalRecordKind, recordUniqueFields, type AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { Tx } from "../db";
import { findRecordWith } from "../dossier/record-store";
import { AppError } from "../errors";

// The "one per …" rules of dossier records (one assessment per control, one
// KPI record per quarter, one clause row per clause, one transfer mechanism
// per country, one DPA status). The check below gives the form its message
// before anything is written; the unique index on the kind's table (e.g.
// ControlAssessment(vendorId, code)) decides when two saves race past the check at once, and
// isUniqueKeyViolation() (db-errors.ts) turns that refusal into the very same message.

/** The error a second record with the same "one per …" value gets, whichever way it was caught. */
export function duplicateRecordError(kind: AnyRecordKindKey, data: Record<string, unknown>): AppError {
  if (kind === "kpi") {
    return new AppError("VALIDATION", "Check the highlighted field.", { period: `${String(data.period)} is already recorded. Edit that period instead.` });
  }
  if (kind === "control") {
    return new AppError("CONFLICT", "This control was assessed by someone else meanwhile. Reload to see their assessment.", {
      code: "This control is already assessed. Edit that assessment instead.",
    });
  }
  // A second row for the same clause/country/DPA is someone else's concurrent first save, not a new record.
  const label = isLegalRecordKind(kind) ? LEGAL_RECORD_KINDS[kind].label : kind;
  return new AppError("CONFLICT", `This ${label.toLowerCase()} was recorded by someone else meanwhile. Reload to see it, then apply your change again.`);
}

/** Throws duplicateRecordError when another record of the vendor already holds this record's unique value. */
export async function assertRecordUnique(tx: Tx, vendorId: string, kind: AnyRecordKindKey, id: string | undefined, data: Record<string, unknown>) {
  const fields = recordUniqueFields(kind, data);
  if (fields === null) return;
  if (await findRecordWith(tx, kind, vendorId, fields, id)) throw duplicateRecordError(kind, data);
}
