// Runs the maintenance sweep in the server process: shortly after start, then
// on a fixed interval. It removes orphaned evidence (sweep-orphans.ts),
// uncommitted import previews older than a day (imports/prune-import-previews.ts)
// and stored PDF renders that are superseded or old (pdf/prune-stored-renders.ts).
// Timers are unref'd (they never keep the process alive), one sweep runs at a
// time, and a failure is logged and retried next time; one step failing does
// not stop the others.
import { db } from "../db";
import { pruneImportPreviews } from "../imports/prune-import-previews";
import { pruneStoredReportPdfs } from "../pdf/prune-stored-renders";
import { evidenceStore } from "./evidence-store";
import { sweepOrphans } from "./sweep-orphans";

const FIRST_SWEEP_DELAY_MS = 30_000;
export const SWEEP_INTERVAL_MS = 6 * 60 * 60 * 1000;

const state = globalThis as unknown as { assayOrphanSweep?: { timer: NodeJS.Timeout; running: boolean } };

export function startOrphanSweeper(): void {
  if (state.assayOrphanSweep) return;
  const entry = { timer: setInterval(() => void runOnce(), SWEEP_INTERVAL_MS), running: false };
  entry.timer.unref();
  setTimeout(() => void runOnce(), FIRST_SWEEP_DELAY_MS).unref();
  state.assayOrphanSweep = entry;

  async function runOnce(): Promise<void> {
    if (entry.running) return;
    entry.running = true;
    try {
      await step("Orphan sweep", async () => {
        const result = await sweepOrphans({ store: evidenceStore(), client: db() });
        if (result.blobsRemoved.length + result.stagingRemoved + result.scratchRemoved > 0) {
          console.info(`Orphan sweep: removed ${result.blobsRemoved.length} unreferenced blobs, ${result.stagingRemoved} staging leftovers, ${result.scratchRemoved} scratch directories.`);
        }
      });
      await step("Import preview pruning", async () => {
        const removed = await pruneImportPreviews({ client: db() });
        if (removed > 0) console.info(`Import preview pruning: removed ${removed} uncommitted previews older than a day.`);
      });
      await step("Stored PDF pruning", async () => {
        const { superseded, expired } = await pruneStoredReportPdfs({ client: db() });
        if (superseded + expired > 0) console.info(`Stored PDF pruning: removed ${superseded} superseded and ${expired} old assessment PDF renders.`);
      });
    } finally {
      entry.running = false;
    }
  }
}

async function step(name: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    console.error(`${name} failed; it will run again later.`, error);
  }
}
