import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import Database from "better-sqlite3";
import { ChainVerifier, type ChainedAuditEvent, type ChainVerification } from "@/lib/domain/audit/hash-chain";
import { databaseProvider, databaseUrl, db, sqlitePath, type PrismaClient } from "../db";
import type { RangeHashChecker } from "./parallel-hash";
import { sqliteEventPages, sqliteLinkPages } from "./sqlite-events";

const PAGE = 5_000;

export interface VerifyAuditChainOptions {
  /**
   * Read the events straight from this SQLite file (read-only connection, one
   * snapshot) instead of through Prisma. Same rows, same values (JSON parsed,
   * instants as Date, exactly as Prisma returns them), ~3x faster for a
   * million events; verifyConfiguredAuditChain() uses it on SQLite.
   */
  sqliteFile?: string;
  /**
   * With sqliteFile: check row hashes with this (worker threads, see
   * parallel-hash.ts) while this thread checks the links. The CLI passes it.
   */
  checkRowHashes?: RangeHashChecker;
}

/**
 * Walks the whole audit log in id order, page by page (memory stays flat for
 * millions of rows), and checks every hash and link. The head row, written in
 * the same transaction as every event, is the expected end of the chain, so
 * events cut off the end are detected too, and so are rows added after the
 * head outside the app.
 *
 * Events appended by the app while the check runs are not a break: the check
 * covers the chain up to the head it read, then continues to the newer head.
 */
export async function verifyAuditChain(client: PrismaClient, opts: VerifyAuditChainOptions = {}): Promise<ChainVerification> {
  return opts.sqliteFile ? verifySqliteSnapshot(opts.sqliteFile, opts.checkRowHashes) : verifyThroughPrisma(client);
}

/** The check on the app's own database (CLI, admin page), with the SQLite fast path. */
export function verifyConfiguredAuditChain(opts: Pick<VerifyAuditChainOptions, "checkRowHashes"> = {}): Promise<ChainVerification> {
  const url = databaseUrl();
  return verifyAuditChain(db(), databaseProvider(url) === "sqlite" ? { sqliteFile: sqlitePath(url), ...opts } : {});
}

export function describeVerification(result: ChainVerification): string {
  return result.ok
    ? `OK: ${result.count} audit events, head ${result.headHash}`
    : `BROKEN at audit event ${result.brokenAt.id ?? "?"} (${result.brokenAt.reason}): ${result.message}`;
}

type Head = { lastId: number; lastHash: string } | null;

/** Rows past the recorded head cannot have been written by the app (head and event commit together). */
function beyondHead(id: number, head: { lastId: number }): ChainVerification & { ok: false } {
  return {
    ok: false,
    count: 0,
    brokenAt: { id, reason: "head-mismatch" },
    message: `audit event ${id} comes after the recorded chain head (event ${head.lastId}): rows were added outside the app`,
  };
}

function withCount(result: ChainVerification, verifiedBefore: number): ChainVerification {
  return { ...result, count: result.count + verifiedBefore };
}

