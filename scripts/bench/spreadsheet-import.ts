// Benchmark: a 10,000-row vendor CSV through the spreadsheet import
// (docs/import-export.md): preview (read, validate, match, store) and commit
// (one transaction, one audit event per vendor, summaries). Target: the
// commit finishes in under 15 s. Each run imports fresh vendors, so the
// figures are medians of a few whole imports on one database: the bench's
// SQLite, then a throwaway PostgreSQL cluster when one can be started. The
// commit runs in the calling process (on SQLite synchronously), so the bench
// also prints the longest the event loop waited during a commit (perf_hooks
// monitorEventLoopDelay): what any other request would have waited.
import os from "node:os";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { db, disconnectDb } from "@/lib/server/db";
import { commitSpreadsheetImport, previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { migrateDatabase } from "../db/migrations.mjs";
import { withPostgresDatabase } from "./postgres-database";
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
  await benchOn("SQLite", now);
  const previous = process.env.DATABASE_URL;
  try {
    const ran = await withPostgresDatabase("assay_bench_import", async (url) => {
      await disconnectDb();
      process.env.DATABASE_URL = url;
      await migrateDatabase(url);
      await benchOn("PostgreSQL", now);
      await disconnectDb();
    });
    if ("skipped" in ran) console.log(`\n## Spreadsheet import on PostgreSQL: skipped (${ran.skipped})`);
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

async function benchOn(provider: string, now: Date) {
  console.log(`\n## Spreadsheet import (${ROWS.toLocaleString("en")}-row vendor CSV, ${provider}, ${RUNS} runs)`);
  const user = await db().user.create({ data: { email: "bench-import@assay.local", name: "Bench Procurement", role: "procurement", passwordHash: "x" } });
  await db().orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: (await import("@/lib/schemas/settings")).DEFAULT_SETTINGS }, update: {} });
  const actor = { id: user.id, email: user.email, name: user.name, role: "procurement" as const };
  const loadBefore = os.loadavg()[0]!.toFixed(2);
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
  line("import: load average (1 min) before / after", `${loadBefore} / ${os.loadavg()[0]!.toFixed(2)}`);
}
