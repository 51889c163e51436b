// A server that has been told to stop does not start another unit of
// background work: the summary refresh halts between two vendors'
// transactions and leaves the rest (still marked outdated) for the next start.
import { afterAll, beforeAll, expect, it } from "vitest";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { createVendor } from "@/lib/server/services/vendors";
import { requestShutdown, shuttingDown } from "@/lib/server/shutdown";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

const DAY = 86_400_000;

forEachProvider("background work and a stopping server", (t) => {
  beforeAll(async () => {
    await ensureSettings();
  });
  afterAll(() => {
    // The flag is process-wide (lib/server/shutdown.ts); other files in this worker must not see it set.
    (globalThis as { assayShuttingDown?: boolean }).assayShuttingDown = false;
  });

  it("the summary refresh stops at its next safe point once shutdown begins, leaving the rest outdated", async () => {
    const procurement = await makeActor("procurement");
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createVendor({ actor: procurement, input: { ...validVendor, name: `Stopping ${i}` } })).id);
    const yesterday = new Date(Date.now() - DAY);
    await t.db.vendor.updateMany({ where: { id: { in: ids } }, data: { findingsAt: yesterday } });

    expect(shuttingDown()).toBe(false);
    requestShutdown();
    const result = await refreshOutdatedSummaries({ budgetMs: 60_000, pageSize: 1 });
    expect(result.refreshed).toBe(0);
    expect(result.pending).toBeGreaterThanOrEqual(3);
    const rows = await t.db.vendor.findMany({ where: { id: { in: ids } }, select: { findingsAt: true } });
    expect(rows.map((r) => r.findingsAt?.getTime())).toEqual([yesterday.getTime(), yesterday.getTime(), yesterday.getTime()]);

    // The next start (flag clear) finishes them.
    (globalThis as { assayShuttingDown?: boolean }).assayShuttingDown = false;
    expect((await refreshOutdatedSummaries({ budgetMs: 60_000 })).pending).toBe(0);
  });
});