async function verifyThroughPrisma(client: PrismaClient): Promise<ChainVerification> {
  const readHead = async (): Promise<Head> => client.auditChainHead.findUnique({ where: { id: 1 }, select: { lastId: true, lastHash: true } });
  async function verifyRange(verifier: ChainVerifier, after: number, upTo: number): Promise<void> {
    for (;;) {
      const rows = await client.auditEvent.findMany({ where: { id: { gt: after, lte: upTo } }, orderBy: { id: "asc" }, take: PAGE });
      for (const row of rows) if (!verifier.push(row as unknown as ChainedAuditEvent)) return;
      if (rows.length < PAGE) return;
      after = rows[rows.length - 1]!.id;
    }
  }

  let head = await readHead();
  if (!head) {
    // No event was ever written through the app: check whatever rows exist from genesis.
    const verifier = new ChainVerifier();
    await verifyRange(verifier, 0, Number.MAX_SAFE_INTEGER);
    return verifier.result();
  }
  let verified = 0;
  let from: { afterId: number; hash: string } | undefined;
  // Each round checks up to a head; the app may have appended meanwhile, so go on to the newer head.
  for (let round = 0; ; round++) {
    const verifier = new ChainVerifier({ ...(from ? { start: from } : {}), expectedHeadHash: head.lastHash });
    await verifyRange(verifier, from?.afterId ?? 0, head.lastId);
    const result = withCount(verifier.result(), verified);
    if (!result.ok) return result;
    verified = result.count;
    // Max id first, head second: an append committing in between only moves the head on.
    const maxId = (await client.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const next = (await readHead())!;
    if (maxId > next.lastId) {
      const first = await client.auditEvent.findFirst({ where: { id: { gt: next.lastId } }, orderBy: { id: "asc" }, select: { id: true } });
      return { ...beyondHead(first?.id ?? maxId, next), count: verified };
    }
    // Stop when no append happened meanwhile (or after a few rounds on a very busy log: the rest is next time's).
    if (next.lastId === head.lastId || round >= 10) return { ok: true, count: verified, headHash: head.lastHash, headId: head.lastId };
    from = { afterId: head.lastId, hash: head.lastHash };
    head = next;
  }
}

/**
 * One read transaction on a private read-only connection: the head, every
 * event up to it and the check for rows past it come from one snapshot, so
 * concurrent appends cannot cause a false alarm and nothing is missed. Pages
 * are read with a pause between them so a web request is never starved.
 */
async function verifySqliteSnapshot(file: string, checkRowHashes?: RangeHashChecker): Promise<ChainVerification> {
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    conn.exec("BEGIN");
    const head = conn.prepare(`SELECT "lastId", "lastHash" FROM "AuditChainHead" WHERE "id" = 1`).get() as Head | undefined;
    const upTo = head ? head.lastId : Number.MAX_SAFE_INTEGER;
    // With a row-hash checker (worker threads), this thread only checks order and links.
    const parallel = checkRowHashes && head ? checkRowHashes(file, upTo).then((id) => ({ id }), (error: unknown) => ({ error })) : null;
    const verifier = new ChainVerifier({ ...(head ? { expectedHeadHash: head.lastHash } : {}), rowHashesVerified: parallel !== null });
    for (const events of parallel ? sqliteLinkPages(conn, 0, upTo) : sqliteEventPages(conn, 0, upTo)) {
      let broken = false;
      for (const event of events) {
        if (!verifier.push(event)) {
          broken = true;
          break;
        }
      }
      if (broken) break;
      await yieldToEventLoop();
    }
    let result = verifier.result();
    const checked = parallel ? await parallel : null;
    if (checked && "error" in checked) {
      // Workers could not run (resources, environment): the serial check gives the same answer, slower.
      conn.exec("COMMIT");
      return verifySqliteSnapshot(file);
    }
    const firstBadRow = checked ? checked.id : null;
    // The serial check reports whichever comes first in id order; for one row, its link before its hash.
    if (firstBadRow !== null && (result.ok || result.brokenAt.id === null || firstBadRow < result.brokenAt.id)) {
      result = explainBadRow(conn, firstBadRow);
    }
    if (!result.ok || !head) return result;
    const past = conn.prepare(`SELECT MIN("id") AS "id" FROM "AuditEvent" WHERE "id" > ?`).get(head.lastId) as { id: number | null };
    return past.id !== null ? { ...beyondHead(past.id, head), count: result.count } : result;
  } finally {
    if (conn.inTransaction) conn.exec("COMMIT");
    conn.close();
  }
}

/** The serial verifier's own verdict on one row whose hash a worker found wrong (same reason, same message). */
function explainBadRow(conn: Database.Database, id: number): ChainVerification {
  const [event] = sqliteEventPages(conn, id - 1, id).next().value ?? [];
  const before = (conn.prepare(`SELECT COUNT(*) AS "n" FROM "AuditEvent" WHERE "id" < ?`).get(id) as { n: number }).n;
  if (!event || typeof event.prevHash !== "string") return { ok: false, count: before, brokenAt: { id, reason: "malformed" }, message: `audit event ${id} cannot be hashed` };
  const verifier = new ChainVerifier({ start: { afterId: id - 1, hash: event.prevHash } });
  verifier.push(event);
  const result = verifier.result();
  return result.ok ? { ok: false, count: before, brokenAt: { id, reason: "hash-mismatch" }, message: `audit event ${id}: stored hash does not match its contents (the row was edited)` } : { ...result, count: before };
}
