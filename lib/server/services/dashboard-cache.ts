// The dashboard's aggregates read the whole portfolio: about 140 ms at 10,000
// vendors on SQLite, where every query runs on the server's one thread, so ten
// people opening the dashboard at once waited for ten scans in a row (p95 up
// to 1.5 s). Its numbers change only when the data or the day does, so each
// process keeps the last result under a key made of what moves with them:
//
// - the audit chain head: every change to vendors, evidence, assessments,
//   remediation, risk acceptances and settings commits with its audit event
//   (docs/security.md, "What the audit chain proves");
// - the newest vendor summary (Vendor.findingsAt): the summary refresh after
//   midnight or a settings save rewrites findings without an audit event, and
//   moves this with every page of vendors it writes;
// - the day (UTC): the overdue, stale and lapsing windows move at midnight.
//
// The key is read before the figures, so a change committed while they are
// computed gives the next request a new key: a result is never served for
// data it did not see. Requests that share a key share one computation. The
// key costs two indexed single-row reads. Every instance keeps its own copy
// against the same database, so the scheme holds with several instances.
import { formatIsoDay } from "@/lib/domain/dates";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { getPortfolioDashboard, type PortfolioDashboard } from "./dashboard";

interface Entry {
  key: string;
  figures: Promise<PortfolioDashboard>;
}

// One entry per process, shared by every bundle of the server (as the other per-process state).
const shared = globalThis as unknown as { assayDashboard?: Entry | null };

async function portfolioVersion(now: Date): Promise<string> {
  const client = db();
  const [head, newest] = await Promise.all([
    client.auditChainHead.findUnique({ where: { id: 1 }, select: { lastId: true } }),
    client.vendor.aggregate({ _max: { findingsAt: true } }),
  ]);
  return `${formatIsoDay(now)}|${head?.lastId ?? 0}|${newest._max.findingsAt?.toISOString() ?? "-"}`;
}

/** The dashboard's figures, computed once per portfolio version and process. */
export async function portfolioDashboard({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<PortfolioDashboard> {
  requirePermission(actor, "vendor.read");
  const key = await portfolioVersion(now);
  const kept = shared.assayDashboard;
  if (kept?.key === key) return kept.figures;
  const entry: Entry = { key, figures: getPortfolioDashboard({ actor, now }) };
  shared.assayDashboard = entry;
  // A failed computation is not kept: the next request tries again.
  entry.figures.catch(() => {
    if (shared.assayDashboard === entry) shared.assayDashboard = null;
  });
  return entry.figures;
}

/** For tests: forget the kept figures. */
export function forgetDashboard(): void {
  shared.assayDashboard = null;
}
