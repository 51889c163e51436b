import { createHash, randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { recordKindSpec } from "@/lib/schemas/dossier-record-kinds";
import type { AuditRecordFields } from "@/lib/schemas/audit-actions";
import {
  IMPORT_KINDS,
  IMPORT_RECORD_KIND,
  importKindSchema,
  importPreviewQuerySchema,
  type ImportKind,
} from "@/lib/schemas/spreadsheet-import";
import type { VendorFields } from "@/lib/schemas/vendor";
import type { Actor } from "../actor";
import { recordAudit, recordAudits, type AuditInput } from "../audit";
import { bulkInsert } from "../bulk-insert";
import { requirePermission } from "../authorize";
import { can } from "../permissions";
import { databaseProvider, databaseUrl, db, type Tx } from "../db";
import { createRecords } from "../dossier/record-store";
import { loadCatalogue } from "../dossier/load-dossier";
import { AppError, forbidden, notFound } from "../errors";
import { mapRows, type MappedRow, type RowError } from "../imports/map-rows";
import { readSpreadsheet } from "../imports/read-spreadsheet";
import { loadSettings } from "./settings";
import { computeVendorSummaries } from "./vendor-summaries";
import { auditView, profileColumns } from "./vendors";
import { VENDOR_LISTS_INCLUDE, writeVendorListsMany } from "./vendor-lists";

// Spreadsheet import (docs/import-export.md): upload → preview → commit.
// The preview reads the file, validates every row with the form's schema,
// decides create or update per row and stores the validated rows; the commit
// writes exactly those rows in one transaction, all or nothing, with one
// audit event per record, refusing if a vendor changed since the preview.

/** Rows stored per query of the preview. */
const PAGE = 200;

/**
 * Rows written per step of the commit. The commit yields to the event loop
 * after each half step. On SQLite, which runs every statement synchronously
 * on the event loop, 100 rows held it for at most 0.3 s (measured at load 14
 * on 2 cores; 0.6 s with 200); on PostgreSQL the loop is free while a
 * statement runs, and larger steps save round trips.
 */
function commitPage(): number {
  return databaseProvider(databaseUrl()) === "postgresql" ? 500 : 100;
}
/** Values per `IN (…)` list: under SQLite's 999 bound parameters. */
const LOOKUP_CHUNK = 500;
/** A 10,000-row commit runs well past the default transaction timeout (README.md, ASSAY_DB_TX_TIMEOUT_MS). */
const COMMIT_TIMEOUT_MS = 10 * 60_000;

/** Who may import what: vendors need procurement's create and update; records need their kind's permission (as in import-dossier.ts). */
export function requireImportPermission(actor: Actor, kind: ImportKind) {
  if (kind === "vendors") {
    requirePermission(actor, "vendor.create");
    requirePermission(actor, "vendor.update");
  } else {
    requirePermission(actor, recordKindSpec(IMPORT_RECORD_KIND[kind]).permission);
  }
}

/** Whether the role may import this type (no denial recorded: for choosing what to offer). */
export function canImport(user: Pick<Actor, "role">, kind: ImportKind): boolean {
  return kind === "vendors" ? can(user.role, "vendor.create") && can(user.role, "vendor.update") : can(user.role, recordKindSpec(IMPORT_RECORD_KIND[kind]).permission);
}

function chunks<T>(items: readonly T[], size = LOOKUP_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

interface PreviewRow {
  rowNumber: number;
  action: "create" | "update" | "error";
  label: string;
  vendorId: string | null;
  vendorVersion: number | null;
  data: Record<string, unknown>;
  errors: RowError[];
}

interface VendorRef {
  id: string;
  legalName: string;
  version: number;
}

async function vendorsByExternalId(client: Tx, ids: readonly string[]): Promise<Map<string, VendorRef>> {
  const out = new Map<string, VendorRef>();
  for (const chunk of chunks([...new Set(ids)])) {
    const links = await client.vendorExternalId.findMany({ where: { externalId: { in: chunk } } });
    const vendors = await client.vendor.findMany({ where: { id: { in: links.map((l) => l.vendorId) } }, select: { id: true, legalName: true, version: true } });
    const byId = new Map(vendors.map((v) => [v.id, v]));
    for (const link of links) {
      const vendor = byId.get(link.vendorId);
      if (vendor) out.set(link.externalId, vendor);
    }
  }
  return out;
}

async function vendorsByLegalName(client: Tx, names: readonly string[]): Promise<Map<string, VendorRef[]>> {
  const out = new Map<string, VendorRef[]>();
  for (const chunk of chunks([...new Set(names)])) {
    for (const v of await client.vendor.findMany({ where: { legalName: { in: chunk } }, select: { id: true, legalName: true, version: true } })) {
      out.set(v.legalName, [...(out.get(v.legalName) ?? []), v]);
    }
  }
  return out;
}

async function externalIdsOf(client: Tx, vendorIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks([...new Set(vendorIds)])) {
    for (const link of await client.vendorExternalId.findMany({ where: { vendorId: { in: chunk } } })) out.set(link.vendorId, link.externalId);
  }
  return out;
}

async function activeUsersByEmail(client: Tx, emails: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const chunk of chunks([...new Set(emails.map((e) => e.toLowerCase()))])) {
    for (const u of await client.user.findMany({ where: { email: { in: chunk }, active: true }, select: { id: true, email: true } })) out.set(u.email.toLowerCase(), u.id);
  }
  return out;
}

