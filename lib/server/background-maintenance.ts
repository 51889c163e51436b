// Work the server does on its own, started once per process from
// instrumentation.ts: the evidence orphan sweep (on a schedule) and, at start,
// failing bulk exports whose server died (pack-job-recovery.ts), and the
// daily reminder job (notifications/reminder-schedule.ts).
import { startReminderScheduler } from "./notifications/reminder-schedule";
import { recoverStalePackJobs } from "./pack/pack-job-recovery";
import { startOrphanSweeper } from "./storage/sweep-schedule";

export function startBackgroundMaintenance(): void {
  startOrphanSweeper();
  startReminderScheduler();
  // Exports whose server died are failed now, not when someone next opens the page.
  void recoverStalePackJobs().catch((error: unknown) => console.error("Recovering interrupted audit pack exports failed", error));
}
