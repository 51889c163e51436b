// One durable job queue for background work, whatever the database: pg-boss on
// PostgreSQL, where several instances share the work, and an in-process runner
// on SQLite, which serves one instance by design (README, "Background jobs").
//
// What makes a job durable is its own row (e.g. PackJob): it is written before
// the job is sent, it records which runner holds it and when that runner last
// reported, and only a row still "queued" can be claimed. So a job lost with a
// killed process is sent again by the recovery that notices the silent runner
// (lib/server/jobs/README.md), and a job delivered twice runs once.
import { databaseProvider, databaseUrl } from "../db";
import { LocalQueue } from "./local-queue";
import { PgBossQueue } from "./pg-boss-queue";

/**
 * Every kind of background job, and what its message carries: the id of the
 * row that holds its state (a PackJob; a ReminderRun's day; a
 * WebhookDelivery). A new kind adds its name here, defines its handler with
 * defineJob, and is worked in start-workers.ts.
 */
export type JobKind =
  | "pack.build"
  | "reminders.daily"
  | "webhook-delivery";

export interface JobMessage {
  id: string;
}
export type JobHandler = (message: JobMessage) => Promise<void>;

export interface SendOptions {
  /** At most one queued or running job per key (e.g. "the third attempt of export X"). */
  key?: string;
}

export interface JobQueue {
  send(kind: JobKind, message: JobMessage, options?: SendOptions): Promise<void>;
  /** Starts taking jobs of this kind in this process, with the handler defineJob registered. */
  work(kind: JobKind): Promise<void>;
  stop(): Promise<void>;
}

// Handlers are registered by the modules that own each kind, so the local
// runner can run a job in the process that sent it without a worker loop.
const shared = globalThis as unknown as { assayJobHandlers?: Map<JobKind, JobHandler>; assayJobQueue?: { url: string; queue: JobQueue } };

export function defineJob(kind: JobKind, handler: JobHandler): void {
  shared.assayJobHandlers ??= new Map();
  shared.assayJobHandlers.set(kind, handler);
}

export function handlerFor(kind: JobKind): JobHandler {
  const handler = shared.assayJobHandlers?.get(kind);
  if (!handler) throw new Error(`No handler is defined for background job ${kind}`);
  return handler;
}

/** The queue of this process's database (one per URL, like db()). */
export function jobQueue(): JobQueue {
  const url = databaseUrl();
  if (shared.assayJobQueue?.url !== url) shared.assayJobQueue = { url, queue: databaseProvider(url) === "postgresql" ? new PgBossQueue(url) : new LocalQueue() };
  return shared.assayJobQueue.queue;
}

/** Stops the current queue, if any (shutdown, tests that switch databases). */
export async function stopJobQueue(): Promise<void> {
  const current = shared.assayJobQueue;
  shared.assayJobQueue = undefined;
  await current?.queue.stop();
}