/** Create or update per vendor row: by external id first, else by legal name; a file naming a vendor twice is an error. */
async function resolveVendorRows(client: Tx, rows: readonly MappedRow[]): Promise<PreviewRow[]> {
  const byExternal = await vendorsByExternalId(client, rows.flatMap((r) => (r.meta.externalId ? [r.meta.externalId] : [])));
  const byName = await vendorsByLegalName(client, rows.flatMap((r) => (r.data ? [String(r.data.legalName)] : [])));
  const owners = await activeUsersByEmail(client, rows.flatMap((r) => (r.meta.ownerEmail ? [r.meta.ownerEmail] : [])));
  const matchedIds = [...byName.values()].flat().map((v) => v.id);
  const externalOf = await externalIdsOf(client, matchedIds);
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const errors = [...row.errors];
    const legalName = row.data ? String(row.data.legalName) : "";
    const label = legalName || `Row ${row.rowNumber}`;
    const key = row.meta.externalId ? `x:${row.meta.externalId}` : `n:${legalName}`;
    if (row.data || row.meta.externalId) {
      const first = seen.get(key);
      if (first !== undefined) errors.push({ column: row.meta.externalId ? "external_id" : "legal_name", message: `the same vendor is already on row ${first}` });
      else seen.set(key, row.rowNumber);
    }
    let ownerId = "";
    if (row.meta.ownerEmail) {
      ownerId = owners.get(row.meta.ownerEmail.toLowerCase()) ?? "";
      if (!ownerId) errors.push({ column: "owner_email", message: "no active Assay user has this e-mail" });
    }
    let target: VendorRef | null = null;
    if (row.meta.externalId && byExternal.has(row.meta.externalId)) target = byExternal.get(row.meta.externalId)!;
    else if (row.data) {
      const named = byName.get(legalName) ?? [];
      if (named.length > 1) errors.push({ column: "legal_name", message: `${named.length} vendors have this legal name; add their external_id to say which one` });
      else if (named.length === 1) {
        target = named[0]!;
        const existing = externalOf.get(target.id);
        if (row.meta.externalId && existing && existing !== row.meta.externalId) {
          errors.push({ column: "external_id", message: `the vendor with this legal name already has external id ${existing}` });
        }
      }
    }
    const data = { ...(row.data ?? {}), ownerId, ...(row.meta.externalId ? { externalId: row.meta.externalId } : {}) };
    return {
      rowNumber: row.rowNumber,
      action: errors.length > 0 ? "error" : target ? "update" : "create",
      label,
      vendorId: target?.id ?? null,
      vendorVersion: target?.version ?? null,
      data: errors.length > 0 ? {} : data,
      errors,
    };
  });
}

