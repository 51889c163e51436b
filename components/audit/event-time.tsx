import { formatDistanceStrict } from "date-fns";

/** "4 minutes ago" for people, and the exact instant in UTC beside it (audit records need both). */
export function EventTime({ at, now }: { at: Date; now: Date }) {
  const iso = at.toISOString();
  return (
    <time dateTime={iso} title={iso} className="event-time">
      <span>{formatDistanceStrict(at, now, { addSuffix: true })}</span>
      <span className="muted mono">{iso.replace("T", " ").replace(/\.\d{3}Z$/, " UTC")}</span>
    </time>
  );
}
