// How audit events leave Assay: the audit log export and every audit pack
// write the same two files.
//
// - JSONL: one JSON object per line with every hashed field (lib/domain/audit/hash-chain.ts,
//   AUDIT_HASHED_FIELDS) plus prevHash and hash, nulls included, `at` as the
//   exact toISOString() text. An auditor can recompute each row's hash from
//   this file alone: sha256(canonicalJson({...fields, prevHash})) === hash.
// - CSV: the same columns for spreadsheets; before/after as JSON text. Cells
//   that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) are
//   prefixed with ' (OWASP CSV injection): a user agent or e-mail typed by a
//   stranger at the sign-in form must not become a formula on an auditor's
//   machine. Recompute hashes from the JSONL file, which is never altered.
import { AUDIT_HASHED_FIELDS } from "@/lib/domain/audit/hash-chain";

export interface AuditEventRow {
  id: number;
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  vendorId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  prevHash: string | null;
  hash: string | null;
}

/** Columns of both files, in this order. */
export const AUDIT_EXPORT_COLUMNS = [...AUDIT_HASHED_FIELDS, "prevHash", "hash"] as const;

/** Prisma `select` for exactly the exported columns. */
export const AUDIT_EVENT_SELECT = Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c) => [c, true])) as Record<(typeof AUDIT_EXPORT_COLUMNS)[number], true>;

export function auditEventJsonLine(event: AuditEventRow): string {
  const out: Record<string, unknown> = {};
  for (const column of AUDIT_EXPORT_COLUMNS) {
    const value = event[column];
    out[column] = value instanceof Date ? value.toISOString() : (value ?? null);
  }
  return JSON.stringify(out) + "\n";
}

export const AUDIT_CSV_HEADER = AUDIT_EXPORT_COLUMNS.join(",") + "\r\n";

export function auditEventCsvLine(event: AuditEventRow): string {
  return AUDIT_EXPORT_COLUMNS.map((column) => csvCell(event[column])).join(",") + "\r\n";
}

/** One RFC 4180 cell: quoted when needed, formulas neutralised. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(text) && typeof value === "string") text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV document from rows of plain values (header = keys of `columns`). */
export function csvDocument(columns: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return [columns.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))].join("\r\n") + "\r\n";
}
