// A 10,000-vendor portfolio for the benchmarks, written fast (raw SQL
// batches, not one Prisma call per row) and summarised exactly as the app
// would: each vendor's summary is computed from the dossier assembled out of
// the very rows written (dossier and legal records, documents), so filters
// such as "fintech + has blocker" match what a recompute in the app finds.
// (An earlier seed summarised the template without its legal records, and
// matched 692 vendors where the app found 2,417.)
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import pg from "pg";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { summariseVendor } from "@/lib/domain/vendors/vendor-summary";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Dossier } from "@/lib/schemas/dossier";
import { LEGAL_RECORD_KINDS, LEGAL_RECORD_KIND_KEYS, RECORD_KINDS, RECORD_KIND_KEYS } from "@/lib/schemas/dossier-record-kinds";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { databaseProvider, db } from "@/lib/server/db";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { computeFindings, legalFindingsOf, loadCatalogue } from "@/lib/server/dossier/load-dossier";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";
import { sqlitePathFromUrl } from "../db/providers.mjs";

type Row = Record<string, unknown>;

export interface SeededPortfolio {
  owner: { id: string; email: string; name: string };
  vendorIds: string[];
  records: number;
  documents: number;
}

/** Writes `count` vendors cloned from the demo dossiers, `docsPerVendor` documents each, into the (migrated, empty) database at DATABASE_URL. */
export async function seedPortfolio({ count, docsPerVendor, now, owner }: { count: number; docsPerVendor: number; now: Date; owner: { id: string; email: string; name: string } }): Promise<SeededPortfolio> {
  const client = db();
  await client.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: DEFAULT_SETTINGS }, update: {} });
  await client.$transaction((tx) => ensureControlCatalogue(tx));
  const catalogue = await loadCatalogue(client);
  const writer = await rowWriter(process.env.DATABASE_URL!);
  const templates = demoDossiers(now);
  const vendorIds: string[] = [];
  let records = 0;
  let documents = 0;
  const BATCH = 250;
  try {
    for (let start = 0; start < count; start += BATCH) {
      const vendorRows: Row[] = [];
      const recordRows: Row[] = [];
      const documentRows: Row[] = [];
      for (let i = start; i < Math.min(count, start + BATCH); i++) {
        const template = templates[i % templates.length]!;
        const id = randomUUID();
        vendorIds.push(id);
        const name = `${template.profile.name} ${String(i).padStart(5, "0")}`;
        const tier = computeInherentTier(template.profile).tier;
        const vendor = {
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
          computedTier: tier,
          tier,
          tierRank: TIERS.indexOf(tier),
          status: template.profile.status,
          ownerId: owner.id,
        };
        // Documents first: records cite them by id, and each vendor gets its own ids.
        const docIds = new Map<string, string>();
        const docs: Row[] = [];
        for (let d = 0; d < docsPerVendor; d++) {
          const source = template.documents[d % Math.max(1, template.documents.length)];
          const docId = randomUUID();
          if (source && d < template.documents.length) docIds.set(source.id, docId);
          docs.push({
            id: docId,
            vendorId: id,
            kind: source?.kind ?? "other",
            title: source?.title ?? null,
            fileKind: "txt",
            sha256: (source?.sha256 ?? "0".repeat(64)).slice(0, 60) + String(d).padStart(4, "0"),
            sizeBytes: source?.sizeBytes ?? 1000,
            mimeType: "text/plain; charset=utf-8",
            fileName: `${d}-${source?.fileName ?? "document.txt"}`,
            uploadedById: owner.id,
            effectiveDate: source?.effectiveDate ?? "2026-01-01",
            uploadedAt: now,
          });
        }
        const relink = (data: unknown) => JSON.parse(JSON.stringify(data).replace(/"([^"\\]+)"/g, (m, s: string) => (docIds.has(s) ? JSON.stringify(docIds.get(s)) : m)));
        const recs: { id: string; vendorId: string; kind: string; data: unknown }[] = [];
        for (const kind of RECORD_KIND_KEYS) {
          for (const { id: _old, ...data } of template[RECORD_KINDS[kind].dossierKey] as { id: string }[]) recs.push({ id: randomUUID(), vendorId: id, kind, data: relink(data) });
        }
        for (const kind of LEGAL_RECORD_KIND_KEYS) {
          const value = template.legal[LEGAL_RECORD_KINDS[kind].legalKey] as unknown;
          for (const item of Array.isArray(value) ? value : value ? [value] : []) {
            const { id: _old, ...data } = item as { id?: string };
            recs.push({ id: randomUUID(), vendorId: id, kind, data: relink(data) });
          }
        }
        // The summary as refreshVendorSummary computes it, from these rows.
        const dossier: Dossier = assembleDossier({
          vendor: { ...vendor, tierOverrideReason: null, owner: { email: owner.email } },
          records: recs,
          documents: docs.map((d) => ({ ...(d as never as { id: string; kind: string; fileName: string; sha256: string; sizeBytes: number; mimeType: string; effectiveDate: string }), title: (d.title as string | null) ?? null, uploadedAt: now, uploadedBy: owner.email })),
          catalogue,
        });
        const summary = summariseVendor(dossier, computeFindings(dossier, DEFAULT_SETTINGS, now), DEFAULT_SETTINGS, now);
        const legalBlockerCount = legalFindingsOf(dossier, DEFAULT_SETTINGS, tier as Tier, now).filter((f) => f.severity === "blocker").length;
        vendorRows.push({ ...vendor, ...summary, legalBlockerCount, findingsAt: now, createdAt: now, updatedAt: now });
        recordRows.push(...recs.map((r) => ({ ...r, createdAt: now, updatedAt: now })));
        documentRows.push(...docs);
      }
      await writer.insert("Vendor", vendorRows);
      await writer.insert("DossierRecord", recordRows);
      await writer.insert("EvidenceDocument", documentRows);
      records += recordRows.length;
      documents += documentRows.length;
    }
  } finally {
    await writer.close();
  }
  return { owner, vendorIds, records, documents };
}

interface RowWriter {
  insert(table: string, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

/** Same encoding as Prisma's adapters: on SQLite JSON as text and instants as ISO text; on PostgreSQL jsonb and timestamps. */
async function rowWriter(url: string): Promise<RowWriter> {
  if (databaseProvider(url) === "sqlite") {
    const sqlite = new Database(sqlitePathFromUrl(url));
    const encode = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "object" && v !== null ? JSON.stringify(v) : typeof v === "boolean" ? Number(v) : v);
    return {
      async insert(table, rows) {
        if (rows.length === 0) return;
        const cols = Object.keys(rows[0]!);
        const stmt = sqlite.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
        sqlite.transaction(() => {
          for (const row of rows) stmt.run(...cols.map((c) => encode(row[c]) ?? null));
        })();
      },
      async close() {
        sqlite.close();
      },
    };
  }
  const pgClient = new pg.Client({ connectionString: url });
  await pgClient.connect();
  const encode = (v: unknown) => (v instanceof Date || v === null || typeof v !== "object" ? v : JSON.stringify(v));
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0]!);
      const perStatement = Math.floor(60_000 / cols.length); // PostgreSQL allows 65,535 parameters
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const values = chunk.map((_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(",")})`).join(",");
        await pgClient.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES ${values}`, chunk.flatMap((row) => cols.map((c) => encode(row[c]) ?? null)));
      }
    },
    async close() {
      await pgClient.end();
    },
  };
}
