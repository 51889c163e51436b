// `npm run bench`: performance figures the issues ask for, measured on a
// throwaway database. Prints medians and p95 (these machines are noisy), never
// fails on a target: a missed target shows as MISSED in the output.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-bench-"));
  process.env.ASSAY_DATA_DIR = dir;
  process.env.DATABASE_URL = `file:${path.join(dir, "bench.db")}`;
  const { migrateDatabase } = await import("../db/migrations.mjs");
  await migrateDatabase(process.env.DATABASE_URL);
  const now = new Date();
  console.log(`Assay benchmark — ${now.toISOString()} — node ${process.version}, ${os.cpus().length} cores`);
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  try {
    if (want("vendors")) await (await import("./vendors")).benchVendors(now);
    if (want("scoring")) await (await import("./scoring")).benchScoring(now);
    if (want("clauses")) await (await import("./clause-finder")).benchClauseFinder();
    if (want("pdf")) await (await import("./pdf")).benchPdf(now);
    if (want("pack")) await (await import("./pack")).benchPack(now);
    if (want("auditlog")) await (await import("./audit-log")).benchAuditLog(now);
    if (want("sessions")) await (await import("./sessions")).benchSessions(now);
    if (want("import")) await (await import("./spreadsheet-import")).benchSpreadsheetImport(now);
    if (want("portfolio")) await (await import("./portfolio")).benchPortfolioOnPostgres(now);
    if (want("search")) await (await import("./search")).benchSearch();
    if (want("reminders")) await (await import("./reminders")).benchReminders(now);
    // Heavy (a production build, 10,000 vendors per provider, a server): only when asked for.
    if (only.includes("http")) await (await import("./http")).benchHttp(now);
    // Quicker, in-process views of two of its figures (10,000 vendors each): also only when asked for.
    if (only.includes("api")) await (await import("./api")).benchApi(now);
    if (only.includes("refresh")) await (await import("./summary-refresh")).benchSummaryRefresh(now);
  } finally {
    const { disconnectDb } = await import("@/lib/server/db");
    await disconnectDb();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
