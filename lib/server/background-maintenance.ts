// Work the server does on its own, started once per process from
// instrumentation.ts: the evidence orphan sweep (on a schedule), the
// background job workers, which at start put back on the queue the bulk
// exports whose server died (lib/server/jobs/start-workers.ts), and the daily
// reminder job (notifications/reminder-schedule.ts).
import { startJobWorkers } from "./jobs/start-workers";
import { startReminderScheduler } from "./notifications/reminder-schedule";
import { startOrphanSweeper } from "./storage/sweep-schedule";

export function startBackgroundMaintenance(): void {
  startOrphanSweeper();
  startReminderScheduler();
  void startJobWorkers().catch((error: unknown) => console.error("Starting the background job workers failed", error));
}