/** Record rows always add a record to an existing vendor, found by its external id or legal name. */
async function resolveRecordRows(client: Tx, kind: Exclude<ImportKind, "vendors">, rows: readonly MappedRow[]): Promise<PreviewRow[]> {
  const byExternal = await vendorsByExternalId(client, rows.flatMap((r) => (r.meta.vendorExternalId ? [r.meta.vendorExternalId] : [])));
  const byName = await vendorsByLegalName(client, rows.flatMap((r) => (!r.meta.vendorExternalId && r.meta.vendorLegalName ? [r.meta.vendorLegalName] : [])));
  const label = recordKindSpec(IMPORT_RECORD_KIND[kind]).label;
  return rows.map((row) => {
    const errors = [...row.errors];
    let vendor: VendorRef | null = null;
    if (row.meta.vendorExternalId) {
      vendor = byExternal.get(row.meta.vendorExternalId) ?? null;
      if (!vendor) errors.push({ column: "vendor_external_id", message: "no vendor has this external id" });
    } else if (row.meta.vendorLegalName) {
      const named = byName.get(row.meta.vendorLegalName) ?? [];
      if (named.length === 1) vendor = named[0]!;
      else errors.push({ column: "vendor_legal_name", message: named.length === 0 ? "no vendor has this legal name" : `${named.length} vendors have this legal name; use vendor_external_id` });
    }
    return {
      rowNumber: row.rowNumber,
      action: errors.length > 0 ? "error" : "create",
      label: `${vendor?.legalName ?? row.meta.vendorLegalName ?? row.meta.vendorExternalId ?? `Row ${row.rowNumber}`}: ${label}`,
      vendorId: vendor?.id ?? null,
      vendorVersion: vendor?.version ?? null,
      data: errors.length > 0 || !row.data ? {} : row.data,
      errors,
    };
  });
}

export interface ImportSummary {
  id: string;
  kind: ImportKind;
  fileName: string;
  format: string;
  status: string;
  rowCount: number;
  errorCount: number;
  createCount: number;
  updateCount: number;
  createdAt: Date;
  committedAt: Date | null;
}

/**
 * Reads and validates an uploaded file and stores the preview. Nothing in
 * the portfolio changes; the upload itself is audited (who brought which file
 * in, by SHA-256).
 */
export async function previewSpreadsheetImport({ actor, kind: rawKind, fileName, bytes, now = new Date() }: { actor: Actor; kind: unknown; fileName: string; bytes: Uint8Array; now?: Date }): Promise<ImportSummary> {
  const parsedKind = importKindSchema.safeParse(rawKind);
  if (!parsedKind.success) throw new AppError("VALIDATION", "Choose what the file holds.", { kind: "Choose what the file holds" });
  const kind = parsedKind.data;
  requireImportPermission(actor, kind);
  const sheet = await readSpreadsheet(bytes);
  const mapped = await mapRows(kind, sheet, now);
  const client = db();
  const rows = kind === "vendors" ? await resolveVendorRows(client, mapped) : await resolveRecordRows(client, kind, mapped);
  const count = (action: PreviewRow["action"]) => rows.filter((r) => r.action === action).length;
  const summary = {
    kind,
    fileName: fileName.slice(0, 255) || "import",
    format: sheet.format,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    rowCount: rows.length,
    errorCount: count("error"),
    createCount: count("create"),
    updateCount: count("update"),
  };
  return db().$transaction(
    async (tx) => {
      const created = await tx.spreadsheetImport.create({ data: { ...summary, createdById: actor.id } });
      for (const chunk of chunks(rows, PAGE)) {
        await bulkInsert(tx, "SpreadsheetImportRow", chunk.map((r) => ({ ...r, importId: created.id })), { json: ["data", "errors"] });
        await yieldToEventLoop();
      }
      await recordAudit(tx, actor, {
        action: "import.preview",
        entityType: "spreadsheet_import",
        entityId: created.id,
        after: { kind, fileName: summary.fileName, format: summary.format, sha256: summary.sha256, rows: summary.rowCount, errors: summary.errorCount, creates: summary.createCount, updates: summary.updateCount },
      });
      return { ...created, kind } as ImportSummary;
    },
    { timeout: COMMIT_TIMEOUT_MS },
  );
}

