// Worker thread of the parallel chain check (parallel-hash.ts): checks that
// every event in one id range hashes to its stored hash (eventHashMatches),
// reading the range itself from its own read-only SQLite connection, and
// reports the first row that does not. Links between rows are the main
// thread's job (ChainVerifier with rowHashesVerified).
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";
import { eventHashMatches } from "@/lib/domain/audit/hash-chain";
import { sqliteEventPages } from "./sqlite-events";

export interface HashWorkerInput {
  file: string;
  /** Exclusive. */
  after: number;
  /** Inclusive. */
  upTo: number;
}

export interface HashWorkerOutput {
  firstBad: number | null;
  checked: number;
}

function run({ file, after, upTo }: HashWorkerInput): HashWorkerOutput {
  const conn = new Database(file, { readonly: true, fileMustExist: true, timeout: 5000 });
  let checked = 0;
  try {
    for (const page of sqliteEventPages(conn, after, upTo)) {
      for (const event of page) {
        if (!eventHashMatches(event)) return { firstBad: event.id, checked };
        checked++;
      }
    }
    return { firstBad: null, checked };
  } finally {
    conn.close();
  }
}

parentPort?.postMessage(run(workerData as HashWorkerInput));
