import { plural } from "./dates";

/**
 * The one way an hour count reads, on the screen, in the PDF and in the pack:
 * "24 hours", "24 hours 1 minute", "45 minutes". Elapsed time rounds up to the
 * minute so a late notice never reads as on time; time left rounds down.
 */
export function formatHours(hours: number, round: "up" | "down" = "up"): string {
  const totalMinutes = round === "up" ? Math.ceil(hours * 60 - 1e-9) : Math.floor(hours * 60 + 1e-9);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  if (h === 0) return plural(m, "minute");
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}
