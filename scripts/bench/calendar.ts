// The renewal calendar's month view at full scale: the query behind
// /calendar (lib/server/services/calendar.ts calendarMonth), every kind of
// dated obligation in one month, unfiltered and for one owner's vendors.
// Each kind is one range scan on an indexed date column, so the time follows
// the answers (at most MONTH_TAKE per kind), not the 10,000 vendors.
import { addMonthsToDay, formatIsoDay } from "@/lib/domain/dates";
import { db } from "@/lib/server/db";
import { MONTH_TAKE, monthRange } from "@/lib/server/services/calendar";
import { portfolioDates } from "@/lib/server/services/portfolio-queries";
import { loadSettings } from "@/lib/server/services/settings";
import { line, ms, timeRuns } from "./stats";

export async function benchCalendarMonth(now: Date, label: string) {
  const client = db();
  const owner = (await client.vendor.findFirst({ where: { ownerId: { not: null } }, select: { ownerId: true } }))?.ownerId ?? undefined;
  // This month and the next two: seeded dates cluster differently from month to month.
  for (const ahead of [0, 1, 2]) {
    const range = monthRange(addMonthsToDay(formatIsoDay(now), ahead).slice(0, 7), now);
    const monthView = async (ownerId?: string) => portfolioDates(client, range, await loadSettings(client), { take: MONTH_TAKE, ownerId });
    for (const [what, ownerId] of [["every vendor", undefined], ["one owner's vendors", owner]] as const) {
      const answers = await monthView(ownerId);
      const kinds = new Set(answers.map((a) => a.kind)).size;
      const runs = await timeRuns(20, () => monthView(ownerId));
      line(`${label}: calendar month view ${range.month}, ${what} (${answers.length} dates of ${kinds} kinds)`, `median ${ms(runs.median)}, p95 ${ms(runs.p95)}`, "< 200 ms median", runs.median < 200);
    }
  }
}
