import "server-only";
import { after } from "next/server";
import { refreshOutdatedSummariesInBackground, refreshSummariesForListing } from "@/lib/server/services/summary-refresh";

/**
 * What a page that selects on the stored vendor summaries (the vendor list,
 * the legal queue) does first: bring summaries older than today or the last
 * settings change up to date within a short budget, and leave the rest to a
 * run after the response (lib/server/services/summary-refresh.ts). Returns how many vendors are
 * still pending, for the page's notice; 0 when the check itself failed, since
 * the page then shows the stored summaries.
 */
export async function refreshListedSummaries(now = new Date()): Promise<number> {
  const freshness = await refreshSummariesForListing(now);
  if (freshness?.pending) after(() => refreshOutdatedSummariesInBackground());
  return freshness?.pending ?? 0;
}
