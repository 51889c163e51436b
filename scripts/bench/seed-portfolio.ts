// A 10,000-vendor portfolio for the benchmarks, written fast (raw SQL
// batches, not one Prisma call per row) and summarised exactly as the app
// would: each vendor's summary is computed from the dossier assembled out of
// the very rows written (dossier and legal records, documents), so filters
// such as "fintech + has blocker" match what a recompute in the app finds.
// (An earlier seed summarised the template without its legal records, and
// matched 692 vendors where the app found 2,417.)
import { randomUUID } from "node:crypto";
import { computeInherentTier } from "@/lib/domain/vendors/tier";
import { summariseVendor } from "@/lib/domain/vendors/vendor-summary";
import { TIERS, type Tier } from "@/lib/domain/vocabulary";
import type { Dossier } from "@/lib/schemas/dossier";
import { LEGAL_RECORD_KINDS, LEGAL_RECORD_KIND_KEYS, RECORD_KINDS, RECORD_KIND_KEYS, type AnyRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { db } from "@/lib/server/db";
import { assembleDossier } from "@/lib/server/dossier/assemble-dossier";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { legalFindingsOf, loadCatalogue } from "@/lib/server/dossier/load-dossier";
import { vendorFindingRows } from "@/lib/server/services/vendor-summaries";
import { KINDS_IN_WRITE_ORDER, RECORD_TABLES, joinListItems, toColumns } from "@/lib/server/dossier/record-tables";
import { demoDossiers } from "@/prisma/seed/demo-dossiers";
import { rowWriter } from "../db/row-writer";

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
      const recordRows: Partial<Record<AnyRecordKindKey, Row[]>> = {};
      const joinRows: Row[] = [];
      const listRows: Record<"VendorService" | "VendorIndustry" | "VendorDataCategory", Row[]> = { VendorService: [], VendorIndustry: [], VendorDataCategory: [] };
      const documentRows: Row[] = [];
      const findingRows: Row[] = [];
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
        // Records get their own ids too, so evidence, covered sites and cited contracts point inside this vendor.
        const newIds = docIds;
        const templateRecords: { kind: AnyRecordKindKey; oldId?: string; data: Record<string, unknown> }[] = [];
        for (const kind of RECORD_KIND_KEYS) {
          for (const { id: oldId, ...data } of template[RECORD_KINDS[kind].dossierKey] as { id: string }[]) templateRecords.push({ kind, oldId, data });
        }
        for (const kind of LEGAL_RECORD_KIND_KEYS) {
          const value = template.legal[LEGAL_RECORD_KINDS[kind].legalKey] as unknown;
          for (const item of Array.isArray(value) ? value : value ? [value] : []) {
            const { id: oldId, ...data } = item as { id?: string };
            templateRecords.push({ kind, oldId, data });
          }
        }
        for (const r of templateRecords) if (r.oldId) newIds.set(r.oldId, randomUUID());
        const relink = (data: unknown) => JSON.parse(JSON.stringify(data).replace(/"([^"\\]+)"/g, (m, s: string) => (newIds.has(s) ? JSON.stringify(newIds.get(s)) : m)));
        const recs = templateRecords.map((r) => ({ id: (r.oldId && newIds.get(r.oldId)) || randomUUID(), vendorId: id, kind: r.kind, data: relink(r.data) as Record<string, unknown> }));
        // The summary as refreshVendorSummary computes it, from these rows.
        const dossier: Dossier = assembleDossier({
          vendor: { ...vendor, tierOverrideReason: null, owner: { email: owner.email } },
          records: recs,
          documents: docs.map((d) => ({ ...(d as never as { id: string; kind: string; fileName: string; sha256: string; sizeBytes: number; mimeType: string; effectiveDate: string }), title: (d.title as string | null) ?? null, uploadedAt: now, uploadedBy: owner.email })),
          catalogue,
        });
        const findings = vendorFindingsFor(dossier, DEFAULT_SETTINGS, now);
        const summary = summariseVendor(dossier, findings, DEFAULT_SETTINGS, now);
        const legalBlockerCount = legalFindingsOf(dossier, DEFAULT_SETTINGS, tier as Tier, now).filter((f) => f.severity === "blocker").length;
        // Stamped after the settings row was written, as the app stamps a summary it has just computed:
        // `now` can precede that write, and an older stamp would make every summary look outdated,
        // so the first page loads would measure a full background refresh instead of the page.
        const { services, industries, dataCategories, ...columns } = vendor;
        listRows.VendorService.push(...services.map((service, position) => ({ vendorId: id, service, position })));
        listRows.VendorIndustry.push(...industries.map((industry, position) => ({ vendorId: id, industry, position })));
        listRows.VendorDataCategory.push(...dataCategories.map((category, position) => ({ vendorId: id, category, position })));
        const findingsAt = new Date();
        vendorRows.push({ ...columns, ...summary, legalBlockerCount, findingsAt, createdAt: now, updatedAt: now });
        // The stored open findings, as the summary refresh writes them next to the counts.
        findingRows.push(...vendorFindingRows(id, findings, dossier.controlCatalogue, findingsAt).map((row) => ({ id: randomUUID(), ...row })));
        for (const r of recs) {
          const table = RECORD_TABLES[r.kind];
          (recordRows[r.kind] ??= []).push({ id: r.id, vendorId: id, ...toColumns(table, r.data), createdAt: now, updatedAt: now });
          joinRows.push(...joinListItems(table, r.data).map((siteId, position) => ({ certificateId: r.id, siteId, position })));
        }
        documentRows.push(...docs);
      }
      await writer.insert("Vendor", vendorRows);
      for (const [table, rows] of Object.entries(listRows)) await writer.insert(table, rows);
      await writer.insert("EvidenceDocument", documentRows);
      await writer.insert("VendorFinding", findingRows);
      for (const kind of KINDS_IN_WRITE_ORDER) {
        const model = RECORD_TABLES[kind].model;
        await writer.insert(model.charAt(0).toUpperCase() + model.slice(1), recordRows[kind] ?? []);
        records += recordRows[kind]?.length ?? 0;
      }
      await writer.insert("IsoCertificateSite", joinRows);
      documents += documentRows.length;
    }
  } finally {
    await writer.close();
  }
  return { owner, vendorIds, records, documents };
}
