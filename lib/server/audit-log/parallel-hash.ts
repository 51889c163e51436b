// Row hashes of a SQLite audit log checked in worker threads, one id range
// per worker, while the main thread checks the links. Used by the CLI
// (`verify-audit-log`) and the bench, which run under tsx: the worker loads
// hash-worker.ts through tsx's own require hook. Where that is not available
// (the Next server bundle) this returns null and the caller checks serially.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { HashWorkerInput, HashWorkerOutput } from "./hash-worker";

export type RangeHashChecker = (file: string, upTo: number) => Promise<number | null>;

function tsxAvailable(): boolean {
  try {
    require.resolve("tsx/cjs/api");
    return process.execArgv.some((a) => a.includes("tsx")) || Boolean(process.env.TSX);
  } catch {
    return false;
  }
}

/**
 * A checker that splits ids 1..upTo into `workers` ranges and resolves with
 * the lowest id whose stored hash does not match its contents (null if none).
 * Null when worker threads cannot load TypeScript here.
 */
export function parallelRangeHashChecker(workers = Math.max(2, Math.min(8, os.availableParallelism()))): RangeHashChecker | null {
  if (!tsxAvailable()) return null;
  const entry = path.join(__dirname, "hash-worker.ts");
  return async (file, upTo) => {
    const size = Math.ceil(upTo / workers);
    const ranges = Array.from({ length: workers }, (_, i) => ({ after: i * size, upTo: Math.min(upTo, (i + 1) * size) })).filter((r) => r.after < r.upTo);
    const results = await Promise.all(
      ranges.map(
        (range) =>
          new Promise<HashWorkerOutput>((resolve, reject) => {
            const input: HashWorkerInput = { file, ...range };
            const worker = new Worker(`require("tsx/cjs/api").require(${JSON.stringify(entry)}, ${JSON.stringify(entry)});`, { eval: true, workerData: input });
            worker.once("message", resolve);
            worker.once("error", reject);
            worker.once("exit", (code) => (code !== 0 ? reject(new Error(`hash worker exited with ${code}`)) : undefined));
          }),
      ),
    );
    const bad = results.map((r) => r.firstBad).filter((id): id is number => id !== null);
    return bad.length ? Math.min(...bad) : null;
  };
}
