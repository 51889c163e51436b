import { addDaysToDay, dayStartInstant, formatIsoDay } from "@/lib/domain/dates";
import type { AuditExportFormat, AuditLogFilter, AuditLogQuery } from "@/lib/schemas/audit-log";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, type Prisma, type Tx } from "../db";
import { AUDIT_EVENT_SELECT, type AuditEventRow } from "../audit-log/event-format";
import { auditEventLines, auditEventsInOrder, recordAndReadHead } from "../audit-log/export-stream";

type Where = Prisma.AuditEventWhereInput;

/** Vendors a name fragment may match; more than this and the filter is too vague to be useful anyway. */
const VENDOR_NAME_MATCHES = 500;

/**
 * The Prisma filter for the audit log screen and its export. Only portable
 * operators (no `mode: "insensitive"`): e-mails and vendor search names are
 * stored lower-cased, so lower-casing the input is enough on both providers.
 */
async function auditEventsWhere(client: Tx, filter: AuditLogFilter): Promise<Where> {
  const and: Where[] = [];
  if (filter.vendor) {
    const byName = await client.vendor.findMany({
      where: { searchName: { contains: filter.vendor.toLowerCase() } },
      select: { id: true },
      take: VENDOR_NAME_MATCHES,
    });
    // The exact id too: events keep a deleted vendor's id.
    and.push({ vendorId: { in: [filter.vendor, ...byName.map((v) => v.id)] } });
  }
  if (filter.actor) {
    and.push({ OR: [{ actorId: filter.actor }, { actorEmail: { contains: filter.actor.toLowerCase() } }] });
  }
  if (filter.action) {
    and.push(filter.action.endsWith(".*") ? { action: { startsWith: filter.action.slice(0, -1) } } : { action: filter.action });
  }
  if (filter.from) and.push({ at: { gte: dayStartInstant(filter.from) } });
  if (filter.to) and.push({ at: { lt: dayStartInstant(addDaysToDay(filter.to, 1)) } });
  return and.length === 0 ? {} : { AND: and };
}

export interface AuditLogPage {
  events: (AuditEventRow & { vendorName: string | null })[];
  /** Cursor for the next (older) page, if there is one. */
  olderThan: number | null;
  /** Cursor for the previous (newer) page, if there is one. */
  newerThan: number | null;
}

/** One page of the audit log, newest first, keyset-paginated on id (stable while events are appended). */
export async function listAuditEvents({ actor, query }: { actor: Actor; query: AuditLogQuery }): Promise<AuditLogPage> {
  requirePermission(actor, "auditlog.read");
  const client = db();
  const where = await auditEventsWhere(client, query);
  const size = query.pageSize;
  let rows: AuditEventRow[];
  let moreNewer: boolean;
  let moreOlder: boolean;
  if (query.after !== undefined && query.before === undefined) {
    const asc = await client.auditEvent.findMany({ where: { AND: [where, { id: { gt: query.after } }] }, orderBy: { id: "asc" }, take: size + 1, select: AUDIT_EVENT_SELECT });
    moreNewer = asc.length > size;
    rows = asc.slice(0, size).reverse();
    moreOlder = rows.length > 0 && (await exists(client, { AND: [where, { id: { lt: rows[rows.length - 1]!.id } }] }));
  } else {
    const desc = await client.auditEvent.findMany({
      where: query.before !== undefined ? { AND: [where, { id: { lt: query.before } }] } : where,
      orderBy: { id: "desc" },
      take: size + 1,
      select: AUDIT_EVENT_SELECT,
    });
    moreOlder = desc.length > size;
    rows = desc.slice(0, size);
    moreNewer = query.before !== undefined && rows.length > 0 && (await exists(client, { AND: [where, { id: { gt: rows[0]!.id } }] }));
  }
  const vendorIds = [...new Set(rows.map((r) => r.vendorId).filter((v): v is string => v !== null))];
  const vendors = vendorIds.length ? await client.vendor.findMany({ where: { id: { in: vendorIds } }, select: { id: true, name: true } }) : [];
  const nameOf = new Map(vendors.map((v) => [v.id, v.name]));
  return {
    events: rows.map((r) => ({ ...r, vendorName: r.vendorId ? (nameOf.get(r.vendorId) ?? null) : null })),
    olderThan: moreOlder && rows.length > 0 ? rows[rows.length - 1]!.id : null,
    newerThan: moreNewer && rows.length > 0 ? rows[0]!.id : null,
  };
}

async function exists(client: Tx, where: Where): Promise<boolean> {
  return (await client.auditEvent.findFirst({ where, select: { id: true } })) !== null;
}

export interface AuditLogExport {
  fileName: string;
  contentType: string;
  lines: AsyncGenerator<string>;
}

/**
 * The filtered audit log as CSV or JSONL. The export is itself recorded
 * ("auditlog.export", with the filter) before the first byte is sent, and
 * covers events up to and including that record.
 */
export async function exportAuditLog({ actor, filter, format, now = new Date() }: { actor: Actor; filter: AuditLogFilter; format: AuditExportFormat; now?: Date }): Promise<AuditLogExport> {
  requirePermission(actor, "auditlog.read");
  const client = db();
  const where = await auditEventsWhere(client, filter);
  const { headId } = await recordAndReadHead(actor, {
    action: "auditlog.export",
    entityType: "audit_log",
    after: { format, filter },
  });
  return {
    fileName: `assay-audit-log-${formatIsoDay(now)}.${format}`,
    contentType: format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
    lines: auditEventLines(auditEventsInOrder(client, where, headId), format),
  };
}
