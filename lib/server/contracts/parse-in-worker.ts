import path from "node:path";
import { fork } from "node:child_process";

/** How much a single contract parse may take before it is stopped. */
export interface ExtractionBudget {
  /** V8 heap of the parsing process (old generation), in MB. */
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
// (The comment stops Turbopack from trying to bundle it as a module.)
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "server", "contracts", "extract-worker.mjs");

/**
 * Parses a DOCX or PDF in a child process with a heap limit and a deadline.
 * Running out of either kills the child and rejects with
 * ExtractionBudgetError; the server's own heap never sees the inflated file.
 * A process rather than a worker thread: V8 aborts the whole process on some
 * out-of-memory paths inside a worker, which is exactly what a bomb triggers.
 */
export function parseInWorker(
  job: { format: "docx" | "pdf"; bytes: Uint8Array },
  budget: Partial<ExtractionBudget> = {},
): Promise<ParsedDocument> {
  const { maxHeapMb, timeoutMs } = { ...DEFAULT_EXTRACTION_BUDGET, ...budget };
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_FILE, [], {
      execArgv: [`--max-old-space-size=${maxHeapMb}`],
      serialization: "advanced",
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      env: { NODE_ENV: process.env.NODE_ENV ?? "production", PATH: process.env.PATH ?? "" },
    });
    // V8 prints its out-of-memory report on stderr; keep only the verdict.
    let stderr = "";
    child.stderr?.on("data", (c: Buffer) => {
      if (stderr.length < 4096) stderr += c.toString("utf8");
    });
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      if (child.exitCode === null) child.kill("SIGKILL");
    };
    const timer = setTimeout(() => finish(() => reject(new ExtractionBudgetError("timeout"))), timeoutMs);
    child.once("message", (msg: { ok: true; html?: string; pageTexts?: string[] } | { ok: false; name: string; message: string }) =>
      finish(() => (msg.ok ? resolve({ html: msg.html, pageTexts: msg.pageTexts }) : reject(new ParserError(msg.name, msg.message)))),
    );
    child.once("error", (error) => finish(() => reject(error)));
    child.once("exit", (code, signal) =>
      finish(() =>
        reject(
          /out of memory|heap limit/i.test(stderr)
            ? new ExtractionBudgetError("memory")
            : new Error(`The text extraction process exited (${signal ?? code}) without an answer.`),
        ),
      ),
    );
    child.send({ format: job.format, bytes: job.bytes });
  });
}
