import { setTimeout as sleep } from "node:timers/promises";

// Background batch work (the daily reminder run) shares the server's one
// thread with requests. On SQLite every query runs on that thread, so a job
// that only yields between steps (setImmediate) still takes its turn as often
// as the requests do, and a page that needs several queries waits a step of
// the job for each: at 10,000 vendors the legal queue's p95 went from 0.27 s
// to 1.7-2.5 s while the run lasted. A paced job rests after each stretch of
// work for `rest` times as long as the stretch took, so it uses about
// 1 / (1 + rest) of the thread and the requests the rest. The run takes
// longer; nobody waits on it (it is a background job; the CLI is not paced).

export type Pause = () => Promise<void>;

export interface PacerOptions {
  /** Rest per millisecond of work. */
  rest?: number;
  /** The longest single rest, so a slow step does not park the job for long. */
  maxRestMs?: number;
  /** For tests: the clock and the wait. */
  now?: () => number;
  wait?: (ms: number) => Promise<unknown>;
}

export function pacer({ rest = 3, maxRestMs = 1_000, now = () => performance.now(), wait = sleep }: PacerOptions = {}): Pause {
  let since = now();
  return async () => {
    await wait(Math.min((now() - since) * rest, maxRestMs));
    since = now();
  };
}
