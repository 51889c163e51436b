import { createHash, randomBytes } from "node:crypto";
import ical, { ICalCalendarMethod } from "ical-generator";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { CALENDAR_KIND_INFO } from "@/lib/domain/calendar/obligations";
import { addDaysToDay, dayStartInstant, formatIsoDay } from "@/lib/domain/dates";
import { calendarFilterSchema, createCalendarFeedSchema, type CalendarFilter } from "@/lib/schemas/calendar";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { notFound } from "../errors";
import { parseInput } from "../validation";
import { calendarDates } from "./calendar";
import { loadSettings } from "./settings";

// A personal iCalendar feed (README.md, "Renewal calendar"; docs/security.md,
// "Calendar feeds"). Calendar apps fetch a URL and send no cookie, so the URL
// carries a random token: 32 bytes (256 bits) from the CSPRNG, shown once and
// stored only as its SHA-256 (a token that random needs no salt or slow
// hash). One live feed per user: creating a new one revokes the old one.

/** The feed covers this many days back and ahead (bounded, whatever the portfolio). */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 365;
/** Events per kind in a feed, at most. */
const FEED_TAKE = 500;
/** Requests per client per minute: plenty for a calendar app polling every few minutes. */
const FEED_REQUESTS_PER_MINUTE = 30;

export function hashFeedToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export interface CalendarFeedSummary {
  id: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  filters: CalendarFilter;
}

/** The user's live feed, if any (never the token: only its hash is stored). */
export async function currentCalendarFeed({ actor }: { actor: Actor }): Promise<CalendarFeedSummary | null> {
  requirePermission(actor, "calendar.feed.manage");
  const row = await db().calendarFeedToken.findFirst({ where: { userId: actor.id, revokedAt: null }, orderBy: { createdAt: "desc" } });
  if (!row) return null;
  return { id: row.id, createdAt: row.createdAt, lastUsedAt: row.lastUsedAt, filters: calendarFilterSchema.catch({}).parse(row.filters) };
}

/**
 * Creates (or regenerates) the user's feed with the chosen filters and returns
 * its token, once. Any earlier live feed of the user stops working in the same
 * transaction.
 */
export async function createCalendarFeed({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }): Promise<{ token: string; path: string }> {
  requirePermission(actor, "calendar.feed.manage");
  const filters = parseInput(createCalendarFeedSchema, input);
  const token = newToken();
  return db().$transaction(async (tx) => {
    const { count: replacedFeeds } = await tx.calendarFeedToken.updateMany({ where: { userId: actor.id, revokedAt: null }, data: { revokedAt: now } });
    const row = await tx.calendarFeedToken.create({ data: { userId: actor.id, tokenHash: hashFeedToken(token), filters, createdAt: now } });
    await recordAudit(tx, actor, { action: "calendar_feed.create", entityType: "calendar_feed", entityId: row.id, after: { filters, replacedFeeds } });
    return { token, path: feedPath(token) };
  });
}

/** Revokes the user's live feed; a calendar app fetching it gets 404 from then on. */
export async function revokeCalendarFeed({ actor, now = new Date() }: { actor: Actor; now?: Date }): Promise<{ revoked: number }> {
  requirePermission(actor, "calendar.feed.manage");
  return db().$transaction(async (tx) => {
    const live = await tx.calendarFeedToken.findMany({ where: { userId: actor.id, revokedAt: null } });
    if (live.length === 0) throw notFound("You have no calendar feed to revoke.");
    for (const row of live) {
      await tx.calendarFeedToken.update({ where: { id: row.id }, data: { revokedAt: now } });
      await recordAudit(tx, actor, { action: "calendar_feed.revoke", entityType: "calendar_feed", entityId: row.id, before: { createdAt: row.createdAt } });
    }
    return { revoked: live.length };
  });
}

export function feedPath(token: string): string {
  return `/api/calendar/feed/${token}`;
}

/** Whether this client may fetch a feed now (counted in the database, like sign-in limits, so every instance agrees). */
export async function consumeFeedRequest(client: string | null): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
  const limiter = new RateLimiterPrisma({ storeClient: db(), tableName: "rateLimit", clearExpiredByTimeout: false, keyPrefix: "calendar-feed:client", points: FEED_REQUESTS_PER_MINUTE, duration: 60 });
  try {
    await limiter.consume(client || "unknown");
    return { ok: true };
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)) };
    throw rejected;
  }
}

/**
 * The feed a token opens, as iCalendar text, or null for a token that is
 * malformed, unknown, revoked or whose user is deactivated. The token is found
 * by its hash through a unique index, so how long the lookup takes says nothing
 * about the token; every refusal is the same null, after the same one query.
 */
export async function calendarFeedForToken(token: string, { now = new Date(), origin }: { now?: Date; origin: string }): Promise<string | null> {
  const row = await db().calendarFeedToken.findUnique({ where: { tokenHash: hashFeedToken(token.slice(0, 200)) } });
  if (!row || row.revokedAt !== null) return null;
  const user = await db().user.findUnique({ where: { id: row.userId }, select: { id: true, active: true, name: true } });
  if (!user?.active) return null;
  const filters = calendarFilterSchema.catch({}).parse(row.filters);
  const today = formatIsoDay(now);
  const range = { from: addDaysToDay(today, -FEED_DAYS_BACK), to: addDaysToDay(today, FEED_DAYS_AHEAD) };
  const client = db();
  const items = await calendarDates(client, await loadSettings(client), { filters, ownerMe: user.id, range, take: FEED_TAKE });
  await db().calendarFeedToken.update({ where: { id: row.id }, data: { lastUsedAt: now } });

  const calendar = ical({ name: "Assay renewal calendar", method: ICalCalendarMethod.PUBLISH, prodId: { company: "Assay", product: "renewal-calendar", language: "EN" }, ttl: 60 * 60 });
  for (const item of items) {
    const info = CALENDAR_KIND_INFO[item.kind];
    const url = `${origin}/vendors/${item.vendorId}/${info.tab}`;
    calendar.createEvent({
      // One UID per obligation (kind + record): a changed date updates the event instead of adding another.
      id: `${item.kind}.${item.recordId}@assay`,
      start: dayStartInstant(item.date),
      allDay: true,
      stamp: now,
      summary: `${info.label}: ${item.vendorName}`,
      description: `${info.label} for ${item.vendorName} (${item.vendorTier} tier). ${url}`,
      url,
    });
  }
  return calendar.toString();
}
