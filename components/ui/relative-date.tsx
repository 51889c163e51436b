import { formatDistanceStrict } from "date-fns";

/** "3 days ago" for people, the exact UTC date for the record (and on hover). */
export function RelativeDate({ date, now = new Date() }: { date: Date; now?: Date }) {
  const iso = date.toISOString();
  const distance = formatDistanceStrict(date, now, { addSuffix: true });
  return (
    <time dateTime={iso} title={iso}>
      {distance} <span className="muted">({iso.slice(0, 10)})</span>
    </time>
  );
}
