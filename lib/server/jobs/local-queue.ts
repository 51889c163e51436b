// The SQLite runner: a job runs in the process that sent it, after the
// sender's request has returned. SQLite serves one instance, so there is no
// one else to hand it to; durability comes from the job's own row, which the
// start-up recovery sends again if this process dies (job-queue.ts).
import { handlerFor, type JobHandler, type JobKind, type JobMessage, type JobQueue, type SendOptions } from "./job-queue";
import { retryDelaySeconds } from "./retry-delay";

/** A failing job is retried this many times, with doubling delays, before it is left to its row's recovery. */
export const LOCAL_RETRIES = 3;

export class LocalQueue implements JobQueue {
  private readonly running = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  /** `retryBaseSeconds`: the first retry's delay, doubling after (tests shorten it). */
  constructor(private readonly retryBaseSeconds = 5) {}

  async send(kind: JobKind, message: JobMessage, options: SendOptions = {}): Promise<void> {
    const key = options.key ?? `${kind}:${message.id}`;
    if (this.running.has(key) || this.stopped) return;
    this.running.add(key);
    this.attempt(handlerFor(kind), kind, message, key, 1);
  }

  /** Nothing to start: a job runs where it was sent. */
  async work(): Promise<void> {}

  async stop(): Promise<void> {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private attempt(handler: JobHandler, kind: JobKind, message: JobMessage, key: string, attempt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      handler(message)
        .then(() => this.running.delete(key))
        .catch((error: unknown) => {
          console.error(`Background job ${kind} ${message.id} failed (attempt ${attempt})`, error);
          if (attempt > LOCAL_RETRIES || this.stopped) return this.running.delete(key);
          this.retryLater(handler, kind, message, key, attempt);
        });
    }, 0);
    this.timers.add(timer);
  }

  private retryLater(handler: JobHandler, kind: JobKind, message: JobMessage, key: string, attempt: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.attempt(handler, kind, message, key, attempt + 1);
    }, retryDelaySeconds(attempt, this.retryBaseSeconds) * 1000);
    timer.unref?.();
    this.timers.add(timer);
  }
}
