import {
  describeDue,
  describeInstantRelative,
  describeRelative,
  formatDayForPeople,
  formatInstantForPeople,
  formatIsoDay,
  parseInstant,
  type DueKind,
} from "@/lib/domain/dates";

// The one way a date reads for people, on lists and on detail pages alike:
// the absolute form inside <time> ("5 Dec 2026", "5 Dec 2026, 14:03 UTC"),
// then how far it is from now ("in 12 days", "expired 2 months ago"). The
// machine-readable value is the <time dateTime>; the title repeats the whole
// sentence, so a cell that hides the phrase (relative={false}) still tells it
// on hover. Every phrase comes from lib/domain/dates.ts.

/**
 * A calendar day: "31 Mar 2025 (3 months ago)". `due` words the phrase as a
 * deadline ("expires in 12 days", "overdue by 5 days", "due for renewal in 1 month").
 */
export function DayText({ day, now, relative = true, due }: { day: string | Date; now: Date; relative?: boolean; due?: DueKind }) {
  const absolute = formatDayForPeople(day);
  const phrase = due ? describeDue(day, now, due) : describeRelative(day, now);
  return (
    <span className="day-text">
      <time dateTime={formatIsoDay(day)} title={`${absolute}: ${phrase}`}>{absolute}</time>
      {relative ? <span className="muted"> ({phrase})</span> : null}
    </span>
  );
}

/**
 * An instant, always in UTC (instants are stored in UTC; saying so avoids
 * guessing the zone): "5 Dec 2026, 14:03 UTC (today)". `precise` gives the
 * phrase to the minute ("4 minutes ago") where that matters, as in the audit log.
 */
export function InstantText({
  at,
  now,
  relative = true,
  seconds = false,
  precise = false,
}: {
  at: Date | string;
  now: Date;
  relative?: boolean;
  seconds?: boolean;
  precise?: boolean;
}) {
  const instant = parseInstant(at);
  const iso = instant.toISOString();
  const phrase = precise ? describeInstantRelative(instant, now) : describeRelative(instant, now);
  return (
    <span className="day-text">
      <time dateTime={iso} title={`${iso}: ${phrase}`}>{formatInstantForPeople(instant, { seconds })}</time>
      {relative ? <span className="muted"> ({phrase})</span> : null}
    </span>
  );
}
