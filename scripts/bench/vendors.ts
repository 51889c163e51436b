// Benchmark: the vendors list over 10,000 vendors (30 documents each)
// and findingsFor over all of them. Targets: filtered list page < 100 ms
// median on SQLite; findings for 10,000 vendors < 2 s.
import { findingsFor } from "@/lib/domain/findings/dossier-findings";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { db } from "@/lib/server/db";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { listRecordContents } from "@/lib/server/dossier/record-store";
import { listVendors } from "@/lib/server/services/vendors";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { VENDOR_LISTS_INCLUDE, withVendorLists } from "@/lib/server/services/vendor-lists";
import { benchPortfolioQueries } from "./portfolio";
import { seedPortfolio } from "./seed-portfolio";
import { line, ms, timeRuns } from "./stats";

const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);
const DOCS_PER_VENDOR = 30;

export async function benchVendors(now: Date) {
  console.log(`\n## Vendors list and findings (${VENDORS.toLocaleString("en")} vendors, ${DOCS_PER_VENDOR} documents each, SQLite)`);
  const client = db();
  const owner = await client.user.create({
    data: { email: "bench@assay.local", name: "Bench Owner", role: "admin", passwordHash: "x" },
  });
  const t0 = performance.now();
  // Summaries as the app computes them, legal findings included (seed-portfolio.ts).
  const counts = await seedPortfolio({ count: VENDORS, docsPerVendor: DOCS_PER_VENDOR, now, owner });
  line("seeded", `${ms(performance.now() - t0)} (${counts.records.toLocaleString("en")} records, ${counts.documents.toLocaleString("en")} documents)`);
  await benchPortfolioQueries(now, "portfolio query, sqlite");

  const actor = { id: owner.id, email: owner.email, name: owner.name, role: "admin" as const };
  const query = (q: Record<string, string>) => vendorListQuerySchema.parse(q);
  const cases: [string, Record<string, string>][] = [
    ["list: first page (sorted by name)", {}],
    ["list: filtered (tier high, SOC 2 stale)", { tier: "high", soc2: "stale" }],
    ["list: filtered (fintech, has blocker, by findings)", { industry: "fintech", blocker: "yes", sort: "findings", dir: "desc" }],
    ["list: filtered search 'cebu' (substring)", { q: "cebu" }],
    [`list: deep page (page ${Math.ceil((VENDORS / 25) * 0.75)} of ${Math.ceil(VENDORS / 25)})`, { page: String(Math.ceil((VENDORS / 25) * 0.75)) }],
  ];
  for (const [label, q] of cases) {
    const r = await timeRuns(30, () => listVendors({ actor, query: query(q), now }));
    const filtered = label.includes("filtered");
    line(label, `median ${ms(r.median)}, p95 ${ms(r.p95)}`, filtered ? "< 100 ms median" : undefined, r.median < 100);
  }

  // findingsFor over every vendor: load all dossiers, then time only the rules.
  const loadStart = performance.now();
  const vendorRows = (await client.vendor.findMany({ include: { owner: { select: { email: true } }, ...VENDOR_LISTS_INCLUDE } })).map(withVendorLists);
  const catalogue = await client.controlDefinition.findMany();
  const recordRows = [];
  // A page of vendors per query keeps the IN list within every driver's parameter limit.
  for (let i = 0; i < vendorRows.length; i += 500) recordRows.push(...(await listRecordContents(client, vendorRows.slice(i, i + 500).map((v) => v.id))));
  const byVendor = new Map<string, typeof recordRows>();
  for (const r of recordRows) (byVendor.get(r.vendorId) ?? byVendor.set(r.vendorId, []).get(r.vendorId)!).push(r);
  const entries = catalogue.map(({ code, domain, title, description, importance }) => ({ code, domain, title, description, importance })) as Dossier["controlCatalogue"];
  const dossiers = vendorRows.map((v) => assembleDossier({ vendor: v, records: byVendor.get(v.id) ?? [], documents: [], catalogue: entries }));
  const loadMs = performance.now() - loadStart;
  // Per record too: the portfolio's record count changes with the seed (424,712 once, 550,712 with legal records).
  line("load all dossiers from the database", `${ms(loadMs)} (${recordRows.length.toLocaleString("en")} records, ${((loadMs * 1000) / recordRows.length).toFixed(1)} µs a record)`);
  const r = await timeRuns(5, () => {
    for (const d of dossiers) findingsFor(d, DEFAULT_SETTINGS, now);
  }, 1);
  const perSecond = Math.round(dossiers.length / (r.median / 1000));
  line(`findingsFor over ${dossiers.length.toLocaleString("en")} vendors`, `median ${ms(r.median)}, p95 ${ms(r.p95)} (${perSecond.toLocaleString("en")} vendors/s)`, "< 2 s", r.median < 2000);

  // What the vendor list page adds before listing: the outdated-summary check
  // (nothing outdated: every summary was computed at seed time), then how fast
  // outdated summaries are recomputed once a settings save outdates them all.
  const check = await timeRuns(30, () => refreshOutdatedSummaries({ now, budgetMs: 1_000 }));
  line("list page: outdated-summary check (none outdated)", `median ${ms(check.median)}, p95 ${ms(check.p95)}`);
  await client.vendor.updateMany({ data: { findingsAt: new Date(now.getTime() - 2 * 86_400_000) } });
  const refresh = await refreshOutdatedSummaries({ now, budgetMs: 5_000 });
  const perSec = Math.round(refresh.refreshed / 5);
  line("summary refresh after a settings save", `${perSec.toLocaleString("en")} vendors/s (${refresh.refreshed.toLocaleString("en")} in 5 s, ${refresh.pending.toLocaleString("en")} left; the page spends up to 1 s, then goes on after the response)`);
}
