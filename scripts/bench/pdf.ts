// Benchmark: the assessment PDF. Median render time for a typical demo
// vendor and for the largest one (most findings and evidence records), and
// memory while rendering 100 reports in a row. Targets: typical median
// < 300 ms; memory flat (no growth trend) across the 100 reports.
//
// Rendering is the same call the download route and the audit pack make
// (renderAssessmentPdf: load the frozen snapshot, build the report model,
// lay it out and write the PDF). CPU time is printed next to wall time
// because shared machines inflate wall time.
import { listRecords } from "@/lib/server/dossier/record-store";
import v8 from "node:v8";
import vm from "node:vm";
import type { Actor } from "@/lib/server/actor";
import type { Finding } from "@/lib/domain/findings/finding";
import { line, ms, percentile } from "./stats";

const RUNS = Number(process.env.BENCH_PDF_RUNS || 15);
const SERIES = 100;
const MB = 1024 * 1024;

interface Target {
  id: string;
  vendor: string;
  findings: number;
  documents: number;
}

type Render = (assessmentId: string) => Promise<Buffer>;

async function timeRender(renderAssessmentPdf: Render, assessmentId: string, runs: number) {
  for (let i = 0; i < 2; i++) await renderAssessmentPdf(assessmentId);
  const wall: number[] = [];
  const cpu: number[] = [];
  let pages = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const pdf = await renderAssessmentPdf(assessmentId);
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    bytes = pdf.length;
    pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: percentile(wall, 50), p95: percentile(wall, 95), cpuMedian: percentile(cpu, 50), pages, bytes };
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const num = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

export async function benchPdf(now: Date) {
  console.log("\n## Assessment PDF (@react-pdf/renderer, demo vendors, SQLite)");
  // Measure what `npm start` runs: React's production build (the development
  // build keeps per-render diagnostics that grow the heap). React is loaded
  // by the imports below, so the mode is set first.
  Object.assign(process.env, { NODE_ENV: "production" });
  const { seedDemoData } = await import("@/lib/cli/seed");
  const { db } = await import("@/lib/server/db");
  const { renderAssessmentPdf } = await import("@/lib/server/pdf/assessment-report");
  const { createAssessment } = await import("@/lib/server/services/assessments/create");
  // Demo data next to whatever an earlier bench wrote (force: the database is throwaway).
  await seedDemoData({ force: true, now });
  const client = db();
  const user = await client.user.findFirstOrThrow({ where: { role: "procurement", isDemo: true } });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: "procurement" };
  const vendors = await client.vendor.findMany({ where: { isDemo: true }, orderBy: { name: "asc" }, select: { id: true, name: true, _count: { select: { documents: true } } } });
  const targets: Target[] = [];
  for (const v of vendors) {
    const a = await createAssessment({ actor, input: { vendorId: v.id }, now });
    const records = (await listRecords(client, v.id)).length;
    targets.push({ id: a.id, vendor: v.name, findings: (a.findings as unknown as Finding[]).length, documents: v._count.documents + records });
  }
  const byFindings = [...targets].sort((a, b) => a.findings - b.findings || a.documents - b.documents);
  const typical = byFindings[Math.floor((byFindings.length - 1) / 2)]!;
  const largest = [...targets].sort((a, b) => b.findings + b.documents - (a.findings + a.documents))[0]!;
  console.log(`  ${targets.length} demo vendors assessed; typical = median by findings, largest = most findings + records`);

  for (const [label, target] of [
    ["typical", typical],
    ["largest", largest],
  ] as const) {
    const r = await timeRender(renderAssessmentPdf, target.id, RUNS);
    const what = `${target.vendor}: ${target.findings} findings, ${target.documents} records, ${r.pages} pages, ${(r.bytes / 1024).toFixed(0)} KB`;
    console.log(`  ${label}: ${what}`);
    line(
      `median render, ${label} (${RUNS} runs)`,
      `${ms(r.median)} (p95 ${ms(r.p95)}, CPU ${ms(r.cpuMedian)})`,
      label === "typical" ? "< 300 ms" : undefined,
      label === "typical" ? r.median < 300 : undefined,
    );
  }

  // 100 reports in a row, round-robin over every demo vendor's assessment.
  // Every 10 reports: RSS as the OS sees it, and the heap after a full
  // collection (what is really retained). A leak shows as a rising retained
  // heap; RSS alone also moves with V8 growing its heap capacity.
  const gc = exposeGc();
  const samples: { x: number; rss: number; retained: number }[] = [];
  gc();
  let peak = process.memoryUsage().rss;
  console.log(`  before the series: RSS ${(peak / MB).toFixed(0)} MB, retained heap ${(process.memoryUsage().heapUsed / MB).toFixed(1)} MB`);
  for (let i = 1; i <= SERIES; i++) {
    await renderAssessmentPdf(targets[(i - 1) % targets.length]!.id);
    peak = Math.max(peak, process.memoryUsage().rss);
    if (i % 10 === 0) {
      gc();
      const { rss, heapUsed } = process.memoryUsage();
      samples.push({ x: i, rss: rss / MB, retained: heapUsed / MB });
      console.log(`    after ${String(i).padStart(3)} reports: RSS ${(rss / MB).toFixed(0)} MB, retained heap ${(heapUsed / MB).toFixed(1)} MB`);
    }
  }
  // The first checkpoint includes one-off warm-up (fonts, layout engine); trends are judged after it.
  const after = samples.slice(1);
  const heapSlope = slope(after.map((p) => ({ x: p.x, y: p.retained })));
  const rssSlope = slope(after.map((p) => ({ x: p.x, y: p.rss })));
  const span = after.at(-1)!.x - after[0]!.x;
  line("peak RSS over 100 reports", `${(peak / MB).toFixed(0)} MB`);
  line("RSS trend after warm-up", `${signed(rssSlope * 100)} MB per 100 reports`);
  line("retained heap trend after warm-up", `${signed(heapSlope * 100)} MB per 100 reports`, "flat (< 5 MB over the series)", Math.abs(heapSlope * span) < 5);
}

function signed(n: number): string {
  return `${n >= 0 ? "+" : ""}${n.toFixed(1)}`;
}

/** A full garbage collection on demand, without restarting node with --expose-gc. */
function exposeGc(): () => void {
  const existing = (globalThis as { gc?: () => void }).gc;
  if (existing) return existing;
  v8.setFlagsFromString("--expose-gc");
  return vm.runInNewContext("gc") as () => void;
}
