import { z } from "zod";
import { isRealIsoDay } from "@/lib/domain/dates";
import { isAuditActionFilter } from "./audit-actions";

// The audit log screen's filters (query string), shared by the page, the
// CSV/JSONL export route and the service. Like the vendor list, bad values
// are dropped rather than refused: a hand-edited URL shows the unfiltered log.

const isoDay = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealIsoDay);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? undefined : s))
    .optional()
    .catch(undefined);

const cursor = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().catch(undefined);

export const auditLogFilterSchema = z.object({
  /** A vendor id, or part of a vendor's name. */
  vendor: optionalText(200),
  /** Part of the actor's e-mail address, or an exact user id. */
  actor: optionalText(200),
  /** An action of the audit catalogue ("vendor.update"), or a prefix of some ending in ".*" ("vendor.*"). */
  action: optionalText(100)
    .refine((a) => a === undefined || isAuditActionFilter(a))
    .catch(undefined),
  /** First UTC day included (YYYY-MM-DD). */
  from: isoDay.optional().catch(undefined),
  /** Last UTC day included (YYYY-MM-DD). */
  to: isoDay.optional().catch(undefined),
});
export type AuditLogFilter = z.infer<typeof auditLogFilterSchema>;

export const auditLogQuerySchema = auditLogFilterSchema.extend({
  /** Keyset pagination: events older than this id (newest first). */
  before: cursor,
  /** Keyset pagination backwards: events newer than this id. */
  after: cursor,
  pageSize: z.coerce.number().int().min(10).max(200).default(50).catch(50),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

export const AUDIT_EXPORT_FORMATS = ["csv", "jsonl"] as const;
export type AuditExportFormat = (typeof AUDIT_EXPORT_FORMATS)[number];
export const auditExportFormatSchema = z.enum(AUDIT_EXPORT_FORMATS);

/** The filter as query-string parameters (undefined ones left out), for links. */
export function auditFilterParams(filter: AuditLogFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ["vendor", "actor", "action", "from", "to"] as const) {
    const value = filter[key];
    if (value !== undefined) out[key] = value;
  }
  return out;
}
