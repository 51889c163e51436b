// Starts this process's share of the background jobs (from instrumentation.ts
// via background-maintenance.ts, and from worker processes in tests): takes
// jobs of every kind from the queue, and every STALE_AFTER_MS puts back the
// jobs of workers that went silent, so a killed instance's export is picked
// up by a live one without anyone opening the page. (The daily reminder run's
// take-over happens on the reminder schedule's own timer.)
import { jobQueue } from "./job-queue";

const state = globalThis as unknown as { assayJobWorkers?: NodeJS.Timeout };

export async function startJobWorkers(): Promise<void> {
  if (state.assayJobWorkers) return;
  // Loading the module defines its job handler.
  const { recoverStalePackJobs, STALE_AFTER_MS } = await import("../services/pack-jobs");
  const recover = () => recoverStalePackJobs().catch((error: unknown) => console.error("Recovering interrupted audit pack exports failed", error));
  state.assayJobWorkers = setInterval(() => void recover(), STALE_AFTER_MS / 2);
  state.assayJobWorkers.unref();
  await jobQueue().work("pack.build");
  // Loading the module defines the daily reminder run's handler (notifications/reminder-run.ts).
  await import("../notifications/reminder-run");
  await jobQueue().work("reminders.daily");
  await recover();
  // Loading the module defines the "webhook-delivery" job.
  await (await import("../webhooks/dispatch")).startWebhookDispatcher();
}

export async function stopJobWorkers(): Promise<void> {
  if (state.assayJobWorkers) clearInterval(state.assayJobWorkers);
  state.assayJobWorkers = undefined;
  (await import("../webhooks/dispatch")).stopWebhookDispatcher();
  const { stopJobQueue } = await import("./job-queue");
  await stopJobQueue();
}
