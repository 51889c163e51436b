// Benchmark: a 10,000-row vendor CSV through the spreadsheet import
// (docs/import-export.md): preview (read, validate, match, store) and commit
// (one transaction, one audit event per vendor, summaries). Target: the
// commit finishes in under 15 s. Each run imports fresh vendors, so the
// figures are medians of a few whole imports on one SQLite database. The
// commit runs in the calling process on synchronous SQLite, so the bench also
// prints the longest the event loop waited during a commit (perf_hooks
// monitorEventLoopDelay): what any other request would have waited.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { db } from "@/lib/server/db";
import { commitSpreadsheetImport, previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { line, ms, percentile } from "./stats";

const ROWS = Number(process.env.BENCH_IMPORT_ROWS || 10_000);
const RUNS = Number(process.env.BENCH_IMPORT_RUNS || 3);
const HEADER = "external_id,name,legal_name,website,country,services,industries,data_categories,access_level,status,owner_email";

function csv(tag: string): Uint8Array {
  const lines = [HEADER];
  for (let i = 0; i < ROWS; i++) lines.push(`${tag}-${i},Bench ${i},"${tag} Vendor ${i}, Ltd",https://v${i}.example,PH,email; chat,fintech,contact_pii,trigger_resets,active,`);
  return new TextEncoder().encode(`\uFEFF${lines.join("\r\n")}\r\n`);
}

export async function benchSpreadsheetImport(now: Date) {
  console.log(`\n## Spreadsheet import (${ROWS.toLocaleString("en")}-row vendor CSV, SQLite, ${RUNS} runs)`);
  const user = await db().user.create({ data: { email: "bench-import@assay.local", name: "Bench Procurement", role: "procurement", passwordHash: "x" } });
  await db().orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: (await import("@/lib/schemas/settings")).DEFAULT_SETTINGS }, update: {} });
  const actor = { id: user.id, email: user.email, name: user.name, role: "procurement" as const };
  const previews: number[] = [];
  const commits: number[] = [];
  const blocks: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const bytes = csv(`IMP${run}`);
    const t0 = performance.now();
    const previewed = await previewSpreadsheetImport({ actor, kind: "vendors", fileName: "bench.csv", bytes, now });
    previews.push(performance.now() - t0);
    if (previewed.errorCount > 0) throw new Error(`bench file has ${previewed.errorCount} invalid rows`);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t1 = performance.now();
    await commitSpreadsheetImport({ actor, importId: previewed.id, now });
    commits.push(performance.now() - t1);
    delay.disable();
    blocks.push(delay.max / 1e6);
  }
  previews.sort((a, b) => a - b);
  commits.sort((a, b) => a - b);
  blocks.sort((a, b) => a - b);
  line("import: preview", `median ${ms(percentile(previews, 50))}`);
  line("import: commit", `median ${ms(percentile(commits, 50))}`, "< 15 s", percentile(commits, 50) < 15_000);
  line("import: longest event-loop block in a commit", `median ${ms(percentile(blocks, 50))}, worst ${ms(blocks.at(-1)!)}`);
  line("import: load average (1 min) after the runs", os.loadavg()[0]!.toFixed(2));
}
