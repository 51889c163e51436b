// Portfolio questions over the typed dossier tables at full scale: each is a
// range query on an indexed date column (lib/server/services/portfolio-queries.ts),
// so its time follows the answers, not the 10,000 vendors.
import { addDays, format } from "date-fns";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { db } from "@/lib/server/db";
import { portfolioDates, vendorsWithStaleSoc2 } from "@/lib/server/services/portfolio-queries";
import { line, ms, timeRuns } from "./stats";

export async function benchPortfolioQueries(now: Date, label: string) {
  const client = db();
  const records = await recordCount();
  const vendors = await client.vendor.count();
  const today = format(now, "yyyy-MM-dd");
  const range = { from: today, to: format(addDays(now, 90), "yyyy-MM-dd") };
  const answers = (await portfolioDates(client, range, DEFAULT_SETTINGS)).length;
  const dates = await timeRuns(30, () => portfolioDates(client, range, DEFAULT_SETTINGS));
  line(`${label}: evidence and deadlines due in the next 90 days (${vendors.toLocaleString("en")} vendors, ${records.toLocaleString("en")} records; ${answers} answers)`, `median ${ms(dates.median)}, p95 ${ms(dates.p95)}`, "< 50 ms median", dates.median < 50);
  const staleCount = (await vendorsWithStaleSoc2(client, today, DEFAULT_SETTINGS)).length;
  const stale = await timeRuns(30, () => vendorsWithStaleSoc2(client, today, DEFAULT_SETTINGS));
  line(`${label}: vendors with SOC 2 stale today (${staleCount.toLocaleString("en")})`, `median ${ms(stale.median)}, p95 ${ms(stale.p95)}`, "< 50 ms median", stale.median < 50);
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
