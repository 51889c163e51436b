import { describeRelative, formatDayForPeople, formatIsoDay } from "@/lib/domain/dates";

/** "31 Mar 2025 (3 months ago)": the exact day, then how far it is from today. */
export function DayText({ day, now, relative = true }: { day: string; now: Date; relative?: boolean }) {
  return (
    <span className="day-text">
      <time dateTime={formatIsoDay(day)}>{formatDayForPeople(day)}</time>
      {relative ? <span className="muted"> ({describeRelative(day, now)})</span> : null}
    </span>
  );
}

/** An instant, always in UTC (instants are stored in UTC; saying so avoids guessing the zone). */
export function formatInstantUtc(value: Date | string): string {
  const d = typeof value === "string" ? new Date(value) : value;
  const iso = d.toISOString();
  return `${formatDayForPeople(d)} ${iso.slice(11, 16)} UTC`;
}

export function InstantText({ at, now, relative = true }: { at: Date | string; now: Date; relative?: boolean }) {
  const d = typeof at === "string" ? new Date(at) : at;
  return (
    <span className="day-text">
      <time dateTime={d.toISOString()}>{formatInstantUtc(d)}</time>
      {relative ? <span className="muted"> ({describeRelative(d, now)})</span> : null}
    </span>
  );
}
