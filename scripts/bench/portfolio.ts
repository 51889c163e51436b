// Portfolio questions over the typed dossier tables at full scale: each is a
// range query on an indexed date column (lib/server/services/portfolio-queries.ts),
// so its time follows the answers, not the 10,000 vendors.
import { addDays, format } from "date-fns";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { db, disconnectDb } from "@/lib/server/db";
import { withPostgresDatabase } from "./postgres-database";
import { migrateDatabase } from "../db/migrations.mjs";
import { seedPortfolio } from "./seed-portfolio";
import { portfolioDates, vendorsWithStaleSoc2 } from "@/lib/server/services/portfolio-queries";
import { benchCalendarMonth } from "./calendar";
import { line, ms, timeRuns } from "./stats";

const EXPIRY_KINDS = ["iso_expiry", "insurance_expiry", "soc2_stale", "contract_notice", "contract_term_end"] as const;

export async function benchPortfolioQueries(now: Date, label: string) {
  const client = db();
  const records = await recordCount();
  const vendors = await client.vendor.count();
  const today = format(now, "yyyy-MM-dd");
  const range = { from: today, to: format(addDays(now, 90), "yyyy-MM-dd") };
  // The portfolio expiry question (README, "Data model"): evidence lapsing and contract deadlines, as measured since it was first asked.
  const expiry = { kinds: EXPIRY_KINDS };
  const answers = (await portfolioDates(client, range, DEFAULT_SETTINGS, expiry)).length;
  const dates = await timeRuns(30, () => portfolioDates(client, range, DEFAULT_SETTINGS, expiry));
  line(`${label}: evidence and deadlines due in the next 90 days (${vendors.toLocaleString("en")} vendors, ${records.toLocaleString("en")} records; ${answers} answers)`, `median ${ms(dates.median)}, p95 ${ms(dates.p95)}`, "< 50 ms median", dates.median < 50);
  // Every dated obligation the calendar shows, over the same 90 days (no target of its own: the month view's is below).
  const everyKind = await timeRuns(30, () => portfolioDates(client, range, DEFAULT_SETTINGS));
  line(`${label}: every calendar kind due in the next 90 days`, `median ${ms(everyKind.median)}, p95 ${ms(everyKind.p95)}`);
  const staleCount = (await vendorsWithStaleSoc2(client, today, DEFAULT_SETTINGS)).length;
  const stale = await timeRuns(30, () => vendorsWithStaleSoc2(client, today, DEFAULT_SETTINGS));
  line(`${label}: vendors with SOC 2 stale today (${staleCount.toLocaleString("en")})`, `median ${ms(stale.median)}, p95 ${ms(stale.p95)}`, "< 50 ms median", stale.median < 50);
  await benchCalendarMonth(now, label);
}

async function recordCount(): Promise<number> {
  const client = db();
  const counts = await Promise.all([
    client.deliverySite.count(), client.soc2Report.count(), client.isoCertificate.count(), client.pentest.count(), client.securityPolicy.count(),
    client.incidentResponsePlan.count(), client.continuityPlan.count(), client.insurancePolicy.count(), client.controlAssessment.count(), client.kpiPeriod.count(),
    client.incident.count(), client.securityReview.count(), client.contract.count(), client.clauseReview.count(), client.dpaStatus.count(),
    client.transferMechanism.count(), client.subProcessor.count(),
  ]);
  return counts.reduce((a, b) => a + b, 0);
}

/**
 * `npm run bench portfolio`: the portfolio queries at 10,000 vendors on a
 * throwaway PostgreSQL cluster (the vendors section measures them on SQLite),
 * without the production build `bench http` needs.
 */
export async function benchPortfolioOnPostgres(now: Date) {
  const previous = process.env.DATABASE_URL;
  try {
    const ran = await withPostgresDatabase("assay_bench_portfolio", async (url) => {
      console.log("\n## Portfolio queries, PostgreSQL, 10,000 vendors");
      await disconnectDb();
      process.env.DATABASE_URL = url;
      await migrateDatabase(url);
      const owner = await db().user.create({ data: { email: "bench-portfolio@assay.local", name: "Bench Owner", role: "admin", passwordHash: "x" } });
      const t0 = performance.now();
      const seeded = await seedPortfolio({ count: 10_000, docsPerVendor: 30, now, owner });
      line("seeded", `${ms(performance.now() - t0)} (${seeded.records.toLocaleString("en")} records)`);
      await benchPortfolioQueries(now, "portfolio query, postgresql");
      await disconnectDb();
    });
    if ("skipped" in ran) console.log(`\n## Portfolio queries on PostgreSQL: skipped (${ran.skipped})`);
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