/** The actor's own preview; the permission of its import type is checked first, so a role that may not import is refused as such. */
async function ownImport(client: Tx, actor: Actor, importId: string) {
  const found = await client.spreadsheetImport.findUnique({ where: { id: importId } });
  const kind = importKindSchema.safeParse(found?.kind);
  if (kind.success) requireImportPermission(actor, kind.data);
  else if (!IMPORT_KINDS.some((k) => canImport(actor, k))) {
    requirePermission(actor, "vendor.create"); // records the denial and throws
    throw forbidden();
  }
  // Another user's preview is not shown (it names their file and rows).
  if (!found || !kind.success || found.createdById !== actor.id) throw notFound("Import not found. Upload the file again.");
  return { ...found, kind: kind.data };
}

/** One page of a preview's rows (or of its rows with errors only). */
export async function getImportPreview({ actor, importId, query: rawQuery }: { actor: Actor; importId: string; query: unknown }) {
  const query = importPreviewQuerySchema.parse(rawQuery ?? {});
  const client = db();
  const found = await ownImport(client, actor, importId);
  const where = { importId, ...(query.errors ? { action: "error" } : {}) };
  const [total, rows] = await Promise.all([
    client.spreadsheetImportRow.count({ where }),
    client.spreadsheetImportRow.findMany({ where, orderBy: { rowNumber: "asc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
  ]);
  return {
    import: found as ImportSummary,
    total,
    page: query.page,
    pageSize: query.pageSize,
    rows: rows.map((r) => ({ rowNumber: r.rowNumber, action: r.action as PreviewRow["action"], label: r.label, errors: r.errors as unknown as RowError[] })),
  };
}

function conflict(message: string): AppError {
  return new AppError("CONFLICT", `${message} Nothing was imported; upload the file again to preview the current data.`);
}

type StoredRow = Awaited<ReturnType<Tx["spreadsheetImportRow"]["findMany"]>>[number];

async function* storedRows(tx: Tx, importId: string, page: number): AsyncGenerator<StoredRow[]> {
  let after = 0;
  for (;;) {
    const rows = await tx.spreadsheetImportRow.findMany({ where: { importId, rowNumber: { gt: after } }, orderBy: { rowNumber: "asc" }, take: page });
    if (rows.length > 0) yield rows;
    if (rows.length < page) return;
    after = rows[rows.length - 1]!.rowNumber;
  }
}

async function commitVendorPage(tx: Tx, actor: Actor, rows: StoredRow[]): Promise<string[]> {
  const creates = rows.filter((r) => r.action === "create");
  const updates = rows.filter((r) => r.action === "update");
  const fieldsOf = (r: StoredRow) => r.data as unknown as VendorFields & { externalId?: string };

  // Someone may have created the same vendor, or made an owner inactive, since the preview.
  const taken = await vendorsByLegalName(tx, creates.map((r) => fieldsOf(r).legalName));
  for (const r of creates) if (taken.has(fieldsOf(r).legalName)) throw conflict(`Row ${r.rowNumber}: a vendor with the legal name "${fieldsOf(r).legalName}" was created since the preview.`);
  const ownerIds = [...new Set(rows.map((r) => fieldsOf(r).ownerId).filter(Boolean))];
  const activeOwners = await tx.user.count({ where: { id: { in: ownerIds }, active: true } });
  if (activeOwners !== ownerIds.length) throw conflict("An owner named in the file was deactivated since the preview.");

  const befores = new Map((await tx.vendor.findMany({ where: { id: { in: updates.map((r) => r.vendorId!) } }, include: VENDOR_LISTS_INCLUDE })).map((v) => [v.id, v]));
  const newIds = new Map(creates.map((r) => [r.rowNumber, randomUUID()]));
  // Raw multi-row INSERTs: createMany spends seconds compiling 10,000 vendors (bulk-insert.ts), which sets
  // what Prisma would have set itself: the timestamps; the database fills in the other defaults.
  const at = new Date();
  await bulkInsert(tx, "Vendor", creates.map((r) => ({ id: newIds.get(r.rowNumber)!, ...profileColumns(fieldsOf(r), null), createdAt: at, updatedAt: at })));
  for (const r of updates) {
    const before = befores.get(r.vendorId!);
    const override = before?.tierOverrideReason ? { tier: before.tier } : null;
    // Compare-and-set on the version read at preview time (docs/import-export.md, "Concurrent edits").
    const { count } = await tx.vendor.updateMany({ where: { id: r.vendorId!, version: r.vendorVersion! }, data: { ...profileColumns(fieldsOf(r), override), version: { increment: 1 } } });
    if (count === 0) throw conflict(`Row ${r.rowNumber}: "${r.label}" was changed by someone else since the preview.`);
  }
  await writeVendorListsMany(tx, creates.map((r) => ({ vendorId: newIds.get(r.rowNumber)!, lists: fieldsOf(r) })), { created: true });
  await writeVendorListsMany(tx, updates.map((r) => ({ vendorId: r.vendorId!, lists: fieldsOf(r) })));
  const links = rows.flatMap((r) => {
    const externalId = fieldsOf(r).externalId;
    return externalId ? [{ vendorId: r.vendorId ?? newIds.get(r.rowNumber)!, externalId }] : [];
  });
  const linked = await externalIdsOf(tx, links.map((l) => l.vendorId));
  const newLinks = links.filter((l) => !linked.has(l.vendorId));
  if (newLinks.length > 0) {
    try {
      await bulkInsert(tx, "VendorExternalId", newLinks);
    } catch {
      throw conflict("An external id in the file was given to another vendor since the preview.");
    }
  }
  // Half a page of work is as long as synchronous SQLite should hold the event loop.
  await yieldToEventLoop();
  const ids = rows.map((r) => r.vendorId ?? newIds.get(r.rowNumber)!);
  const afters = new Map((await tx.vendor.findMany({ where: { id: { in: ids } }, include: VENDOR_LISTS_INCLUDE })).map((v) => [v.id, v]));
  const events: AuditInput[] = rows.map((r) => {
    const id = r.vendorId ?? newIds.get(r.rowNumber)!;
    const after = auditView(afters.get(id)!);
    return r.action === "create"
      ? { action: "vendor.create", entityType: "vendor", entityId: id, vendorId: id, after }
      : { action: "vendor.update", entityType: "vendor", entityId: id, vendorId: id, before: auditView(befores.get(id)!), after };
  });
  await recordAudits(tx, actor, events);
  return ids;
}

async function commitRecordPage(tx: Tx, actor: Actor, kind: Exclude<ImportKind, "vendors">, rows: StoredRow[]): Promise<string[]> {
  const recordKind = IMPORT_RECORD_KIND[kind];
  const vendorIds = [...new Set(rows.map((r) => r.vendorId!))];
  const present = await tx.vendor.count({ where: { id: { in: vendorIds } } });
  if (present !== vendorIds.length) throw conflict("A vendor named in the file was removed since the preview.");
  const records = rows.map((r) => ({ id: randomUUID(), kind: recordKind, vendorId: r.vendorId!, data: r.data as Record<string, unknown>, actorId: actor.id }));
  await createRecords(tx, records);
  await recordAudits(
    tx,
    actor,
    records.map((r) => ({ action: `dossier.${recordKind}.create` as const, entityType: `dossier.${recordKind}` as const, entityId: r.id, vendorId: r.vendorId, after: r.data as AuditRecordFields })),
  );
  return vendorIds;
}

/**
 * Recomputes the findings summary of the vendors the import touched, a page
 * at a time (vendor-summaries.ts), so the list filters and sorts them by their
 * counts as soon as the import commits. Their open findings (VendorFinding,
 * which the work queues and the dashboard read) are not written here: for
 * 10,000 vendors that is a couple of hundred thousand rows and their search
 * index, far past the commit's time budget and all of it inside one write
 * transaction. The summaries are left outdated instead (`findingsAt` empty),
 * and the summary refresh (summary-refresh.ts), which the list and the
 * dashboard start for outdated summaries, writes counts and findings together
 * in short transactions, as after a settings change.
 */
async function refreshSummaries(tx: Tx, vendorIds: readonly string[], now: Date) {
  const settings = await loadSettings(tx);
  const catalogue = await loadCatalogue(tx);
  for (const chunk of chunks([...new Set(vendorIds)], commitPage())) {
    // Imported vendors often share a summary (same profile, no records yet): one update per distinct summary, not per vendor.
    const groups = new Map<string, { columns: object; ids: string[] }>();
    for (const { id, columns } of await computeVendorSummaries(tx, chunk, { now, settings, catalogue, pause: yieldToEventLoop })) {
      const key = JSON.stringify(columns);
      const group = groups.get(key) ?? groups.set(key, { columns: { ...columns, findingsAt: null }, ids: [] }).get(key)!;
      group.ids.push(id);
    }
    for (const { columns, ids } of groups.values()) await tx.vendor.updateMany({ where: { id: { in: ids } }, data: columns });
    await yieldToEventLoop();
  }
}

/**
 * Writes a previewed import: one transaction, one audit event per record
 * plus one for the import. A file with any error commits nothing; so does a
 * vendor changed since the preview (its version moved).
 */
export async function commitSpreadsheetImport({ actor, importId, now = new Date() }: { actor: Actor; importId: string; now?: Date }) {
  const found = await ownImport(db(), actor, importId);
  if (found.status !== "previewed") throw new AppError("INVALID_STATE", "This file was already imported.");
  if (found.errorCount > 0) {
    throw new AppError("INVALID_STATE", `${found.errorCount} ${found.errorCount === 1 ? "row has an error" : "rows have errors"}. Nothing was imported: fix the file and upload it again.`);
  }
  return db().$transaction(
    async (tx) => {
      const claimed = await tx.spreadsheetImport.updateMany({ where: { id: importId, status: "previewed" }, data: { status: "committed", committedAt: now } });
      if (claimed.count === 0) throw new AppError("INVALID_STATE", "This file was already imported.");
      const touched: string[] = [];
      for await (const page of storedRows(tx, importId, commitPage())) {
        touched.push(...(found.kind === "vendors" ? await commitVendorPage(tx, actor, page) : await commitRecordPage(tx, actor, found.kind, page)));
        await yieldToEventLoop();
      }
      await refreshSummaries(tx, touched, now);
      await recordAudit(tx, actor, {
        action: "import.commit",
        entityType: "spreadsheet_import",
        entityId: importId,
        after: { kind: found.kind, fileName: found.fileName, sha256: found.sha256, creates: found.createCount, updates: found.updateCount },
      });
      return { id: importId, kind: found.kind, creates: found.createCount, updates: found.updateCount };
    },
    { timeout: COMMIT_TIMEOUT_MS, maxWait: 30_000 },
  );
}
