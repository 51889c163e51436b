// How many contracts the clause finder reads at once in this process. The
// finder runs on the server's own thread, in turns (find-clauses-in-turns.ts):
// each run yields between steps, but runs side by side all take their step in
// the same turn of the event loop, so every request waits for the sum of
// their steps. A small number run at once; later ones wait their turn, in the
// order they came. One user cannot lock the others out: each reads one
// contract at a time and has only a few places in the queue.
import { AppError } from "../errors";

export interface FinderQueueLimits {
  /** Runs reading at the same time; one user reads one contract at a time, so never all of them. */
  running: number;
  /** Runs waiting for a place, across all users. */
  waiting: number;
  /** Runs of one user, reading or waiting. */
  perUser: number;
}

export const FINDER_QUEUE_LIMITS: FinderQueueLimits = { running: 2, waiting: 16, perUser: 2 };

export class FinderQueue {
  /** Who is reading: each user reads one contract at a time, so its size is how many read. */
  private readonly reading = new Set<string>();
  private readonly queue: { userId: string; start: () => void }[] = [];
  private readonly ofUser = new Map<string, number>();

  constructor(private readonly limits: FinderQueueLimits = FINDER_QUEUE_LIMITS) {}

  /** Runs `work` when a place is free; refuses at once, with a BUSY error, when the user or the queue has no room. */
  async run<T>(userId: string, work: () => Promise<T>): Promise<T> {
    const mine = this.ofUser.get(userId) ?? 0;
    if (mine >= this.limits.perUser) {
      throw new AppError("BUSY", `The clause finder is already reading ${mine} of your contracts. When they are done, run it on this one.`);
    }
    const mayStart = this.reading.size < this.limits.running && !this.reading.has(userId);
    if (!mayStart && this.queue.length >= this.limits.waiting) {
      throw new AppError("BUSY", "The clause finder is reading many contracts right now. Try again in a minute.");
    }
    this.ofUser.set(userId, mine + 1);
    try {
      if (mayStart) this.reading.add(userId);
      else await new Promise<void>((start) => this.queue.push({ userId, start }));
      try {
        return await work();
      } finally {
        this.reading.delete(userId);
        this.startNext();
      }
    } finally {
      const left = (this.ofUser.get(userId) ?? 1) - 1;
      if (left > 0) this.ofUser.set(userId, left);
      else this.ofUser.delete(userId);
    }
  }

  /** The first in line whose user is not reading already takes the free place. */
  private startNext(): void {
    while (this.reading.size < this.limits.running) {
      const i = this.queue.findIndex((w) => !this.reading.has(w.userId));
      if (i < 0) return;
      const [next] = this.queue.splice(i, 1);
      this.reading.add(next!.userId);
      next!.start();
    }
  }

  /** For tests and the bench: how many read and how many wait. */
  get load(): { reading: number; waiting: number } {
    return { reading: this.reading.size, waiting: this.queue.length };
  }
}

/** The process's one queue. */
export const finderQueue = new FinderQueue();
