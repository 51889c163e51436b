import { addDaysToDay, addMonthsToDay, formatIsoDay } from "@/lib/domain/dates";
import { kindsOfFilter, type CalendarFilter, type CalendarQuery } from "@/lib/schemas/calendar";
import type { Settings } from "@/lib/schemas/settings";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { portfolioDates, portfolioDatesPage, type DateRange, type PortfolioDate } from "./portfolio-queries";
import { loadSettings } from "./settings";

// The renewal calendar (README.md, "Renewal calendar"): the portfolio's dated
// obligations for a month or a page of a list, filtered by owner, team, tier
// and kind. Every answer is portfolioDates: one indexed range scan per kind.

/** Items per kind in a month, at most; the page says so when a kind reaches it. */
export const MONTH_TAKE = 300;
export const LIST_PAGE_SIZE = 25;
/** The list view runs from this many days back to a year ahead. */
export const LIST_DAYS_BACK = 90;
export const LIST_DAYS_AHEAD = 365;

/** The dates a calendar filter selects in a range; "me" as owner is `ownerMe`. */
export async function calendarDates(client: Tx, settings: Settings, { filters, ownerMe, range, take }: { filters: CalendarFilter; ownerMe: string; range: DateRange; take: number }): Promise<PortfolioDate[]> {
  const kinds = kindsOfFilter(filters);
  if (kinds.length === 0) return [];
  return portfolioDates(client, range, settings, { kinds, take, ...vendorFilter(filters, ownerMe) });
}

function vendorFilter(filters: CalendarFilter, ownerMe: string) {
  return { ownerId: filters.owner === "me" ? ownerMe : filters.owner, tiers: filters.tier ? [filters.tier] : undefined };
}

/** The first and last day of the month "YYYY-MM" (this month when unset). */
export function monthRange(month: string | undefined, now: Date): DateRange & { month: string } {
  const first = `${month ?? formatIsoDay(now).slice(0, 7)}-01`;
  return { month: first.slice(0, 7), from: first, to: addDaysToDay(addMonthsToDay(first, 1), -1) };
}

/** One month of the calendar, and whether any kind was cut at MONTH_TAKE items. */
export async function calendarMonth({ actor, query, now = new Date() }: { actor: Actor; query: CalendarQuery; now?: Date }) {
  requirePermission(actor, "vendor.read");
  const client = db();
  const range = monthRange(query.month, now);
  const items = await calendarDates(client, await loadSettings(client), { filters: query, ownerMe: actor.id, range, take: MONTH_TAKE });
  const perKind = new Map<string, number>();
  for (const item of items) perKind.set(item.kind, (perKind.get(item.kind) ?? 0) + 1);
  return { ...range, items, truncated: [...perKind.values()].some((n) => n >= MONTH_TAKE) };
}

/** One page of the list view: LIST_DAYS_BACK days back to LIST_DAYS_AHEAD ahead, soonest first. */
export async function calendarListPage({ actor, query, now = new Date() }: { actor: Actor; query: CalendarQuery; now?: Date }) {
  requirePermission(actor, "vendor.read");
  const client = db();
  const today = formatIsoDay(now);
  const range = { from: addDaysToDay(today, -LIST_DAYS_BACK), to: addDaysToDay(today, LIST_DAYS_AHEAD) };
  const kinds = kindsOfFilter(query);
  if (kinds.length === 0) return { ...range, items: [], hasMore: false, page: query.page, pageSize: LIST_PAGE_SIZE };
  const settings = await loadSettings(client);
  const page = await portfolioDatesPage(client, range, settings, { page: query.page, pageSize: LIST_PAGE_SIZE, kinds, ...vendorFilter(query, actor.id) });
  return { ...range, ...page, page: query.page, pageSize: LIST_PAGE_SIZE };
}

/** The people who own vendors, for the owner filter. */
export async function calendarOwners({ actor }: { actor: Actor }) {
  requirePermission(actor, "vendor.read");
  return db().user.findMany({ where: { ownedVendors: { some: {} } }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}
