// Work the server does on its own, started once per process from
// instrumentation.ts: the evidence orphan sweep (on a schedule) and, at start,
// failing bulk exports whose server died (pack-job-recovery.ts).
import { recoverStalePackJobs } from "./pack/pack-job-recovery";
import { startOrphanSweeper } from "./storage/sweep-schedule";

export function startBackgroundMaintenance(): void {
  startOrphanSweeper();
  // Exports whose server died are failed now, not when someone next opens the page.
  void recoverStalePackJobs().catch((error: unknown) => console.error("Recovering interrupted audit pack exports failed", error));
}
