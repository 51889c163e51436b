import { formatDistanceStrict } from "date-fns";
import { formatDayForPeople } from "@/lib/domain/dates";

/** "3 days ago" with the day in the one format people read everywhere; the exact instant on hover. */
export function RelativeDate({ date, now = new Date() }: { date: Date; now?: Date }) {
  const iso = date.toISOString();
  const distance = formatDistanceStrict(date, now, { addSuffix: true });
  return (
    <time dateTime={iso} title={iso}>
      {distance} <span className="muted">({formatDayForPeople(date)})</span>
    </time>
  );
}
