// The PostgreSQL queue: pg-boss, in its own `pgboss` schema of the same
// database (Prisma's migrations manage only `public`). Any instance that runs
// workers may take a job; pg-boss hands each job to one of them
// (SELECT … FOR UPDATE SKIP LOCKED), retries a throwing handler with doubling
// delays, and expires a job whose worker went silent. It has no heartbeat, so
// a killed worker's job is found sooner by the row's own recovery, which
// sends a new job for it (job-queue.ts).
import PgBoss from "pg-boss";
import { handlerFor, type JobKind, type JobMessage, type JobQueue, type SendOptions } from "./job-queue";

/** Longer than any job should run; a job still active after this is retried by pg-boss. */
const EXPIRE_SECONDS = Number(process.env.ASSAY_JOB_EXPIRE_SECONDS) || 6 * 60 * 60;

export class PgBossQueue implements JobQueue {
  private boss: Promise<PgBoss> | null = null;
  private readonly queues = new Map<JobKind, Promise<void>>();
  private readonly working = new Set<JobKind>();

  constructor(private readonly url: string) {}

  private started(): Promise<PgBoss> {
    this.boss ??= (async () => {
      const boss = new PgBoss({ connectionString: this.url, schema: "pgboss", max: 4, application_name: "assay-jobs" });
      boss.on("error", (error) => console.error("Job queue error", error));
      await boss.start();
      return boss;
    })();
    return this.boss;
  }

  private queue(boss: PgBoss, kind: JobKind): Promise<void> {
    let created = this.queues.get(kind);
    if (!created) {
      created = ensureQueue(boss, kind).catch((error: unknown) => {
        this.queues.delete(kind);
        throw error;
      });
      this.queues.set(kind, created);
    }
    return created;
  }

  async send(kind: JobKind, message: JobMessage, options: SendOptions = {}): Promise<void> {
    const boss = await this.started();
    await this.queue(boss, kind);
    await boss.send(kind, message, { singletonKey: options.key ?? `${kind}:${message.id}` });
  }

  async work(kind: JobKind): Promise<void> {
    if (this.working.has(kind)) return;
    this.working.add(kind);
    const boss = await this.started();
    await this.queue(boss, kind);
    const handler = handlerFor(kind);
    await boss.work<JobMessage>(kind, { batchSize: 1, pollingIntervalSeconds: 1 }, async ([job]) => {
      if (job) await handler(job.data);
    });
  }

  async stop(): Promise<void> {
    const boss = this.boss;
    this.boss = null;
    this.queues.clear();
    this.working.clear();
    if (boss) await (await boss).stop({ graceful: false, wait: true });
  }
}

/**
 * Creates the kind's queue unless it exists. Instances that start together
 * race to create it, and pg-boss's own tables then answer one of them with a
 * deadlock or a duplicate: the loser waits a moment and looks again.
 */
async function ensureQueue(boss: PgBoss, kind: JobKind): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    if (await boss.getQueue(kind)) return;
    try {
      await boss.createQueue(kind, { name: kind, retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: EXPIRE_SECONDS });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
