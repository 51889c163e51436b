import { jobQueue } from "@/lib/server/jobs/job-queue";
import "@/lib/server/services/pack-jobs"; // defines the pack.build handler

/**
 * Makes this test process one of the queue's workers, as every server
 * instance is. With SQLite a job runs where it was sent anyway; with
 * PostgreSQL a job waits in pg-boss until some process works the queue.
 */
export async function workJobsHere(): Promise<void> {
  await jobQueue().work("pack.build");
}
