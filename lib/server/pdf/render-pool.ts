// Assessment PDFs rendered on a small pool of worker threads.
//
// Why: @react-pdf/renderer lays a report out on the CPU for about 170 ms, on
// whichever thread calls it. On the request thread ten concurrent downloads
// queued behind each other (p95 2–4 s) and starved every other request: a
// transaction waiting its turn on the audit chain could not run and expired
// after 5 s (HTTP 500). On workers the request thread stays free; the
// downloads wait in this module's queue (never fail for being many), and at
// most POOL_SIZE renders run at once.
//
// How: each worker loads lib/server/pdf/assessment-report.tsx through tsx's
// loader (the same TypeScript the CLI and bench run; Next's server bundle
// cannot hand a worker its own chunks) and renders the report model it is
// sent; the bytes come back as a transferred buffer. The worker source is
// plain CommonJS run with `eval: true`, like sha256-offload.ts: no file to
// resolve, so it starts the same under Next, vitest and tsx. Where a worker
// cannot start or load, rendering falls back to the calling thread.
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { buildAssessmentReport, type AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { appVersion } from "../app-version";
import { db } from "../db";
import { notFound } from "../errors";
import { loadReportInput } from "../services/assessments/report-input";
import { renderReportPdf } from "./assessment-report";

/** Renders in parallel: one core is left to the request thread (and the database). */
export const POOL_SIZE = Math.max(1, Math.min(2, os.availableParallelism() - 1));

const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { pathToFileURL } = require("node:url");
let renderer;
function load() {
  // tsx's loaders (CommonJS and ESM hooks) for this thread, as \`tsx\` installs them
  // for the CLI. An eval'd worker resolves bare specifiers from the working
  // directory: the app's root.
  renderer ??= (async () => {
    require("tsx/cjs/api").register();
    (await import("tsx/esm/api")).register();
    const ns = await import(pathToFileURL(workerData.modulePath).href);
    return typeof ns.renderReportPdf === "function" ? ns : ns.default;
  })();
  return renderer;
}
parentPort.on("message", async ({ id, report }) => {
  try {
    const { renderReportPdf } = await load();
    const pdf = await renderReportPdf(report);
    const bytes = new Uint8Array(pdf.length);
    bytes.set(pdf);
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) });
  }
});
`;

type Render = (report: AssessmentReport) => Promise<Buffer>;

interface Job {
  id: number;
  report: AssessmentReport;
  resolve: (pdf: Buffer) => void;
  reject: (error: Error) => void;
}

type FromWorker = { id: number; bytes: Uint8Array } | { id: number; error: string };

class PdfWorker {
  readonly worker: Worker;
  job: Job | null = null;
  dead = false;

  constructor(root: string, onMessage: (w: PdfWorker, m: FromWorker) => void, onExit: (w: PdfWorker, error: Error) => void) {
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { root, modulePath: path.join(root, "lib", "server", "pdf", "assessment-report.tsx") },
      // Next inlines the version into its bundle only: hand it to the worker's footer.
      env: { ...process.env, ASSAY_VERSION: appVersion() },
    });
    this.worker.unref(); // an idle pool must not keep a CLI alive
    this.worker.on("message", (m: FromWorker) => onMessage(this, m));
    this.worker.on("error", (error) => onExit(this, error));
    this.worker.on("exit", (code) => onExit(this, new Error(`PDF worker stopped (exit code ${code})`)));
  }
}

/** A bounded pool with a FIFO queue. Exported for tests; code uses renderReportPdfOffThread(). */
export class PdfRenderPool {
  private readonly idle: PdfWorker[] = [];
  private readonly busy = new Set<PdfWorker>();
  private readonly queue: Job[] = [];
  private started = 0;
  private nextId = 1;
  /** Set once workers proved unusable: renders then run on the calling thread. */
  private broken: Error | null = null;

  constructor(
    private readonly size = POOL_SIZE,
    private readonly fallback: Render,
    private readonly root = process.cwd(),
  ) {}

  /** Renders now if a worker is free, else waits its turn. */
  render(report: AssessmentReport): Promise<Buffer> {
    if (this.broken) return this.fallback(report);
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, report, resolve, reject });
      this.dispatch();
    });
  }

  /** Renders waiting for a worker (for tests and monitoring). */
  get waiting(): number {
    return this.queue.length;
  }

  get running(): number {
    return this.busy.size;
  }

  async close(): Promise<void> {
    const workers = [...this.idle, ...this.busy];
    this.idle.length = 0;
    await Promise.all(workers.map((w) => w.worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? this.start();
      if (!worker) return; // all busy: the job waits for one to finish
      const job = this.queue.shift()!;
      worker.job = job;
      this.busy.add(worker);
      worker.worker.ref(); // keep the process alive until the answer arrives
      worker.worker.postMessage({ id: job.id, report: job.report });
    }
  }

  private start(): PdfWorker | null {
    if (this.started >= this.size) return null;
    try {
      const worker = new PdfWorker(this.root, (w, m) => this.receive(w, m), (w, e) => this.exited(w, e));
      this.started++;
      return worker;
    } catch (error) {
      this.breakDown(error instanceof Error ? error : new Error(String(error)));
      return null;
    }
  }

  private receive(worker: PdfWorker, message: FromWorker): void {
    const job = worker.job;
    worker.job = null;
    this.busy.delete(worker);
    worker.worker.unref();
    this.idle.push(worker);
    if (job && job.id === message.id) {
      if ("bytes" in message) job.resolve(Buffer.from(message.bytes.buffer, message.bytes.byteOffset, message.bytes.byteLength));
      else if (isLoadFailure(message.error)) this.retryOnThisThread(job, message.error);
      else job.reject(new Error(`rendering the PDF failed: ${message.error}`));
    }
    this.dispatch();
  }

  private exited(worker: PdfWorker, error: Error): void {
    if (worker.dead) return;
    worker.dead = true;
    this.started--;
    this.busy.delete(worker);
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    // The job it held did not get an answer: render it again elsewhere.
    if (worker.job) this.queue.unshift(worker.job);
    worker.job = null;
    if (this.started === 0 && this.busy.size === 0 && this.queue.length > 0 && !this.broken) {
      // A worker that dies before answering anything will die again: stop trying.
      this.breakDown(error);
      return;
    }
    this.dispatch();
  }

  private retryOnThisThread(job: Job, reason: string): void {
    this.breakDown(new Error(reason));
    this.fallback(job.report).then(job.resolve, job.reject);
  }

  private breakDown(error: Error): void {
    if (this.broken) return;
    this.broken = error;
    console.error("PDF workers are unavailable; rendering on the request thread:", error.message);
    for (const job of this.queue.splice(0)) this.fallback(job.report).then(job.resolve, job.reject);
    void this.close();
  }
}

/** The worker could not load the renderer (as opposed to one report failing to render). */
function isLoadFailure(error: string): boolean {
  return /Cannot find (module|package)|ERR_MODULE_NOT_FOUND|ERR_UNKNOWN_FILE_EXTENSION/.test(error);
}

let shared: PdfRenderPool | null = null;

/**
 * Renders the report model to PDF bytes off the request thread, waiting for a
 * free worker when all are busy. `fallback` renders on this thread, used only
 * when workers cannot run here.
 */
export function renderReportPdfOffThread(report: AssessmentReport, fallback: Render = renderReportPdf): Promise<Buffer> {
  shared ??= new PdfRenderPool(POOL_SIZE, fallback);
  return shared.render(report);
}

/** renderAssessmentPdf (pdf/assessment-report.tsx), with the layout on the pool: what audit packs use. */
export async function renderAssessmentPdfOffThread(assessmentId: string, now = new Date()): Promise<Buffer> {
  const loaded = await loadReportInput(db(), assessmentId, now);
  if (!loaded) throw notFound("Assessment not found.");
  return renderReportPdfOffThread(buildAssessmentReport(loaded.input));
}
