// Vendor summaries (finding counts, SOC 2 state) are stored on the vendor row
// so the list can filter and sort 10,000 vendors in milliseconds, and every
// dossier change recomputes them. Two things change findings without a
// dossier change: time (a report goes stale, a renewal falls due) and the
// settings (thresholds, caps). So a summary computed before the start of
// today (UTC) or before the last settings save is outdated, and the screens
// that show summaries bring outdated ones up to date first, within a time
// budget, saying how many are still pending.
//
// better-sqlite3 is synchronous: a loop of awaited queries that all resolve
// at once never lets the event loop turn, so 9,600 refreshes in a row froze
// every request (even /signin) for about 25 s. The loop therefore yields to
// the event loop (setImmediate) after every page of vendors: pending requests
// and timers run between two pages, and a refresh only ever blocks for one.
import { db } from "../db";
import { loadSettings } from "./settings";
import { shuttingDown } from "../shutdown";
import { loadCatalogue } from "../dossier/load-dossier";
import { computeVendorSummaries, writeVendorSummaries } from "./vendor-summaries";

/** Summaries computed before this instant are outdated. Never later than `now`, or a refresh could not satisfy it. */
export async function summariesValidFrom(now: Date): Promise<Date> {
  const settings = await db().orgSettings.findUnique({ where: { id: 1 }, select: { updatedAt: true } });
  const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(Math.min(now.getTime(), Math.max(startOfDay, settings?.updatedAt.getTime() ?? 0)));
}

/** Lets timers and I/O callbacks that queued meanwhile run before the next vendor. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function outdatedWhere(validFrom: Date) {
  // Both branches are served by the (findingsAt, id) index.
  return { OR: [{ findingsAt: null }, { findingsAt: { lt: validFrom } }] };
}

export interface RefreshResult {
  refreshed: number;
  /** Outdated summaries left when the budget ran out. */
  pending: number;
}

/**
 * Recomputes outdated summaries, oldest vendor id first, a page of vendors at
 * a time (one read per table for the page, one short write transaction), until
 * none is left or `budgetMs` has passed. A page that fails is retried vendor
 * by vendor, so one bad dossier cannot stall the others.
 */
export async function refreshOutdatedSummaries({ now = new Date(), budgetMs = 1_000, pageSize = 4 } = {}): Promise<RefreshResult> {
  const validFrom = await summariesValidFrom(now);
  const outdated = outdatedWhere(validFrom);
  const started = performance.now();
  const failed: string[] = []; // skipped for the rest of this run
  let refreshed = 0;
  const refresh = async (ids: string[], options: Parameters<typeof computeVendorSummaries>[2]) => {
    const summaries = await computeVendorSummaries(db(), ids, options);
    await yieldToEventLoop(); // between the page's reads and its writes, too
    return writeVendorSummaries(db(), summaries, outdated, yieldToEventLoop);
  };
  // Read once a run, when there is a first page, not once a page: a settings save
  // during the run outdates what this run writes (validFrom), and the next run recomputes it.
  let options: Parameters<typeof computeVendorSummaries>[2] | undefined;
  // A stopping server leaves the rest for the next start, between two pages.
  while (performance.now() - started < budgetMs && !shuttingDown()) {
    const page = (await db().vendor.findMany({ where: { ...outdated, id: { notIn: failed } }, select: { id: true }, orderBy: { id: "asc" }, take: pageSize })).map((v) => v.id);
    // Nothing outdated (the usual case): no need to count what is left.
    if (page.length === 0) return { refreshed, pending: failed.length };
    // `pause` runs after every table read and every vendor: on synchronous SQLite one query is the longest the loop waits.
    options ??= { now, settings: await loadSettings(), catalogue: await loadCatalogue(), pause: yieldToEventLoop };
    try {
      refreshed += await refresh(page, options);
    } catch {
      for (const id of page) {
        try {
          refreshed += await refresh([id], options);
        } catch (error) {
          console.error(`refreshing the summary of vendor ${id} failed:`, error);
          failed.push(id);
        }
      }
    }
    await yieldToEventLoop();
  }
  const pending = await db().vendor.count({ where: outdated });
  return { refreshed, pending };
}

let backgroundRun: Promise<unknown> | null = null;

/**
 * What a list page calls before reading summaries: a short budgeted refresh,
 * or, while a background run is already working through them, only the count
 * of those left (so each page load does not spend its budget competing with
 * it). Null when the check itself failed: the page then shows the stored
 * summaries. The caller schedules refreshOutdatedSummariesInBackground after
 * the response when some are pending.
 */
export async function refreshSummariesForListing(now = new Date(), budgetMs = 250): Promise<RefreshResult | null> {
  try {
    if (!backgroundRun) return await refreshOutdatedSummaries({ now, budgetMs });
    return { refreshed: 0, pending: await db().vendor.count({ where: outdatedWhere(await summariesValidFrom(now)) }) };
  } catch (error) {
    console.error("refreshing vendor summaries failed:", error);
    return null;
  }
}

/** Continues refreshing after the response (one run per process at a time); failures are logged, never thrown. */
export function refreshOutdatedSummariesInBackground(budgetMs = 120_000): Promise<unknown> {
  backgroundRun ??= refreshOutdatedSummaries({ budgetMs })
    .catch((error: unknown) => console.error("refreshing vendor summaries failed:", error))
    .finally(() => (backgroundRun = null));
  return backgroundRun;
}
