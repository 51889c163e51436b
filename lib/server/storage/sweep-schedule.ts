// Runs the orphan sweep in the server process: shortly after start, then on a
// fixed interval. Timers are unref'd (they never keep the process alive), one
// sweep runs at a time, and a failure is logged and retried next time.
import { db } from "../db";
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
      const result = await sweepOrphans({ store: evidenceStore(), client: db() });
      if (result.blobsRemoved.length + result.stagingRemoved + result.scratchRemoved > 0) {
        console.info(`Orphan sweep: removed ${result.blobsRemoved.length} unreferenced blobs, ${result.stagingRemoved} staging leftovers, ${result.scratchRemoved} scratch directories.`);
      }
    } catch (error) {
      console.error("Orphan sweep failed; it will run again later.", error);
    } finally {
      entry.running = false;
    }
  }
}
