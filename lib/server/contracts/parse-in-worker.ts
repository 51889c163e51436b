import path from "node:path";
import { Worker } from "node:worker_threads";

/** How much a single contract parse may take before it is stopped. */
export interface ExtractionBudget {
  /** V8 heap of the worker (old generation), in MB. */
  maxHeapMb: number;
  timeoutMs: number;
}

export const DEFAULT_EXTRACTION_BUDGET: ExtractionBudget = { maxHeapMb: 256, timeoutMs: 30_000 };

export class ExtractionBudgetError extends Error {
  constructor(readonly reason: "memory" | "timeout") {
    super(reason === "memory" ? "The parser ran out of its memory budget." : "The parser ran out of its time budget.");
    this.name = "ExtractionBudgetError";
  }
}

/** What the parser itself threw, with its name kept (pdf.js's PasswordException). */
class ParserError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface ParsedDocument {
  html?: string;
  pageTexts?: string[];
}

// The worker is plain JavaScript next to this file. Bundlers do not ship it,
// so it is found from the app's root, which is the working directory of both
// `npm start` (scripts/start.mjs) and the test runner.
const WORKER_FILE = path.join(process.cwd(), "lib", "server", "contracts", "extract-worker.mjs");

/**
 * Parses a DOCX or PDF in a worker thread with a heap limit and a deadline.
 * Running out of either terminates the thread and rejects with
 * ExtractionBudgetError; the server's own heap never sees the inflated file.
 */
export function parseInWorker(
  job: { format: "docx" | "pdf"; bytes: Uint8Array },
  budget: Partial<ExtractionBudget> = {},
): Promise<ParsedDocument> {
  const { maxHeapMb, timeoutMs } = { ...DEFAULT_EXTRACTION_BUDGET, ...budget };
  // A copy is handed over, so the caller's bytes stay intact.
  const bytes = new Uint8Array(job.bytes);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, {
      workerData: { format: job.format, bytes },
      transferList: [bytes.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb, maxYoungGenerationSizeMb: Math.min(32, maxHeapMb), stackSizeMb: 4 },
      stdout: true,
      stderr: true,
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(() => finish(() => reject(new ExtractionBudgetError("timeout"))), timeoutMs);
    worker.once("message", (msg: { ok: true; html?: string; pageTexts?: string[] } | { ok: false; name: string; message: string }) =>
      finish(() => (msg.ok ? resolve({ html: msg.html, pageTexts: msg.pageTexts }) : reject(new ParserError(msg.name, msg.message)))),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      finish(() => reject(error.code === "ERR_WORKER_OUT_OF_MEMORY" ? new ExtractionBudgetError("memory") : error)),
    );
    worker.once("exit", (code) => finish(() => reject(new Error(`The text extraction worker exited with code ${code}.`))));
  });
}
