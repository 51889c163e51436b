import { OPEN_REMEDIATION_STATUSES, type RemediationLike } from "@/lib/domain/assessments/remediation";
import type { AcceptedFinding, RiskAcceptanceLike } from "@/lib/domain/assessments/risk-acceptance";
import type { Finding } from "@/lib/domain/findings/finding";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { legalFindingsFor } from "@/lib/domain/legal/legal-findings";
import type { Tier } from "@/lib/domain/vocabulary";
import type { Dossier } from "@/lib/schemas/dossier";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Settings } from "@/lib/schemas/settings";
import { SYSTEM_ACTOR } from "../actor";
import { db, type Tx } from "../db";
import { assembleDossier } from "./assemble-dossier";
import { AT_ONCE, listRecordContents, listRecords, type RecordContent } from "./record-store";
import { VENDOR_LISTS_INCLUDE, withVendorLists } from "../services/vendor-lists";

export async function loadCatalogue(client: Tx = db()): Promise<ControlCatalogueEntry[]> {
  const rows = await client.controlDefinition.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }] });
  return rows.map(({ code, domain, title, description, importance, source }) => ({
    code,
    domain,
    title,
    description,
    importance,
    ...(source ? { source } : {}),
  })) as ControlCatalogueEntry[];
}

/** The vendor's dossier as the domain layer sees it, plus each record's version for editing. */
export async function loadDossier(client: Tx, vendorId: string, catalogue?: ControlCatalogueEntry[]) {
  return (await loadDossiers(client, [vendorId], catalogue)).get(vendorId) ?? null;
}

export type LoadedDossier = NonNullable<Awaited<ReturnType<typeof loadDossier>>>;

/**
 * The dossiers of several vendors with one query per table, not per vendor
 * (the summary refresh walks the portfolio a page at a time). Vendors that do
 * not exist are absent from the map.
 */
export function loadDossiers(client: Tx, vendorIds: readonly string[], catalogue?: ControlCatalogueEntry[], pause?: () => Promise<void>) {
  return assembleDossiers(client, vendorIds, catalogue, (ids) => listRecords(client, ids, undefined, pause));
}

/**
 * loadDossiers without each record's bookkeeping (who changed it and when),
 * which no dossier reads: for loads over many vendors (the summary refresh).
 */
export function loadDossierContents(client: Tx, vendorIds: readonly string[], catalogue?: ControlCatalogueEntry[], pause?: () => Promise<void>) {
  return assembleDossiers(client, vendorIds, catalogue, (ids) => listRecordContents(client, ids, undefined, pause));
}

/**
 * loadDossier on the client itself, never a transaction: every read at once
 * (record-store.ts AT_ONCE). For pages that only compare the live dossier
 * with a snapshot (the assessment page's freshness notice).
 */
export async function loadDossierAtOnce(client: Tx, vendorId: string) {
  return (await assembleDossiers(client, [vendorId], undefined, (ids) => listRecords(client, ids, undefined, AT_ONCE), true)).get(vendorId) ?? null;
}

async function assembleDossiers<R extends RecordContent>(client: Tx, vendorIds: readonly string[], catalogue: ControlCatalogueEntry[] | undefined, listOf: (vendorIds: string[]) => Promise<R[]>, atOnce = false) {
  const ids = [...new Set(vendorIds)];
  const readVendors = async () =>
    (await client.vendor.findMany({ where: { id: { in: ids } }, include: { owner: { select: { id: true, name: true, email: true } }, ...VENDOR_LISTS_INCLUDE } })).map(withVendorLists);
  const readDocuments = (of: string[]) => (of.length === 0 ? [] : client.evidenceDocument.findMany({ where: { vendorId: { in: of } }, orderBy: [{ uploadedAt: "asc" }, { id: "asc" }] }));
  const readCatalogue = async () => catalogue ?? (await loadCatalogue(client));
  let vendors: Awaited<ReturnType<typeof readVendors>>, records: R[], documents: Awaited<ReturnType<typeof readDocuments>>, entries: ControlCatalogueEntry[];
  if (atOnce) {
    // Records and documents of a vendor that does not exist are none: no need to wait for the vendor row.
    [vendors, records, documents, entries] = await Promise.all([readVendors(), listOf(ids), readDocuments(ids), readCatalogue()]);
  } else {
    // Sequential on purpose: `client` is often a transaction, where one connection
    // runs one query at a time (pg warns about concurrent queries on it).
    vendors = await readVendors();
    records = vendors.length === 0 ? [] : await listOf(vendors.map((v) => v.id));
    documents = await readDocuments(vendors.map((v) => v.id));
    entries = await readCatalogue();
  }
  const uploaders = await client.user.findMany({
    where: { id: { in: [...new Set(documents.map((d) => d.uploadedById))] } },
    select: { id: true, email: true },
  });
  const emailOf = new Map(uploaders.map((u) => [u.id, u.email]));
  const recordsOf = groupBy(records, (r) => r.vendorId);
  const documentsOf = groupBy(documents, (d) => d.vendorId);
  const out = new Map<string, { vendor: (typeof vendors)[number]; dossier: Dossier; records: typeof records; documents: typeof documents }>();
  for (const vendor of vendors) {
    const own = { records: recordsOf.get(vendor.id) ?? [], documents: documentsOf.get(vendor.id) ?? [] };
    const dossier = assembleDossier({
      vendor,
      records: own.records,
      // Imports and seeds upload as the system user, which has no user row.
      documents: own.documents.map((d) => ({ ...d, uploadedBy: emailOf.get(d.uploadedById) ?? (d.uploadedById === SYSTEM_ACTOR.id ? SYSTEM_ACTOR.email : "unknown") })),
      catalogue: entries,
    });
    out.set(vendor.id, { vendor, dossier, ...own });
  }
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) (out.get(key(item)) ?? out.set(key(item), []).get(key(item))!).push(item);
  return out;
}

