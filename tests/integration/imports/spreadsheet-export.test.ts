import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { beforeAll, expect, it } from "vitest";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { csvPieces, xlsxStream } from "@/lib/server/imports/sheet-writer";
import { importTemplate } from "@/lib/server/imports/templates";
import { exportSpreadsheet } from "@/lib/server/services/spreadsheet-export";
import { previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createVendor } from "@/lib/server/services/vendors";
import { IMPORT_COLUMNS, IMPORT_KINDS } from "@/lib/schemas/spreadsheet-import";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

// Exports read back with the real parsers (csv-parse, exceljs): formula
// cells come back neutralised, filters match the list page, and templates
// are files the import itself accepts.

const NOW = new Date("2026-11-22T12:00:00Z");

async function csvText(rows: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const piece of rows) text += piece;
  return text;
}

async function xlsxRows(stream: NodeJS.ReadableStream): Promise<unknown[][]> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const out: unknown[][] = [];
  wb.worksheets[0]!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
  return out;
}

forEachProvider("spreadsheet export", (t) => {
  let procurement: Awaited<ReturnType<typeof makeActor>>;
  const hostile = `=HYPERLINK("http://evil.example","x") ${Date.now()}`;
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    procurement = await makeActor("procurement");
    // A name typed through the form may start with "="; the export must not hand it to a spreadsheet as a formula.
    await createVendor({ actor: procurement, input: { ...validVendor, name: hostile, legalName: "Hostile Name Ltd", country: "MT" } });
    await createVendor({ actor: procurement, input: { ...validVendor, name: "+Plus, \"quoted\"\nline", legalName: "Plus Ltd", country: "MT" } });
    await createVendor({ actor: procurement, input: { ...validVendor, name: "Other country", legalName: "Other Ltd", country: "IE" } });
  });

  it("exports the filtered vendor list as CSV with formulas neutralised, read back by csv-parse", async () => {
    const exported = await exportSpreadsheet({ actor: procurement, kind: "vendors", params: { format: "csv", country: "MT" }, now: NOW });
    const records = parse(await csvText(csvPieces(exported.header, exported.rows)), { bom: true }) as string[][];
    expect(records[0]).toEqual(exported.header);
    const names = records.slice(1).map((r) => r[0]);
    expect(names.sort()).toEqual([`'+Plus, "quoted"\nline`, `'${hostile}`].sort());
    expect(await t.db.auditEvent.count({ where: { action: "export.spreadsheet", actorId: procurement.id } })).toBe(1);
  });

  it("exports the same list as XLSX, read back by exceljs", async () => {
    const exported = await exportSpreadsheet({ actor: procurement, kind: "vendors", params: { format: "xlsx", country: "MT", sort: "name", dir: "desc" }, now: NOW });
    const rows = await xlsxRows(xlsxStream(exported.sheetName, exported.header, exported.rows));
    expect(rows[0]).toEqual(exported.header);
    expect(rows.slice(1).map((r) => r[0])).toEqual([`'${hostile}`, `'+Plus, "quoted"\nline`]);
  });

  it("exports findings of the filtered vendors and the renewal calendar", async () => {
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Calendar Vendor", legalName: "Calendar Vendor Ltd", country: "LU" } });
    await saveDossierRecord({ actor: security, now: NOW, input: { vendorId: vendor.id, kind: "iso", data: { certificateNumber: "IS 9", certificationBody: "BSI", accredited: true, standardVersion: "2022", issueDate: "2025-01-10", expiryDate: "2027-01-09", scopeText: "Support", coveredSiteIds: [] } } });
    const findings = await exportSpreadsheet({ actor: procurement, kind: "findings", params: { country: "LU" }, now: NOW });
    const findingRows = parse(await csvText(csvPieces(findings.header, findings.rows)), { bom: true }) as string[][];
    expect(findingRows.length).toBeGreaterThan(1);
    expect(new Set(findingRows.slice(1).map((r) => r[0]))).toEqual(new Set(["Calendar Vendor"]));
    const calendar = await exportSpreadsheet({ actor: procurement, kind: "calendar", params: { from: "2027-01-01", to: "2027-01-31" }, now: NOW });
    const calendarRows = parse(await csvText(csvPieces(calendar.header, calendar.rows)), { bom: true, columns: true }) as Record<string, string>[];
    expect(calendarRows).toContainEqual(expect.objectContaining({ date: "2027-01-09", kind: "iso_expiry", vendorName: "Calendar Vendor", vendorId: vendor.id }));
    await expect(exportSpreadsheet({ actor: procurement, kind: "vendors", params: { format: "pdf" }, now: NOW })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("every template has the import's columns and an example row the import reads", async () => {
    const admin = await makeActor("admin");
    for (const kind of IMPORT_KINDS) {
      for (const format of ["csv", "xlsx"] as const) {
        const { bytes } = await importTemplate(kind, format);
        const previewed = await previewSpreadsheetImport({ actor: admin, kind, fileName: `t.${format}`, bytes, now: NOW });
        expect(previewed).toMatchObject({ format, rowCount: 1 });
        if (kind === "vendors") expect(previewed.errorCount).toBe(0);
      }
      const { bytes } = await importTemplate(kind, "csv");
      const [header] = parse(Buffer.from(bytes), { bom: true }) as string[][];
      expect(header).toEqual(IMPORT_COLUMNS[kind].map((c) => c.column));
    }
  });
});
