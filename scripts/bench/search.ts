// Benchmark: global search (lib/server/services/search.ts) over 10,000
// vendors with their contracts, evidence documents and remediation items, on
// SQLite (FTS5) and on a throwaway PostgreSQL cluster (GIN tsvector indexes).
// Target: under 100 ms median per search, every group the admin reads
// included. Vendors get realistic names (brand + line of business + legal
// form), so prefixes match the way they do in a real portfolio: "co" hits
// thousands of "Contact", "Consulting", "Commerce" names, a brand hits a few.
import { withPostgresDatabase } from "./postgres-database";
import fs from "node:fs";
import path from "node:path";
import { db, disconnectDb } from "@/lib/server/db";
import { searchRecords } from "@/lib/server/services/search";
import { migrateDatabase } from "../db/migrations.mjs";
import { rowWriter } from "../db/row-writer";
import { line, ms, timeRuns } from "./stats";

const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);
const DOCS_PER_VENDOR = 10;
const CONTRACTS_PER_VENDOR = 2;

/** A small deterministic generator, so every run searches the same portfolio. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SYLLABLES = ["ka", "lo", "ri", "ven", "tor", "mi", "sa", "nor", "del", "ta", "qua", "bel", "zen", "ar", "co", "lu", "pe", "ma", "vis", "tel", "ra", "no", "gra", "fi"];
const LINES = ["Contact Solutions", "Customer Care", "Outsourcing", "BPO Services", "Global Services", "Consulting", "Commerce Support", "Back Office", "CX Partners", "Helpdesk", "Collections", "Data Services"];
const FORMS = ["Pvt Ltd", "Inc.", "Ltd", "S.A.", "GmbH", "LLC", "Sp. z o.o.", "S.A.S.", "Corporation", "Pte. Ltd."];
const CITIES = ["Manila", "Cebu", "Pune", "Bogotá", "Kraków", "Nairobi", "Lisbon", "Cairo", "Monterrey", "Penang", "Kyiv", "Lagos"];
const DOCS = [
  ["SOC 2 Type II report", "soc2-type2-report"],
  ["ISO 27001 certificate", "iso27001-certificate"],
  ["Penetration test summary", "pentest-summary"],
  ["Information security policy", "infosec-policy"],
  ["Incident response plan", "ir-plan"],
  ["Business continuity plan", "bcp"],
  ["Cyber insurance certificate", "cyber-insurance"],
  ["Bridge letter", "bridge-letter"],
  ["Quarterly review minutes", "qbr-minutes"],
  ["Subprocessor list", "subprocessors"],
] as const;
const CONTRACTS = ["Master services agreement", "Data processing agreement", "Statement of work, chat support", "Statement of work, collections", "Amendment, incident notification"];
const REMEDIATIONS = [
  ["Enforce MFA on agent desktops", "Remote agents sign in without MFA"],
  ["Renew the SOC 2 report", "SOC 2 report is stale"],
  ["Close critical pen-test findings", "Open critical findings in the last penetration test"],
  ["Test the incident response plan", "Incident response plan never tested"],
  ["Raise cyber cover", "Cyber insurance below the required limit"],
] as const;

function brand(next: () => number): string {
  const parts = 2 + Math.floor(next() * 2);
  const word = Array.from({ length: parts }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]).join("");
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Writes the portfolio into the migrated, empty database at `url`; returns a brand that names exactly one vendor. */
async function seedSearchPortfolio(url: string): Promise<{ rareBrand: string }> {
  const next = random(20261206);
  const writer = await rowWriter(url);
  const now = new Date();
  const brandCount = new Map<string, number>();
  try {
    await writer.insert("User", [{ id: "bench-search", email: "bench-search@assay.local", name: "Bench", role: "admin", passwordHash: "x", createdAt: now, updatedAt: now }]);
    const BATCH = 500;
    for (let start = 0; start < VENDORS; start += BATCH) {
      const vendors = [];
      const docs = [];
      const contracts = [];
      const items = [];
      for (let i = start; i < Math.min(VENDORS, start + BATCH); i++) {
        const b = brand(next);
        brandCount.set(b, (brandCount.get(b) ?? 0) + 1);
        const lineOfBusiness = LINES[Math.floor(next() * LINES.length)];
        const name = next() < 0.3 ? `${b} ${lineOfBusiness} ${CITIES[Math.floor(next() * CITIES.length)]}` : `${b} ${lineOfBusiness}`;
        const id = `bench-v${i}`;
        vendors.push({ id, name, searchName: name.toLowerCase(), legalName: `${b} ${lineOfBusiness} ${FORMS[Math.floor(next() * FORMS.length)]}`, country: "PH", tier: "moderate", tierRank: 2, createdAt: now, updatedAt: now });
        for (let d = 0; d < DOCS_PER_VENDOR; d++) {
          const [title, file] = DOCS[d % DOCS.length]!;
          const year = 2022 + Math.floor(next() * 4);
          docs.push({ id: `${id}-d${d}`, vendorId: id, kind: "other", title: next() < 0.8 ? `${title} ${year}` : null, fileName: `${b.toLowerCase()}_${file}_${year}.pdf`, fileKind: "pdf", sha256: "0".repeat(64), sizeBytes: 1, mimeType: "application/pdf", uploadedById: "bench-search", uploadedAt: now, effectiveDate: `${year}-06-30` });
        }
        for (let c = 0; c < CONTRACTS_PER_VENDOR; c++) {
          contracts.push({ id: `${id}-c${c}`, vendorId: id, type: c === 0 ? "msa" : "dpa", title: `${CONTRACTS[Math.floor(next() * CONTRACTS.length)]} with ${b}`, status: "signed", renewal: "auto", createdAt: now, updatedAt: now });
        }
        const [title, message] = REMEDIATIONS[Math.floor(next() * REMEDIATIONS.length)]!;
        items.push({ id: `${id}-r`, vendorId: id, title, findingMessage: message, dueDate: "2026-12-31", createdAt: now, updatedAt: now });
      }
      await writer.insert("Vendor", vendors);
      await writer.insert("EvidenceDocument", docs);
      await writer.insert("Contract", contracts);
      await writer.insert("RemediationItem", items);
    }
  } finally {
    await writer.close();
  }
  const rareBrand = [...brandCount].find(([b, n]) => n === 1 && b.length >= 7)?.[0] ?? "Kalori";
  return { rareBrand };
}

