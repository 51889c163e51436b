// Issue 3 benchmark: the vendors list over 10,000 vendors (30 documents each)
// and findingsFor over all of them. Targets: filtered list page < 100 ms
// median on SQLite; findings for 10,000 vendors < 2 s.
import { randomUUID } from "node:crypto";
import { findingsFor } from "@/lib/domain/findings";
import { summariseVendor } from "@/lib/domain/vendor-summary";
import { computeInherentTier } from "@/lib/domain/tier";
import { TIERS } from "@/lib/domain/vocabulary";
import type { Dossier } from "@/lib/schemas/dossier";
import { RECORD_KINDS, RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { db } from "@/lib/server/db";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { listVendors } from "@/lib/server/services/vendors";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";
import { refreshOutdatedSummaries } from "@/lib/server/dossier/refresh-summaries";
import { line, ms, timeRuns } from "./stats";
import Database from "better-sqlite3";
import { sqlitePathFromUrl } from "../db/providers.mjs";

const VENDORS = Number(process.env.BENCH_VENDORS || 10_000);
const DOCS_PER_VENDOR = 30;

// Seeding 700,000 rows through Prisma's createMany takes minutes on SQLite; the
// bench writes them with prepared statements instead (same columns, same
// encoding as Prisma: JSON as text, instants as ISO text). Only the seeding
// bypasses Prisma: every measured query goes through the app's own service.
let sqlite: Database.Database | undefined;
function bulkInsert(vendors: Record<string, unknown>[], records: Record<string, unknown>[], documents: Record<string, unknown>[], now: Date) {
  sqlite ??= new Database(sqlitePathFromUrl(process.env.DATABASE_URL!));
  const db3 = sqlite;
  const ts = now.toISOString().replace("Z", "+00:00");
  const encode = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : Array.isArray(v) || (typeof v === "object" && v !== null) ? JSON.stringify(v) : v);
  const insert = (table: string, rows: Record<string, unknown>[], extra: Record<string, unknown>) => {
    if (rows.length === 0) return;
    const cols = [...Object.keys(rows[0]!), ...Object.keys(extra)];
    const stmt = db3.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
    for (const row of rows) stmt.run(...cols.map((c) => encode(c in row ? row[c] : extra[c]) ?? null));
  };
  db3.transaction(() => {
    insert("Vendor", vendors, { createdAt: ts, updatedAt: ts });
    insert("DossierRecord", records.map((r) => ({ id: randomUUID(), ...r })), { createdAt: ts, updatedAt: ts });
    insert("EvidenceDocument", documents.map((d) => ({ id: randomUUID(), ...d })), { uploadedAt: ts });
  })();
}

export async function benchVendors(now: Date) {
  console.log(`\n## Vendors list and findings (${VENDORS.toLocaleString("en")} vendors, ${DOCS_PER_VENDOR} documents each, SQLite)`);
  const client = db();
  await client.orgSettings.create({ data: { id: 1, settings: DEFAULT_SETTINGS } });
  await client.$transaction((tx) => ensureControlCatalogue(tx));
  const owner = await client.user.create({
    data: { email: "bench@assay.local", name: "Bench Owner", role: "admin", passwordHash: "x" },
  });

  const templates = demoDossiers(now);
  const t0 = performance.now();
  const BATCH = 250;
  for (let start = 0; start < VENDORS; start += BATCH) {
    const vendors = [];
    const records = [];
    const documents = [];
    for (let i = start; i < Math.min(VENDORS, start + BATCH); i++) {
      const template = templates[i % templates.length]!;
      const id = randomUUID();
      const name = `${template.profile.name} ${String(i).padStart(5, "0")}`;
      const dossier: Dossier = { ...template, profile: { ...template.profile, id, name } };
      const computed = computeInherentTier(dossier.profile).tier;
      const summary = summariseVendor(dossier, findingsFor(dossier, DEFAULT_SETTINGS, now), DEFAULT_SETTINGS, now);
      vendors.push({
        id,
        name,
        searchName: name.toLowerCase(),
        legalName: template.profile.legalName,
        website: template.profile.website ?? null,
        country: template.profile.country,
        services: template.profile.services,
        industries: template.profile.industries,
        industryTags: `|${template.profile.industries.join("|")}|`,
        dataCategories: template.profile.dataCategories,
        accessLevel: template.profile.accessLevel,
        computedTier: computed,
        tier: computed,
        tierRank: TIERS.indexOf(computed),
        status: template.profile.status,
        ownerId: owner.id,
        ...summary,
        findingsAt: now,
      });
      for (const kind of RECORD_KIND_KEYS) {
        for (const { id: _old, ...data } of template[RECORD_KINDS[kind].dossierKey] as { id: string }[]) {
          records.push({ vendorId: id, kind, data });
        }
      }
      for (let d = 0; d < DOCS_PER_VENDOR; d++) {
        const source = template.documents[d % Math.max(1, template.documents.length)];
        documents.push({
          vendorId: id,
          kind: source?.kind ?? "other",
          fileKind: "txt",
          sha256: (source?.sha256 ?? "0".repeat(64)).slice(0, 60) + String(d).padStart(4, "0"),
          sizeBytes: source?.sizeBytes ?? 1000,
          mimeType: "text/plain; charset=utf-8",
          fileName: `${d}-${source?.fileName ?? "document.txt"}`,
          uploadedById: owner.id,
          effectiveDate: source?.effectiveDate ?? "2026-01-01",
        });
      }
    }
    bulkInsert(vendors, records, documents, now);
  }
  sqlite?.close();
  const counts = { records: await client.dossierRecord.count(), documents: await client.evidenceDocument.count() };
  line("seeded", `${ms(performance.now() - t0)} (${counts.records.toLocaleString("en")} records, ${counts.documents.toLocaleString("en")} documents)`);

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
  const [vendorRows, recordRows, catalogue] = await Promise.all([
    client.vendor.findMany({ include: { owner: { select: { email: true } } } }),
    client.dossierRecord.findMany({ select: { id: true, vendorId: true, kind: true, data: true } }),
    client.controlDefinition.findMany(),
  ]);
  const byVendor = new Map<string, typeof recordRows>();
  for (const r of recordRows) (byVendor.get(r.vendorId) ?? byVendor.set(r.vendorId, []).get(r.vendorId)!).push(r);
  const entries = catalogue.map(({ code, domain, title, description, importance }) => ({ code, domain, title, description, importance })) as Dossier["controlCatalogue"];
  const dossiers = vendorRows.map((v) => assembleDossier({ vendor: v, records: byVendor.get(v.id) ?? [], documents: [], catalogue: entries }));
  line("load all dossiers from the database", ms(performance.now() - loadStart));
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
