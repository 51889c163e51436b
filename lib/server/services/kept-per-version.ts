// Answers read from the whole portfolio (the dashboard's aggregates, the
// legal queue's count and order, procurement's overview) or from a vendor's
// whole live dossier (an assessment's comparison with it) cost the same for every request that asks
// while nothing has changed: at 10,000 vendors about 140 ms for the dashboard
// on SQLite, where every query runs on the server's one thread, so ten people
// opening it at once waited for ten scans in a row (p95 up to 1.5 s). Each
// process therefore keeps such answers under a portfolio version made of what
// moves whenever they could change:
//
// - the audit chain head: every change to vendors, evidence, contracts,
//   sign-offs, assessments, remediation, risk acceptances and settings
//   commits with its audit event (docs/security.md, "What the audit chain proves");
// - the newest vendor summary (Vendor.findingsAt): the summary refresh after
//   midnight or a settings save rewrites findings and blocker counts without
//   an audit event, and moves this with every page of vendors it writes;
// - the day (UTC): the overdue, stale and lapsing windows move at midnight;
// - the database: one per server, but tests switch between databases.
//
// The version is read before the answer is computed, so a change committed
// meanwhile gives the next request a new version: an answer is never served
// for data it did not see. Requests that share a key share one computation.
// The version costs two indexed single-row reads. Every instance keeps its
// own answers against the same database, so this holds with several instances.
import { formatIsoDay } from "@/lib/domain/dates";
import { databaseUrl, db } from "../db";

/** Answers kept per process, oldest first: a few kinds of answer, a few filters each. */
const MAX_KEPT = 64;

// Shared by every bundle of the server (as the other per-process state).
const shared = globalThis as unknown as { assayKeptPerVersion?: Map<string, Promise<unknown>> };
const kept = (shared.assayKeptPerVersion ??= new Map());

async function portfolioVersion(now: Date): Promise<string> {
  const client = db();
  const [head, newest] = await Promise.all([
    client.auditChainHead.findUnique({ where: { id: 1 }, select: { lastId: true } }),
    client.vendor.aggregate({ _max: { findingsAt: true } }),
  ]);
  return `${databaseUrl()}|${formatIsoDay(now)}|${head?.lastId ?? 0}|${newest._max.findingsAt?.toISOString() ?? "-"}`;
}

/**
 * The answer of `kind` for `params` at the current portfolio version: the kept
 * one, or `compute`'s, kept for the next request. The version is read here,
 * before computing, so no caller can keep an answer under a key without one.
 * A failed computation is not kept.
 */
export async function keptPerVersion<T>(kind: string, now: Date, params: string, compute: () => Promise<T>): Promise<T> {
  const key = `${kind}|${await portfolioVersion(now)}|${params}`;
  const hit = kept.get(key) as Promise<T> | undefined;
  if (hit) {
    kept.delete(key); // most recently used last
    kept.set(key, hit);
    return hit;
  }
  const answer = compute();
  kept.set(key, answer);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
  answer.catch(() => {
    if (kept.get(key) === answer) kept.delete(key);
  });
  return answer;
}

/** For tests: forget every kept answer. */
export function forgetKeptAnswers(): void {
  kept.clear();
}
