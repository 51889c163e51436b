// The daily reminder run on the durable job queue (docs/reminders.md, "When
// it runs"; lib/server/jobs/README.md). Every instance checks on a timer
// (reminder-schedule.ts) whether today's run is due; the first to find it due
// writes the day's ReminderRun row and sends one job carrying the day. That
// row, not the queue, decides who runs it, as for bulk exports:
//
// - Claim. A worker starts only by moving the row from "queued" to "running"
//   and counting the attempt, so a second delivery of the job, or a second
//   instance's check, finds nothing to run: the day's run happens once.
// - Retry. A run that throws goes back to "queued" and the queue retries it
//   with doubling delays (5, 10, 20 s); after MAX_REMINDER_ATTEMPTS it fails
//   and says so in the audit log. `npm run cli -- remind` can always run it by
//   hand (each notice is still recorded and sent once).
// - Take-over. A running attempt beats every HEARTBEAT_MS. An instance's
//   check puts back on the queue a run whose worker is gone (its process
//   exited, on the same host) or silent for STALE_AFTER_MS, for any live
//   worker. Fencing: every write of an attempt names its number, so a worker
//   that was merely slow cannot finish a run that was taken over.
import { hostname } from "node:os";
import { formatIsoDay } from "@/lib/domain/dates";
import { reminderRunDue } from "@/lib/domain/reminders/run-due";
import { SYSTEM_ACTOR } from "../actor";
import { recordAudit } from "../audit";
import { db, Prisma } from "../db";
import { defineJob, jobQueue, type JobKind } from "../jobs/job-queue";
import { pacer } from "../jobs/pacer";
import { processAlive } from "../jobs/process-alive";
import { logger } from "../logger";
import { loadSettings } from "../services/settings";
import { runReminderJob } from "./reminder-job";

export const REMINDER_JOB: JobKind = "reminders.daily";
/** The first attempt and the queue's three retries. */
export const MAX_REMINDER_ATTEMPTS = 4;
/** How often a running attempt reports that its worker is alive. */
export const HEARTBEAT_MS = 5_000;
/** A run whose worker has not reported for this long is considered dead. */
export const STALE_AFTER_MS = 30_000;

type ReminderRun = Awaited<ReturnType<ReturnType<typeof db>["reminderRun"]["findUniqueOrThrow"]>>;

// Days running in this process, shared by every bundle of the server.
const shared = globalThis as unknown as { assayReminderRuns?: Set<string> };
const runningHere = (shared.assayReminderRuns ??= new Set());

/** The job key of an attempt: a put-back run is a new job even while pg-boss still holds the dead worker's. */
const jobKey = (day: string, attempts: number) => `${REMINDER_JOB}:${day}:${attempts}`;

function sendRun(day: string, attempts: number): Promise<void> {
  return jobQueue().send(REMINDER_JOB, { id: day }, { key: jobKey(day, attempts) });
}

const thisRunner = (now: Date) => ({ runnerHost: hostname(), runnerPid: process.pid, heartbeatAt: now });

