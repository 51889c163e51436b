// A full summary refresh must not freeze the server: on synchronous
// better-sqlite3, thousands of back-to-back refreshes once kept every timer
// and request waiting until the last vendor was done (about 25 s at 9,600).
import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { refreshOutdatedSummaries } from "@/lib/server/dossier/refresh-summaries";
import { ensureSettings } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const VENDORS = 2_000;
/**
 * One vendor's refresh takes a few ms, so timers fire about that late; the
 * test machine is shared, so a rare pause (GC, another process) is allowed,
 * but never one of seconds, which is what not yielding looks like.
 */
const TYPICAL_TIMER_DELAY_MS = 100;
const WORST_TIMER_DELAY_MS = 1_500;

forEachProvider("summary refresh yields to the event loop", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const vendors = Array.from({ length: VENDORS }, (_, i) => ({
      name: `Yield ${i}`,
      searchName: `yield ${i}`,
      legalName: `Yield ${i} Ltd`,
      country: "DE",
      services: [],
      industries: [],
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
    expect(sorted.at(-1)).toBeLessThan(WORST_TIMER_DELAY_MS);
  }, 180_000);
});
