import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { exportFormatSchema, type ExportFormat, type ExportKind } from "@/lib/schemas/spreadsheet-import";
import { vendorListQuerySchema, type VendorListQuery } from "@/lib/schemas/vendor";
import { z } from "zod";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { loadCatalogue, loadDossiers, loadLatestRiskAcceptanceOf, loadOpenRemediationOf } from "../dossier/load-dossier";
import { AppError } from "../errors";
import type { SheetValue } from "../imports/sheet-writer";
import { portfolioDates } from "./portfolio-queries";
import { loadSettings } from "./settings";
import { needsSoc2StaleMonths, vendorListSqlOrder, vendorListSqlWhere } from "./vendor-list-sql";

// Exports of the vendor list (with the list page's filters, through the same
// SQL), the findings of those vendors, and the renewal calendar, as rows for
// a CSV or XLSX writer (lib/server/imports/sheet-writer.ts). Rows are read a
// page at a time so 10,000 vendors never sit in memory together. Every export
// checks the permission and is audited before its first row.

const PAGE = 200;
/** The calendar's range when none is given: today and the next year. */
const CALENDAR_DAYS = 365;
const CALENDAR_MAX_PER_KIND = 10_000;

export interface SheetExport {
  fileName: string;
  sheetName: string;
  header: string[];
  rows: AsyncGenerator<SheetValue[]>;
}

const calendarRangeSchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
});

/** The filters that shaped the export, as the audit event records them (the URL's own values). */
function filterOf(params: Record<string, string>): Record<string, string> {
  const { format: _format, ...rest } = params;
  return Object.fromEntries(Object.entries(rest).slice(0, 30).map(([k, v]) => [k.slice(0, 40), v.slice(0, 200)]));
}

/** Ids of the filtered vendor list in the list's order, a page at a time. */
async function* filteredVendorIds(client: Tx, query: VendorListQuery, now: Date): AsyncGenerator<string[]> {
  const staleMonths = needsSoc2StaleMonths(query) ? (await loadSettings(client)).assurance.soc2StaleMonths : 0;
  const where = vendorListSqlWhere(query, now, staleMonths);
  const order = vendorListSqlOrder(query);
  for (let offset = 0; ; offset += PAGE) {
    const page = await client.$queryRaw<{ id: string }[]>`SELECT v."id" AS id FROM "Vendor" v WHERE ${where} ORDER BY ${order} LIMIT ${PAGE} OFFSET ${offset}`;
    if (page.length > 0) yield page.map((r) => r.id);
    if (page.length < PAGE) return;
  }
}

const VENDOR_HEADER = ["name", "legal_name", "external_id", "country", "tier", "status", "owner", "blockers", "high", "medium", "low", "soc2_state", "updated_at"];

async function* vendorRows(client: Tx, query: VendorListQuery, now: Date): AsyncGenerator<SheetValue[]> {
  for await (const ids of filteredVendorIds(client, query, now)) {
    const vendors = await client.vendor.findMany({ where: { id: { in: ids } }, include: { owner: { select: { email: true } } } });
    const external = new Map((await client.vendorExternalId.findMany({ where: { vendorId: { in: ids } } })).map((l) => [l.vendorId, l.externalId]));
    const byId = new Map(vendors.map((v) => [v.id, v]));
    for (const id of ids) {
      const v = byId.get(id);
      if (!v) continue;
      yield [v.name, v.legalName, external.get(v.id) ?? "", v.country, v.tier, v.status, v.owner?.email ?? "", v.blockerCount, v.highCount, v.mediumCount, v.lowCount, v.soc2State, v.updatedAt.toISOString()];
    }
  }
}

const FINDING_HEADER = ["vendor", "legal_name", "severity", "code", "message", "observed", "threshold", "source", "subject"];

async function* findingRows(client: Tx, query: VendorListQuery, now: Date): AsyncGenerator<SheetValue[]> {
  const settings = await loadSettings(client);
  const catalogue = await loadCatalogue(client);
  for await (const ids of filteredVendorIds(client, query, now)) {
    const dossiers = await loadDossiers(client, ids, catalogue);
    const remediation = await loadOpenRemediationOf(client, ids);
    const acceptances = await loadLatestRiskAcceptanceOf(client, ids);
    for (const id of ids) {
      const loaded = dossiers.get(id);
      if (!loaded) continue;
      const findings = vendorFindingsFor(loaded.dossier, settings, now, { remediation: remediation.get(id) ?? [], acceptances: acceptances.get(id) ?? [] });
      for (const f of findings) {
        yield [loaded.vendor.name, loaded.vendor.legalName, f.severity, f.code, f.message, f.observed ?? "", f.threshold ?? "", f.source, f.subject.label ?? f.subject.kind];
      }
    }
  }
}

/**
 * The calendar's dated obligations. Columns come from the rows themselves
 * (the known ones first, then any others the query adds), so a richer
 * portfolioDates exports its new fields without a change here.
 */
async function calendarExport(client: Tx, params: Record<string, string>, now: Date): Promise<{ header: string[]; rows: SheetValue[][] }> {
  const parsed = calendarRangeSchema.parse(params);
  const from = parsed.from ?? formatIsoDay(now);
  const to = parsed.to ?? addDaysToDay(from, CALENDAR_DAYS);
  if (to < from) throw new AppError("VALIDATION", "The end of the range must be on or after its start.", { to: "The end must be on or after the start" });
  const dates = await portfolioDates(client, { from, to }, await loadSettings(client), { take: CALENDAR_MAX_PER_KIND });
  const first = ["date", "kind", "vendorName", "vendorId", "recordId"];
  const others = [...new Set(dates.flatMap((d) => Object.keys(d)))].filter((k) => !first.includes(k));
  const header = [...first, ...others];
  const cell = (value: unknown): SheetValue =>
    value === null || value === undefined ? "" : typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  return { header, rows: dates.map((d) => header.map((k) => cell((d as unknown as Record<string, unknown>)[k]))) };
}

async function* fromArray(rows: SheetValue[][]): AsyncGenerator<SheetValue[]> {
  yield* rows;
}

export async function exportSpreadsheet({ actor, kind, params, now = new Date() }: { actor: Actor; kind: ExportKind; params: Record<string, string>; now?: Date }): Promise<SheetExport & { format: ExportFormat }> {
  requirePermission(actor, "vendor.read");
  const format = exportFormatSchema.safeParse(params.format ?? "csv");
  if (!format.success) throw new AppError("VALIDATION", "Choose csv or xlsx.", { format: "Choose csv or xlsx" });
  const client = db();
  const day = formatIsoDay(now);
  let result: SheetExport;
  if (kind === "calendar") {
    const { header, rows } = await calendarExport(client, params, now);
    result = { fileName: `assay-calendar-${day}.${format.data}`, sheetName: "Calendar", header, rows: fromArray(rows) };
  } else {
    // The list page's own query schema: unknown or malformed filters are dropped exactly as the page drops them.
    const query = vendorListQuerySchema.parse(params);
    result =
      kind === "vendors"
        ? { fileName: `assay-vendors-${day}.${format.data}`, sheetName: "Vendors", header: VENDOR_HEADER, rows: vendorRows(client, query, now) }
        : { fileName: `assay-findings-${day}.${format.data}`, sheetName: "Findings", header: FINDING_HEADER, rows: findingRows(client, query, now) };
  }
  await db().$transaction((tx) =>
    recordAudit(tx, actor, { action: "export.spreadsheet", entityType: "spreadsheet_export", after: { kind, format: format.data, filter: filterOf(params) } }),
  );
  return { ...result, format: format.data };
}
