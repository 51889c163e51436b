import { z } from "zod";
import { CALENDAR_KINDS, CALENDAR_TEAMS, kindsOfTeam, type CalendarKind } from "@/lib/domain/calendar/obligations";
import { isRealIsoDay } from "@/lib/domain/dates";
import { TIERS } from "@/lib/domain/vocabulary";

// The renewal calendar's filters (README.md, "Renewal calendar"), one schema
// for the page's URL and for the feed a user subscribes to: owner, team, tier
// and kind. In the URL a malformed value falls back to "no filter".

/** "me" (whoever reads the calendar or owns the feed) or a user id. */
const owner = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_-]+$/, "Choose an owner from the list");

export const calendarFilterSchema = z.object({
  owner: owner.optional(),
  team: z.enum(CALENDAR_TEAMS).optional(),
  tier: z.enum(TIERS).optional(),
  kind: z.enum(CALENDAR_KINDS).optional(),
});
export type CalendarFilter = z.infer<typeof calendarFilterSchema>;

/** The calendar page's URL: filters, view, month ("YYYY-MM") and list page. */
export const calendarQuerySchema = z.object({
  owner: owner.optional().catch(undefined),
  team: z.enum(CALENDAR_TEAMS).optional().catch(undefined),
  tier: z.enum(TIERS).optional().catch(undefined),
  kind: z.enum(CALENDAR_KINDS).optional().catch(undefined),
  view: z.enum(["month", "list"]).default("month").catch("month"),
  month: z
    .string()
    .regex(/^\d{4}-\d{2}$/)
    .refine((m) => isRealIsoDay(`${m}-01`))
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type CalendarQuery = z.infer<typeof calendarQuerySchema>;

/** Creating a feed: the filters it applies (the form offers the page's current ones). */
export const createCalendarFeedSchema = calendarFilterSchema;
export type CreateCalendarFeedInput = z.input<typeof createCalendarFeedSchema>;

/** The kinds a filter selects: one kind, a team's kinds, or all of them (a kind outside the team selects nothing). */
export function kindsOfFilter(filter: Pick<CalendarFilter, "team" | "kind">): CalendarKind[] {
  const team = filter.team ? kindsOfTeam(filter.team) : [...CALENDAR_KINDS];
  return filter.kind ? team.filter((k) => k === filter.kind) : team;
}
