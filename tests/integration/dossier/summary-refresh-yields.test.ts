// A full summary refresh must not freeze the server: on synchronous
// better-sqlite3, thousands of back-to-back refreshes once kept every timer
// and request waiting until the last vendor was done (about 25 s at 9,600).
import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { refreshOutdatedSummaries, refreshOutdatedSummariesInBackground, refreshSummariesForListing } from "@/lib/server/services/summary-refresh";
import { ensureSettings } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const VENDORS = 2_000;
/**
 * One vendor's refresh takes a few ms, so timers fire about that late. The
 * test machine is shared, so a rare longer pause (GC, another process) is
 * allowed, but not one near the length of the whole refresh, which is what
 * not yielding looks like (the timer then never fires at all).
 */
const TYPICAL_TIMER_DELAY_MS = 100;
const WORST_SHARE_OF_REFRESH = 0.1;

forEachProvider("summary refresh yields to the event loop", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const vendors = Array.from({ length: VENDORS }, (_, i) => ({
      name: `Yield ${i}`,
      searchName: `yield ${i}`,
      legalName: `Yield ${i} Ltd`,
      country: "DE",
      tier: "low",
      tierRank: 3,
      findingsAt: null,
    }));
    for (let i = 0; i < vendors.length; i += 200) await t.db.vendor.createMany({ data: vendors.slice(i, i + 200) });
  }, 120_000);

  it("timers scheduled during a refresh of thousands of vendors fire on time", async () => {
    const delays: number[] = [];
    let last = performance.now();
    const timer = setInterval(() => {
      const at = performance.now();
      delays.push(at - last);
      last = at;
    }, 5);
    let result;
    const started = performance.now();
    try {
      result = await refreshOutdatedSummaries({ budgetMs: 120_000 });
    } finally {
      clearInterval(timer);
    }
    expect(result).toMatchObject({ refreshed: VENDORS, pending: 0 });
    // The interval ran all along, never waiting more than a moment.
    expect(delays.length).toBeGreaterThan(10);
    const sorted = [...delays].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length * 0.9)]).toBeLessThan(TYPICAL_TIMER_DELAY_MS);
    expect(sorted.at(-1)).toBeLessThan((performance.now() - started) * WORST_SHARE_OF_REFRESH);
  }, 180_000);

  it("while a background refresh runs, a list page only counts what is left instead of competing with it", async () => {
    const some = await t.db.vendor.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 300 });
    await t.db.vendor.updateMany({ where: { id: { in: some.map((v) => v.id) } }, data: { findingsAt: null } });
    const background = refreshOutdatedSummariesInBackground();
    const during = await refreshSummariesForListing();
    expect(during).not.toBeNull();
    expect(during!.refreshed).toBe(0);
    expect(during!.pending).toBeGreaterThan(0);
    await background;
    // Once it is done, the page refreshes again itself (nothing is left to do here).
    expect(await refreshSummariesForListing()).toEqual({ refreshed: 0, pending: 0 });
  }, 180_000);
});