/** Whether the process behind an open run (its sender while queued, its worker while running) is gone. */
function runnerGone(run: ReminderRun, now: Date): boolean {
  if (run.runnerHost === hostname() && run.runnerPid !== null) {
    if (run.runnerPid === process.pid) return run.status === "running" && !runningHere.has(run.day);
    if (!processAlive(run.runnerPid)) return true;
  }
  return now.getTime() - (run.heartbeatAt ?? run.createdAt).getTime() > STALE_AFTER_MS;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * What every instance does on its timer: records and sends today's run once
 * it is due (at or after the hour in Settings → Reminders), and puts back on
 * the queue any open run whose process is gone. Returns the days it sent.
 */
export async function checkReminderRuns(now = new Date()): Promise<string[]> {
  const sent: string[] = [];
  const { reminders } = await loadSettings();
  const day = formatIsoDay(now);
  if (reminderRunDue(now, reminders.hourUtc, null) && !(await db().reminderRun.findUnique({ where: { day }, select: { day: true } }))) {
    try {
      await db().reminderRun.create({ data: { day, ...thisRunner(now) } });
      await sendRun(day, 0);
      sent.push(day);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance was first
    }
  }
  // Open runs are a handful at most (today's, and one a crash left behind).
  for (const run of await db().reminderRun.findMany({ where: { status: { in: ["queued", "running"] } } })) {
    if (sent.includes(run.day) || !runnerGone(run, now)) continue;
    if (await putBack(run, now)) sent.push(run.day);
  }
  return sent;
}

/** A lost queued run is sent again; a dead worker's run is queued again, or failed after its last attempt. */
async function putBack(run: ReminderRun, now: Date): Promise<boolean> {
  const giveUp = run.status === "running" && run.attempts >= MAX_REMINDER_ATTEMPTS;
  const error = run.status === "running" ? `Attempt ${run.attempts} stopped: the process running it exited or went silent.` : run.error;
  const taken = await db().$transaction(async (tx) => {
    const { count } = await tx.reminderRun.updateMany({
      where: { day: run.day, status: run.status, attempts: run.attempts },
      data: giveUp ? { status: "failed", error, finishedAt: now } : { status: "queued", error, ...thisRunner(now) },
    });
    if (count === 1 && run.status === "running") {
      await recordAudit(tx, SYSTEM_ACTOR, { action: "reminders.run.failed", entityType: "reminder_run", entityId: run.day, after: { attempt: run.attempts, error: error ?? "", retried: !giveUp } });
    }
    return count === 1;
  });
  if (!taken || giveUp) return false;
  await sendRun(run.day, run.attempts);
  return true;
}

/** Moves the day's run from queued to running for this process; the attempt number, or null when there is nothing to run. */
async function claimRun(day: string): Promise<number | null> {
  const run = await db().reminderRun.findUnique({ where: { day } });
  if (run?.status !== "queued") return null;
  const now = new Date();
  const attempt = run.attempts + 1;
  const { count } = await db().reminderRun.updateMany({
    where: { day, status: "queued", attempts: run.attempts },
    data: { status: "running", attempts: attempt, startedAt: now, ...thisRunner(now) },
  });
  return count === 1 ? attempt : null;
}

async function runDay(day: string): Promise<void> {
  const attempt = await claimRun(day);
  if (attempt === null) return;
  runningHere.add(day);
  const mine = { day, status: "running", attempts: attempt };
  const beat = setInterval(() => void db().reminderRun.updateMany({ where: mine, data: { heartbeatAt: new Date() } }).catch(() => undefined), HEARTBEAT_MS);
  beat.unref();
  logger.info({ day, attempt }, "daily reminder run started");
  try {
    // Paced: the run gives way to the requests this server is answering meanwhile.
    const result = await runReminderJob({ now: new Date(), pause: pacer() });
    const outcome = { due: result.due, created: result.created, emailsSent: result.delivery?.emailsSent ?? 0, emailFailures: result.delivery?.failures ?? 0 };
    await db().$transaction(async (tx) => {
      const { count } = await tx.reminderRun.updateMany({ where: mine, data: { status: "done", finishedAt: new Date(), ...outcome } });
      if (count === 1) await recordAudit(tx, SYSTEM_ACTOR, { action: "reminders.run", entityType: "reminder_run", entityId: day, after: { attempt, ...outcome } });
    });
    logger.info({ day, attempt, ...outcome }, "daily reminder run finished");
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const retried = attempt < MAX_REMINDER_ATTEMPTS;
    await db().$transaction(async (tx) => {
      const { count } = await tx.reminderRun.updateMany({
        where: mine,
        data: retried ? { status: "queued", error: message, heartbeatAt: new Date() } : { status: "failed", error: message, finishedAt: new Date() },
      });
      if (count === 1) await recordAudit(tx, SYSTEM_ACTOR, { action: "reminders.run.failed", entityType: "reminder_run", entityId: day, after: { attempt, error: message, retried } });
    });
    logger.error({ err: error, day, attempt, retried }, "the daily reminder run failed");
    // Rethrown, the queue retries it after a doubling delay; the last attempt stays failed.
    if (retried) throw error;
  } finally {
    clearInterval(beat);
    runningHere.delete(day);
  }
}

defineJob(REMINDER_JOB, ({ id }) => runDay(id));
