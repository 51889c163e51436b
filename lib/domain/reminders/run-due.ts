import { formatIsoDay } from "@/lib/domain/dates";

/** Whether the day's reminder run is due: at or after the hour (UTC), and not yet run on this UTC day. */
export function reminderRunDue(now: Date, hourUtc: number, lastRunDay: string | null): boolean {
  return now.getUTCHours() >= hourUtc && lastRunDay !== formatIsoDay(now);
}
