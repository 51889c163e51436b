import path from "node:path";
import { type ChildProcess, fork } from "node:child_process";
import type { PdfTextItem } from "./pdf-page-text";

/** How much a single contract parse may take before it is stopped. */
export interface ExtractionBudget {
  /** V8 heap of the parsing process (old generation), in MB. */
  maxHeapMb: number;
  timeoutMs: number;
}

export const DEFAULT_EXTRACTION_BUDGET: ExtractionBudget = { maxHeapMb: 256, timeoutMs: 30_000 };

/**
 * A warm parsing process answers at most this many documents, and is let go
 * after this long without one. Starting Node and compiling pdf.js is a third
 * of what a 40-page PDF costs; the limits keep one long-lived process from
 * accumulating whatever the parsers leave behind, or holding memory while idle.
 */
const MAX_JOBS_PER_PROCESS = 25;
const IDLE_MS = 5 * 60_000;

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
  /** A PDF's text items, page by page. */
  pageItems?: PdfTextItem[][];
  /** The parsing process (for the tests of its reuse). */
  pid?: number;
}

// The worker is plain JavaScript next to this file. Bundlers do not ship it,
// so it is found from the app's root, which is the working directory of both
// `npm start` (scripts/start.mjs) and the test runner.
// (The comment stops Turbopack from trying to bundle it as a module.)
const WORKER_FILE = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "server", "contracts", "extract-worker.mjs");

interface Worker {
  child: ChildProcess;
  maxHeapMb: number;
  jobs: number;
  busy: boolean;
  idleTimer?: NodeJS.Timeout;
}

/** The one process kept warm between parses; a parse that finds it busy gets a process of its own. */
let warm: Worker | undefined;

function spawn(maxHeapMb: number): Worker {
  const child = fork(WORKER_FILE, [], {
    execArgv: [`--max-old-space-size=${maxHeapMb}`],
    serialization: "advanced",
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    env: { NODE_ENV: process.env.NODE_ENV ?? "production", PATH: process.env.PATH ?? "" },
  });
  return { child, maxHeapMb, jobs: 0, busy: false };
}

/** An idle warm process must not keep the server (or a CLI run) alive. */
function holdOpen(w: Worker, hold: boolean): void {
  const handles = [w.child, w.child.channel, w.child.stderr] as ({ ref?: () => void; unref?: () => void } | null | undefined)[];
  for (const h of handles) (hold ? h?.ref : h?.unref)?.call(h);
}

function retire(w: Worker): void {
  if (warm === w) warm = undefined;
  clearTimeout(w.idleTimer);
  if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
}

function acquire(maxHeapMb: number): { worker: Worker; keep: boolean } {
  // A warm process that died while idle frees its place.
  if (warm && !warm.busy && (!warm.child.connected || warm.child.exitCode !== null || warm.child.signalCode !== null)) retire(warm);
  if (warm && !warm.busy && warm.maxHeapMb === maxHeapMb && warm.child.connected) {
    clearTimeout(warm.idleTimer);
    return { worker: warm, keep: true };
  }
  // Only the default budget is kept warm; a parse under another budget (or while the warm one is busy) runs alone.
  const worker = spawn(maxHeapMb);
  if (!warm && maxHeapMb === DEFAULT_EXTRACTION_BUDGET.maxHeapMb) {
    warm = worker;
    return { worker, keep: true };
  }
  return { worker, keep: false };
}

/**
 * Parses a DOCX or PDF in a child process with a heap limit and a deadline.
 * Running out of either kills the child and rejects with
 * ExtractionBudgetError; the server's own heap never sees the inflated file.
 * A process rather than a worker thread: V8 aborts the whole process on some
 * out-of-memory paths inside a worker, which is exactly what a bomb triggers.
 * One process is kept warm for the next parse when a parse succeeds; any
 * failure (a parser error, the deadline, the heap limit) retires it.
 */
export function parseInWorker(
  job: { format: "docx" | "pdf"; bytes: Uint8Array },
  budget: Partial<ExtractionBudget> = {},
): Promise<ParsedDocument> {
  const { maxHeapMb, timeoutMs } = { ...DEFAULT_EXTRACTION_BUDGET, ...budget };
  const { worker, keep } = acquire(maxHeapMb);
  const { child } = worker;
  worker.busy = true;
  worker.jobs += 1;
  holdOpen(worker, true);
  return new Promise((resolve, reject) => {
    // V8 prints its out-of-memory report on stderr; keep only the verdict.
    let stderr = "";
    const onStderr = (c: Buffer) => {
      if (stderr.length < 4096) stderr += c.toString("utf8");
    };
    const onMessage = (msg: { ok: true; html?: string; pageItems?: PdfTextItem[][] } | { ok: false; name: string; message: string }) =>
      finish(msg.ok, () => (msg.ok ? resolve({ html: msg.html, pageItems: msg.pageItems, pid: child.pid }) : reject(new ParserError(msg.name, msg.message))));
    const onError = (error: Error) => finish(false, () => reject(error));
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      finish(false, () =>
        reject(
          /out of memory|heap limit/i.test(stderr)
            ? new ExtractionBudgetError("memory")
            : new Error(`The text extraction process exited (${signal ?? code}) without an answer.`),
        ),
      );
    let settled = false;
    const finish = (ok: boolean, fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.stderr?.off("data", onStderr);
      child.off("message", onMessage);
      child.off("error", onError);
      child.off("exit", onExit);
      worker.busy = false;
      if (ok && keep && worker.jobs < MAX_JOBS_PER_PROCESS && child.connected) {
        holdOpen(worker, false);
        worker.idleTimer = setTimeout(() => retire(worker), IDLE_MS).unref();
      } else {
        retire(worker);
      }
      fn();
    };
    const timer = setTimeout(() => finish(false, () => reject(new ExtractionBudgetError("timeout"))), timeoutMs);
    child.stderr?.on("data", onStderr);
    child.on("message", onMessage);
    child.once("error", onError);
    child.once("exit", onExit);
    child.send({ format: job.format, bytes: job.bytes });
  });
}
