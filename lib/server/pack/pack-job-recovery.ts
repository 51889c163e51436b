// Recovery of bulk export jobs whose worker died (see services/pack-jobs.ts, "Crash
// recovery"): they go back on the job queue, for whichever worker is alive.
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import type { PackVendorFilter, PdfChoice } from "@/lib/schemas/audit-pack";
import { SYSTEM_ACTOR } from "../actor";
import { recordAudit } from "../audit";
import { dataDir } from "../data-dir";
import { databaseProvider, databaseUrl, db } from "../db";
import { removePartialsOf, removeStalePartials } from "./build-pack";
import { jobQueue } from "../jobs/job-queue";
import { processAlive } from "../jobs/process-alive";

/** A job whose runner has not reported for this long is considered dead. */
export const STALE_AFTER_MS = 30_000;
/** How often a running job reports that its worker is alive. */
export const HEARTBEAT_MS = 5_000;

// This process, as a runner of jobs; on globalThis so every bundle of the
// server (instrumentation, routes) and dev-mode reloads agree on it.
const shared = globalThis as unknown as { assayPackInstanceId?: string; assayPackJobs?: Map<string, Promise<void>> };
shared.assayPackInstanceId ??= randomUUID();
const INSTANCE_ID = shared.assayPackInstanceId;

export interface RunnerJson {
  instance: string;
  heartbeatAt: string;
  /** Absent on jobs written before the runner recorded where it ran. */
  host?: string;
  pid?: number;
}

export interface JobFilterJson {
  vendors: PackVendorFilter;
  pdfs: PdfChoice;
  runner?: RunnerJson;
}

export function thisRunner(): RunnerJson {
  return { instance: INSTANCE_ID, host: hostname(), pid: process.pid, heartbeatAt: new Date().toISOString() };
}

/** Whether the worker that owns an open job has died. */
function workerGone(runner: RunnerJson | undefined, lastSign: number, now: Date): boolean {
  // Our own instance, but not in our registry: its promise is gone, so is the job.
  if (runner?.instance === INSTANCE_ID) return true;
  if (runner?.host === hostname() && Number.isInteger(runner.pid) && runner.pid !== process.pid && !processAlive(runner.pid!)) return true;
  return now.getTime() - lastSign > STALE_AFTER_MS;
}

/**
 * A queued job waits in pg-boss until a worker takes it, however long that is.
 * The SQLite runner keeps it in the memory of the process that sent it, so it
 * is lost with that process.
 */
function queuedJobLost(sender: RunnerJson | undefined, lastSign: number, now: Date): boolean {
  if (databaseProvider(databaseUrl()) === "postgresql") return false;
  return sender?.instance !== INSTANCE_ID && workerGone(sender, lastSign, now);
}

/** Jobs running in this process (shared like INSTANCE_ID). */
export function runningHere(): Map<string, Promise<void>> {
  shared.assayPackJobs ??= new Map();
  return shared.assayPackJobs;
}

/** Where finished bulk archives live: <data dir>/packs (0700). */
export function packsDir(): string {
  const dir = path.join(dataDir(), "packs");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export function packJobFileName(jobId: string): string {
  return `assay-audit-packs-${jobId.replace(/[^A-Za-z0-9_-]/g, "")}.zip`;
}

/** A job interrupted this many times (its worker killed, or a passing fault) fails instead of running again. */
export const MAX_PACK_ATTEMPTS = 3;

/**
 * Puts back on the queue the jobs whose worker has died (see workerGone),
 * deleting their partial files, or fails them after MAX_PACK_ATTEMPTS. A
 * queued job whose sender died is sent again too (the SQLite runner held it
 * in memory). Called at server start, every STALE_AFTER_MS, when a job
 * starts, when jobs are listed and when one is polled (`jobId`). Only open
 * jobs are read: a handful, whatever the history.
 */
export async function recoverStalePackJobs(now = new Date(), jobId?: string): Promise<string[]> {
  const client = db();
  const open = await client.packJob.findMany({ where: { status: { in: ["queued", "running"] }, ...(jobId ? { id: jobId } : {}) } });
  const here = runningHere();
  const recovered: string[] = [];
  for (const job of open) {
    if (here.has(job.id)) continue;
    const config = job.filter as unknown as JobFilterJson | null;
    const runner = config?.runner;
    const lastSign = Date.parse(runner?.heartbeatAt ?? "") || (job.startedAt ?? job.createdAt).getTime();
    if (job.status === "queued" ? !queuedJobLost(runner, lastSign, now) : !workerGone(runner, lastSign, now)) continue;
    const giveUp = job.status === "running" && job.attempts >= MAX_PACK_ATTEMPTS;
    const taken = await client.$transaction(async (tx) => {
      const { count } = await tx.packJob.updateMany({
        where: { id: job.id, status: job.status, attempts: job.attempts },
        data: giveUp
          ? { status: "failed", error: `Interrupted ${job.attempts} times: the servers running this export stopped before it finished. Start the export again.`, finishedAt: now }
          : { status: "queued", filter: { ...config, runner: thisRunner() } as object },
      });
      if (count === 1 && job.status === "running") {
        await recordAudit(tx, SYSTEM_ACTOR, { action: "pack.bulk_export.interrupted", entityType: "pack_job", entityId: job.id, after: { attempt: job.attempts, retried: !giveUp } });
      }
      return count === 1;
    });
    if (!taken) continue;
    await removePartialsOf(path.join(packsDir(), packJobFileName(job.id))).catch(() => undefined);
    if (!giveUp) await jobQueue().send("pack.build", { id: job.id }, { key: `pack.build:${job.id}:${job.attempts}` });
    recovered.push(job.id);
  }
  // Nothing is running anywhere: any partial file left is an orphan (e.g. of a deleted job row).
  if (!jobId && here.size === 0 && (await client.packJob.count({ where: { status: { in: ["queued", "running"] } } })) === 0) {
    await removeStalePartials(packsDir()).catch(() => undefined);
  }
  return recovered;
}
