import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { daysBetween, addDaysToDay, type IsoDate } from "@/lib/domain/dates";
import type { DatedItem } from "@/lib/domain/reminders/reminder-selection";
import type { Settings } from "@/lib/schemas/settings";
import type { Tx } from "../db";
import type { Pause } from "../jobs/pacer";
import { PORTFOLIO_DATE_KINDS, portfolioDates, type DateRange } from "../services/portfolio-queries";

// Where reminders come from (docs/reminders.md, "What is reminded"): every
// kind of date the portfolio query knows (consumed by kind, so a kind added
// there is reminded without a change here), except open remediation items and
// risk acceptances, which are read here (see OWN_QUERY_KINDS). Everything is
// read in pages, with a pause after each (by default a turn of the event loop;
// the server's run rests longer, jobs/pacer.ts), so the job never stalls the
// server it runs in.

/** Rows per kind per portfolio query before a date range is split in two. */
const PORTFOLIO_PAGE = 2000;
/** Days per first slice of the range: small enough that most slices fit one page. */
const SLICE_DAYS = 14;
/** Rows per page of the tables read here. */
const TABLE_PAGE = 1000;
/** Ids per IN list: below SQLite's 999 bound-parameter limit. */
const ID_CHUNK = 500;

export const REMEDIATION_KIND = "remediation_due";
export const RISK_ACCEPTANCE_KIND = "risk_acceptance_expiry";
/**
 * The calendar dates these two as well, but a reminder needs more than the
 * date: a remediation item's own owner comes before the vendor's, and an
 * acceptance is reminded on the day it has lapsed (docs/reminders.md). So they
 * are read by their own queries below, and every other kind from portfolioDates.
 */
const OWN_QUERY_KINDS: readonly string[] = [REMEDIATION_KIND, RISK_ACCEPTANCE_KIND];
const PORTFOLIO_KINDS = PORTFOLIO_DATE_KINDS.filter((k) => !OWN_QUERY_KINDS.includes(k));

/** Every dated item in the range, in pages. */
export async function* datedItemPages(client: Tx, range: DateRange, settings: Settings, pause: Pause = yieldToEventLoop): AsyncGenerator<DatedItem[]> {
  for await (const page of portfolioPages(client, range, settings, pause)) yield page;
  for await (const page of remediationPages(client, range, pause)) yield page;
  for await (const page of riskAcceptancePages(client, range, pause)) yield page;
}

/** The range cut into slices of a few days, in date order. */
function slices({ from, to }: DateRange): DateRange[] {
  const out: DateRange[] = [];
  for (let start = from; daysBetween(start, to) >= 0; start = addDaysToDay(start, SLICE_DAYS)) {
    const end = addDaysToDay(start, SLICE_DAYS - 1);
    out.push({ from: start, to: daysBetween(end, to) >= 0 ? end : to });
  }
  return out;
}

/**
 * portfolioDates answers at most `take` rows of each kind; a slice that fills
 * a kind is split in half until it does not, and a single day that still
 * fills it is read without a practical limit, so nothing is ever cut off.
 */
async function* portfolioPages(client: Tx, range: DateRange, settings: Settings, pause: Pause): AsyncGenerator<DatedItem[]> {
  const queue = slices(range);
  while (queue.length > 0) {
    const slice = queue.shift()!;
    let rows = await portfolioDates(client, slice, settings, { kinds: PORTFOLIO_KINDS, take: PORTFOLIO_PAGE });
    await pause();
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
    if ([...counts.values()].some((n) => n >= PORTFOLIO_PAGE)) {
      const days = daysBetween(slice.from, slice.to);
      if (days > 0) {
        const mid = addDaysToDay(slice.from, Math.floor(days / 2));
        queue.unshift({ from: slice.from, to: mid }, { from: addDaysToDay(mid, 1), to: slice.to });
        continue;
      }
      rows = await portfolioDates(client, slice, settings, { kinds: PORTFOLIO_KINDS, take: Number.MAX_SAFE_INTEGER });
    }
    const owners = await vendorOwners(client, rows.map((r) => r.vendorId), pause);
    yield rows.map((r) => ({ kind: r.kind as string, itemId: r.recordId, vendorId: r.vendorId, vendorName: r.vendorName, ownerId: owners.get(r.vendorId) ?? null, date: r.date }));
    await pause();
  }
}

/** vendorId → ownerId for the vendors that have an owner. */
async function vendorOwners(client: Tx, vendorIds: string[], pause: Pause): Promise<Map<string, string>> {
  const unique = [...new Set(vendorIds)];
  const owners = new Map<string, string>();
  for (let i = 0; i < unique.length; i += ID_CHUNK) {
    const rows = await client.vendor.findMany({ where: { id: { in: unique.slice(i, i + ID_CHUNK) }, ownerId: { not: null } }, select: { id: true, ownerId: true } });
    for (const r of rows) owners.set(r.id, r.ownerId!);
    await pause();
  }
  return owners;
}

/** Open remediation items due in the range; the item's own owner, else the vendor's. */
async function* remediationPages(client: Tx, { from, to }: DateRange, pause: Pause): AsyncGenerator<DatedItem[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await client.remediationItem.findMany({
      where: { status: { in: ["open", "in_progress"] }, dueDate: { gte: from, lte: to }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, dueDate: true, ownerId: true, vendorId: true, vendor: { select: { name: true, ownerId: true } } },
      orderBy: { id: "asc" },
      take: TABLE_PAGE,
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({ kind: REMEDIATION_KIND, itemId: r.id, vendorId: r.vendorId, vendorName: r.vendor.name, ownerId: r.ownerId ?? r.vendor.ownerId, date: r.dueDate as IsoDate }));
    cursor = rows.at(-1)!.id;
    await pause();
  }
}

/**
 * Risk acceptances whose last day falls in the range. The day they lapse is
 * the day after `expiresOn` (docs/assessments.md, "Risk acceptance"), which is
 * the date reminded.
 */
async function* riskAcceptancePages(client: Tx, { from, to }: DateRange, pause: Pause): AsyncGenerator<DatedItem[]> {
  let cursor: string | undefined;
  const lastDayFrom = addDaysToDay(from, -1);
  const lastDayTo = addDaysToDay(to, -1);
  for (;;) {
    const rows = await client.riskAcceptance.findMany({
      where: { expiresOn: { gte: lastDayFrom, lte: lastDayTo }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, expiresOn: true, vendorId: true, vendor: { select: { name: true, ownerId: true } } },
      orderBy: { id: "asc" },
      take: TABLE_PAGE,
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({ kind: RISK_ACCEPTANCE_KIND, itemId: r.id, vendorId: r.vendorId, vendorName: r.vendor.name, ownerId: r.vendor.ownerId, date: addDaysToDay(r.expiresOn, 1) }));
    cursor = rows.at(-1)!.id;
    await pause();
  }
}

export interface BlockedVendor {
  vendorId: string;
  vendorName: string;
  ownerId: string | null;
  blockerCount: number;
}

/** Vendors with open blockers (the stored summary counts), in pages by id. */
export async function* blockedVendorPages(client: Tx, pause: Pause = yieldToEventLoop): AsyncGenerator<BlockedVendor[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await client.vendor.findMany({
      where: { blockerCount: { gt: 0 }, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true, name: true, ownerId: true, blockerCount: true },
      orderBy: { id: "asc" },
      take: TABLE_PAGE,
    });
    if (rows.length === 0) return;
    yield rows.map((r) => ({ vendorId: r.id, vendorName: r.name, ownerId: r.ownerId, blockerCount: r.blockerCount }));
    cursor = rows.at(-1)!.id;
    await pause();
  }
}
