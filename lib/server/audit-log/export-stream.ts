import type { AuditExportFormat } from "@/lib/schemas/audit-log";
import type { Actor } from "../actor";
import type { AuditAction } from "@/lib/schemas/audit-actions";
import { recordAudit, type AuditInput } from "../audit";
import { db, type Prisma, type Tx } from "../db";
import { AUDIT_CSV_HEADER, AUDIT_EVENT_SELECT, auditEventCsvLine, auditEventJsonLine, type AuditEventRow } from "./event-format";

// The streaming half of an audit export, shared by the audit log export and
// the vendor pack (lib/server/services/audit-events.ts, vendor-pack.ts). These
// are building blocks, not services: the callers check the permission before
// calling them (docs/security.md), which is why they live outside services/.

type Where = Prisma.AuditEventWhereInput;

const EXPORT_PAGE = 2_000;

/**
 * Events matching `where` with id <= upToId, oldest first, read page by page
 * so an export of a million rows holds one page in memory.
 */
export async function* auditEventsInOrder(client: Tx, where: Where, upToId: number): AsyncGenerator<AuditEventRow> {
  let after = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: { AND: [where, { id: { gt: after, lte: upToId } }] },
      orderBy: { id: "asc" },
      take: EXPORT_PAGE,
      select: AUDIT_EVENT_SELECT,
    });
    for (const row of rows) yield row;
    if (rows.length < EXPORT_PAGE) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** The text of an events file, line by line. */
export async function* auditEventLines(events: AsyncIterable<AuditEventRow>, format: AuditExportFormat): AsyncGenerator<string> {
  if (format === "csv") yield AUDIT_CSV_HEADER;
  for await (const event of events) yield format === "csv" ? auditEventCsvLine(event) : auditEventJsonLine(event);
}

/**
 * Records `action` and returns the chain head right after it, in one
 * transaction: the head then names this very event, and everything up to it
 * is a consistent snapshot to export.
 */
export async function recordAndReadHead<A extends AuditAction>(actor: Actor, input: AuditInput<A>): Promise<{ headId: number; headHash: string }> {
  return db().$transaction(async (tx) => {
    await recordAudit(tx, actor, input);
    const head = await tx.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    return { headId: head.lastId, headHash: head.lastHash };
  });
}