/** The vendor's remediation items still open (the input of remediation.overdue). */
export async function loadOpenRemediation(client: Tx, vendorId: string): Promise<RemediationLike[]> {
  return (await loadOpenRemediationOf(client, [vendorId])).get(vendorId) ?? [];
}

/** Open remediation items of several vendors, soonest due first, by vendor. */
export async function loadOpenRemediationOf(client: Tx, vendorIds: readonly string[]): Promise<Map<string, RemediationLike[]>> {
  const rows = await client.remediationItem.findMany({
    where: { vendorId: { in: [...vendorIds] }, status: { in: [...OPEN_REMEDIATION_STATUSES] } },
    select: { id: true, vendorId: true, title: true, status: true, dueDate: true, findingCode: true },
    orderBy: [{ dueDate: "asc" }, { id: "asc" }],
  });
  return groupBy(rows, (r) => r.vendorId);
}

type RiskAcceptanceRow = Awaited<ReturnType<Tx["riskAcceptance"]["findFirstOrThrow"]>>;

async function namesById(client: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const users = await client.user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

async function asLike(client: Tx, rows: readonly RiskAcceptanceRow[]): Promise<RiskAcceptanceLike[]> {
  const names = await namesById(client, rows.map((r) => r.acceptedById));
  return rows.map((r) => ({
    id: r.id,
    acceptedByName: names.get(r.acceptedById) ?? "Unknown user",
    reason: r.reason,
    findings: r.findings as unknown as AcceptedFinding[],
    expiresOn: r.expiresOn,
    createdAt: r.createdAt,
  }));
}

/** The risk acceptances recorded on one assessment, oldest first. */
export async function loadAssessmentRiskAcceptances(client: Tx, assessmentId: string): Promise<RiskAcceptanceLike[]> {
  return asLike(client, await client.riskAcceptance.findMany({ where: { assessmentId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }));
}

/** The vendor's newest risk acceptance, as a list of at most one (the input of risk_acceptance.expired). */
export async function loadLatestRiskAcceptance(client: Tx, vendorId: string): Promise<RiskAcceptanceLike[]> {
  return (await loadLatestRiskAcceptanceOf(client, [vendorId])).get(vendorId) ?? [];
}

/** Each vendor's newest risk acceptance (a list of at most one), by vendor. */
export async function loadLatestRiskAcceptanceOf(client: Tx, vendorIds: readonly string[]): Promise<Map<string, RiskAcceptanceLike[]>> {
  const rows = await client.riskAcceptance.findMany({ where: { vendorId: { in: [...vendorIds] } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  const newest = [...groupBy(rows, (r) => r.vendorId).values()].map((own) => own[0]!);
  const like = await asLike(client, newest);
  return new Map(newest.map((row, i) => [row.vendorId, [like[i]!]]));
}

/** The legal findings the legal queue judges a vendor by (its own tier, as on the Legal tab). */
export function legalFindingsOf(dossier: Dossier, settings: Settings, tier: Tier, now: Date): Finding[] {
  return legalFindingsFor(dossier.legal, legalContextFor(dossier, settings, tier), settings, now);
}