async function measure(provider: string, rareBrand: string) {
  const actor = { id: "bench-search", email: "bench-search@assay.local", name: "Bench", role: "admin" as const };
  const cases: [string, { q: string; kind?: string }][] = [
    ["common prefix 'co'", { q: "co" }],
    ["common word 'report'", { q: "report" }],
    ["two prefixes 'soc2 rep'", { q: "soc2 rep" }],
    [`rare brand '${rareBrand.toLowerCase()}'`, { q: rareBrand.toLowerCase() }],
    ["no hit 'zzqxv'", { q: "zzqxv" }],
    ["one kind, 50 a page: evidence 'report'", { q: "report", kind: "evidence" }],
  ];
  for (const [label, input] of cases) {
    const found = await searchRecords({ actor, input });
    const counts = found.groups.map((g) => `${g.total}${g.capped ? "+" : ""}`).join("/");
    const r = await timeRuns(30, () => searchRecords({ actor, input }));
    line(`${provider}: ${label} (${counts})`, `median ${ms(r.median)}, p95 ${ms(r.p95)}`, "< 100 ms median", r.median < 100);
  }
}

async function onDatabase(url: string, provider: string) {
  const previous = process.env.DATABASE_URL;
  await disconnectDb();
  process.env.DATABASE_URL = url;
  try {
    await migrateDatabase(url);
    const t0 = performance.now();
    const { rareBrand } = await seedSearchPortfolio(url);
    // What autovacuum does shortly after a bulk load: statistics for the
    // planner, and the GIN indexes' pending lists merged into the index
    // (until then every search also scans the list of recent inserts).
    if (provider === "postgresql") await db().$executeRawUnsafe("VACUUM ANALYZE");
    else await db().$executeRawUnsafe("ANALYZE");
    const vendors = await db().vendor.count();
    const documents = await db().evidenceDocument.count();
    line(`${provider}: seeded`, `${ms(performance.now() - t0)} (${vendors.toLocaleString("en")} vendors, ${documents.toLocaleString("en")} documents)`);
    await measure(provider, rareBrand);
  } finally {
    await disconnectDb();
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}

/** `npm run bench search`: both providers, each on a database of its own. */
export async function benchSearch() {
  console.log(`\n## Global search (${VENDORS.toLocaleString("en")} vendors, ${DOCS_PER_VENDOR} documents, ${CONTRACTS_PER_VENDOR} contracts and a remediation item each; groups: vendors/contracts/evidence/remediation)`);
  const dir = process.env.ASSAY_DATA_DIR!;
  const file = path.join(dir, "search.db");
  fs.writeFileSync(file, "");
  await onDatabase(`file:${file}`, "sqlite");

  const ran = await withPostgresDatabase("assay_bench_search", (url) => onDatabase(url, "postgresql"));
  if ("skipped" in ran) console.log(`  postgresql: skipped (${ran.skipped})`);
}
