// Reading audit events straight from a SQLite file, for the chain check's
// fast path (verify-chain.ts) and its worker threads (hash-worker.ts). Values
// come out exactly as Prisma's SQLite adapter returns them: DateTime text (or
// epoch milliseconds) as a Date, Json text parsed. Rows are read as arrays in
// pages: far less garbage than one object per row.
import type Database from "better-sqlite3";
import type { ChainedAuditEvent } from "@/lib/domain/audit/hash-chain";

export const SQLITE_PAGE = 2_000;

type Row = [
  id: number,
  at: string | number,
  actorId: string | null,
  actorEmail: string | null,
  action: string,
  entityType: string,
  entityId: string | null,
  vendorId: string | null,
  before: string | null,
  after: string | null,
  ip: string | null,
  userAgent: string | null,
  prevHash: string | null,
  hash: string | null,
];

function instant(value: string | number): Date {
  if (typeof value === "number") return new Date(value);
  return new Date(/(?:Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
}

function json(value: string | null): unknown {
  if (value === null) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value; // not JSON: hashing it as a string fails the row, as it should
  }
}

/** Full events with id in (after, upTo], page by page, in id order. */
export function* sqliteEventPages(conn: Database.Database, after: number, upTo: number): Generator<ChainedAuditEvent[]> {
  const page = conn
    .prepare(
      `SELECT "id","at","actorId","actorEmail","action","entityType","entityId","vendorId","before","after","ip","userAgent","prevHash","hash"
       FROM "AuditEvent" WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ${SQLITE_PAGE}`,
    )
    .raw(true);
  for (;;) {
    const rows = page.all(after, upTo) as Row[];
    if (rows.length === 0) return;
    yield rows.map(
      ([id, at, actorId, actorEmail, action, entityType, entityId, vendorId, before, afterValue, ip, userAgent, prevHash, hash]) =>
        ({ id, at: instant(at), actorId, actorEmail, action, entityType, entityId, vendorId, before: json(before), after: json(afterValue), ip, userAgent, prevHash, hash }) as ChainedAuditEvent,
    );
    if (rows.length < SQLITE_PAGE) return;
    after = rows[rows.length - 1]![0];
  }
}

/** Only what the link check needs (id, prevHash, hash): a fraction of the reading and none of the parsing. */
export function* sqliteLinkPages(conn: Database.Database, after: number, upTo: number): Generator<ChainedAuditEvent[]> {
  const page = conn.prepare(`SELECT "id","prevHash","hash" FROM "AuditEvent" WHERE "id" > ? AND "id" <= ? ORDER BY "id" LIMIT ${SQLITE_PAGE * 5}`).raw(true);
  for (;;) {
    const rows = page.all(after, upTo) as [number, string | null, string | null][];
    if (rows.length === 0) return;
    yield rows.map(([id, prevHash, hash]) => ({ id, prevHash, hash }) as ChainedAuditEvent);
    if (rows.length < SQLITE_PAGE * 5) return;
    after = rows[rows.length - 1]![0];
  }
}
