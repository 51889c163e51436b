import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { listRecords } from "@/lib/server/dossier/record-store";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { commitSpreadsheetImport, getImportPreview, previewSpreadsheetImport } from "@/lib/server/services/spreadsheet-import";
import { createVendor, updateVendor } from "@/lib/server/services/vendors";
import { refreshOutdatedSummaries } from "@/lib/server/services/summary-refresh";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { VENDOR_LISTS_INCLUDE, withVendorLists } from "@/lib/server/services/vendor-lists";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

// The spreadsheet import end to end against a real database: real CSV text
// and real XLSX workbooks (written here with exceljs) through the real
// parsers, the form schemas, and one audited transaction per commit.

const NOW = new Date("2026-11-22T12:00:00Z");
const VENDOR_HEADER = "external_id,name,legal_name,website,country,services,industries,data_categories,access_level,status,owner_email";

const utf8 = (text: string) => new TextEncoder().encode(text);
let n = 0;
const unique = (prefix: string) => `${prefix} ${++n} ${Math.random().toString(36).slice(2, 8)}`;

function vendorLine(legalName: string, extra: Partial<Record<"externalId" | "name" | "country" | "status", string>> = {}) {
  return [extra.externalId ?? "", extra.name ?? legalName.split(" ")[0], legalName, "", extra.country ?? "PH", "email; chat", "fintech", "contact_pii", "trigger_resets", extra.status ?? "active", ""].join(",");
}

async function workbook(rows: unknown[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Import");
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

forEachProvider("spreadsheet import", (t) => {
  let procurement: Awaited<ReturnType<typeof makeActor>>;
  let security: Awaited<ReturnType<typeof makeActor>>;
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    procurement = await makeActor("procurement");
    security = await makeActor("security");
  });

  const preview = (kind: string, bytes: Uint8Array, actor = procurement) => previewSpreadsheetImport({ actor, kind, fileName: "file", bytes, now: NOW });
  const rowsOf = async (importId: string, actor = procurement) => (await getImportPreview({ actor, importId, query: { pageSize: 200 } })).rows;

  it("imports vendors from a UTF-8 CSV with a byte-order mark: one transaction, one audit event per vendor", async () => {
    const [a, b] = [unique("Bom Alpha Ltd"), unique("Bom Beta Ltd")];
    const bytes = utf8(`\uFEFF${VENDOR_HEADER}\r\n${vendorLine(a)}\r\n${vendorLine(b)}\r\n`);
    const previewed = await preview("vendors", bytes);
    expect(previewed).toMatchObject({ format: "csv", rowCount: 2, errorCount: 0, createCount: 2, updateCount: 0 });
    expect(await t.db.vendor.count({ where: { legalName: { in: [a, b] } } })).toBe(0);
    await commitSpreadsheetImport({ actor: procurement, importId: previewed.id, now: NOW });
    const vendors = (await t.db.vendor.findMany({ where: { legalName: { in: [a, b] } }, include: VENDOR_LISTS_INCLUDE })).map(withVendorLists);
    expect(vendors.map((v) => v.legalName).sort()).toEqual([a, b].sort());
    // The first header cell kept its name: the BOM did not stick to "external_id".
    expect(vendors[0]!.services).toEqual(["email", "chat"]);
    const events = await t.db.auditEvent.findMany({ where: { vendorId: { in: vendors.map((v) => v.id) } } });
    expect(events.map((e) => e.action)).toEqual(["vendor.create", "vendor.create"]);
    expect(await t.db.auditEvent.count({ where: { action: "import.commit", entityId: previewed.id } })).toBe(1);
    expect((await verifyAuditChain(t.db)).ok).toBe(true);
  });

  it("stores the imported vendors' counts at once and leaves their open findings to the summary refresh, after which both agree", async () => {
    const legalName = unique("Findings Gamma Ltd");
    const previewed = await preview("vendors", utf8(`${VENDOR_HEADER}\n${vendorLine(legalName)}\n`));
    await commitSpreadsheetImport({ actor: procurement, importId: previewed.id, now: NOW });
    const imported = await t.db.vendor.findFirstOrThrow({ where: { legalName } });
    // A new vendor with no evidence has open findings (no SOC 2 report, among others).
    const open = imported.blockerCount + imported.highCount + imported.mediumCount + imported.lowCount;
    expect(open).toBeGreaterThan(0);
    expect(imported.findingsAt).toBeNull();
    await refreshOutdatedSummaries({ now: NOW, budgetMs: 60_000 });
    const refreshed = await t.db.vendor.findUniqueOrThrow({ where: { id: imported.id } });
    expect(refreshed.findingsAt).toEqual(NOW);
    expect(await t.db.vendorFinding.count({ where: { vendorId: imported.id } })).toBe(refreshed.blockerCount + refreshed.highCount + refreshed.mediumCount + refreshed.lowCount);
    expect(refreshed.blockerCount + refreshed.highCount + refreshed.mediumCount + refreshed.lowCount).toBe(open);
  });

  it("reads semicolon-delimited files with decimal commas and comma files with thousands separators", async () => {
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, legalName: unique("Money Ltd") } });
    const header = "vendor_legal_name;carrier;policy_number;currency;per_occurrence_limit;aggregate_limit;insurance_expiry_date;additional_insured";
    // "250.000" is two hundred and fifty thousand only under the decimal comma that a ";" file implies.
    const semicolon = utf8(`${header}\n${vendor.legalName};Example Mutual;P-1;EUR;250.000;1.000.000,00;2027-06-30;yes\n`);
    const one = await preview("insurance", semicolon);
    expect(one.errorCount).toBe(0);
    const comma = utf8(`${header.replaceAll(";", ",")}\n"${vendor.legalName}",Example Mutual,P-2,USD,"1,000,000","5,000,000.50",2027-06-30,no\n`);
    const two = await preview("insurance", comma);
    expect(two.errorCount).toBe(0);
    await commitSpreadsheetImport({ actor: procurement, importId: one.id, now: NOW });
    await commitSpreadsheetImport({ actor: procurement, importId: two.id, now: NOW });
    const policies = (await listRecords(t.db, vendor.id, ["insurance"])).map((r) => r.data);
    expect(policies).toEqual([
      expect.objectContaining({ policyNumber: "P-1", currency: "EUR", perOccurrenceMinor: 25_000_000, aggregateMinor: 100_000_000, additionalInsured: true }),
      expect.objectContaining({ policyNumber: "P-2", currency: "USD", perOccurrenceMinor: 100_000_000, aggregateMinor: 500_000_050, additionalInsured: false }),
    ]);
    expect(await t.db.auditEvent.count({ where: { vendorId: vendor.id, action: "dossier.insurance.create" } })).toBe(2);
  });

  it("keeps a quoted multi-line cell in one row and converts Excel serial dates", async () => {
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, legalName: unique("Multi Ltd") } });
    const header = "vendor_legal_name,certificate_number,certification_body,accredited,standard_version,iso_issue_date,iso_expiry_date,scope";
    // 45658 is 2025-01-01 and 46752 is 2027-12-31 in Excel's 1900 date system.
    const bytes = utf8(`${header}\n"${vendor.legalName}",IS 1,BSI,yes,2022,45658,46752,"Contact centre operations\nManila and Cebu, ""two"" sites"\n`);
    // ISO certificates are assurance evidence: security imports them.
    const previewed = await preview("iso", bytes, security);
    expect(previewed).toMatchObject({ rowCount: 1, errorCount: 0 });
    await commitSpreadsheetImport({ actor: security, importId: previewed.id, now: NOW });
    const [iso] = (await listRecords(t.db, vendor.id, ["iso"])).map((r) => r.data);
    expect(iso).toMatchObject({ issueDate: "2025-01-01", expiryDate: "2027-12-31", scopeText: 'Contact centre operations\nManila and Cebu, "two" sites' });
  });

  it("reads a real XLSX: date cells, serial numbers, and refuses formula cells", async () => {
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, legalName: unique("Xlsx Ltd") } });
    const header = ["vendor_legal_name", "soc2_type", "soc2_period_start", "soc2_period_end", "soc2_issue_date", "auditor", "opinion", "exception_count"];
    const good = await workbook([header, [vendor.legalName, "type2", new Date(Date.UTC(2025, 0, 1)), 46022, "2026-02-15", "Example LLP", "unqualified", 0]]);
    const ok = await preview("soc2", good, security);
    expect(ok).toMatchObject({ format: "xlsx", errorCount: 0 });
    await commitSpreadsheetImport({ actor: security, importId: ok.id, now: NOW });
    expect((await listRecords(t.db, vendor.id, ["soc2"]))[0]!.data).toMatchObject({ periodStart: "2025-01-01", periodEnd: "2025-12-31", issueDate: "2026-02-15" });

    const formula = await workbook([header, [vendor.legalName, "type2", "2025-01-01", "2025-12-31", "2026-02-15", { formula: 'HYPERLINK("http://evil","x")', result: "x" }, "unqualified", 0]]);
    const refused = await preview("soc2", formula, security);
    expect(refused.errorCount).toBe(1);
    expect((await rowsOf(refused.id, security))[0]!.errors).toEqual([{ column: "auditor", message: expect.stringMatching(/formulas are not accepted/) }]);
  });

  it("refuses text cells starting with = + - @ and names row and column of every error", async () => {
    const lines = [
      vendorLine(unique("Fine Ltd")),
      vendorLine(unique("Formula Ltd"), { name: "=cmd|' /C calc'!A0" }),
      vendorLine(unique("Plus Ltd"), { name: "+1+1" }),
      vendorLine(unique("At Ltd"), { name: "@SUM(A1)" }),
      vendorLine(unique("Minus Ltd"), { name: "-2+3" }),
      vendorLine(unique("Country Ltd"), { country: "XX" }),
    ];
    const previewed = await preview("vendors", utf8(`${VENDOR_HEADER}\n${lines.join("\n")}\n`));
    expect(previewed).toMatchObject({ rowCount: 6, errorCount: 5, createCount: 1 });
    const rows = await rowsOf(previewed.id);
    expect(rows.map((r) => [r.rowNumber, r.action, r.errors.map((e) => e.column)])).toEqual([
      [2, "create", []],
      [3, "error", ["name"]],
      [4, "error", ["name"]],
      [5, "error", ["name"]],
      [6, "error", ["name"]],
      [7, "error", ["country"]],
    ]);
  });

  it("a file with one bad row commits nothing", async () => {
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, legalName: unique("Soc Ltd") } });
    const header = "vendor_legal_name,soc2_type,soc2_period_start,soc2_period_end,soc2_issue_date,auditor,opinion,exception_count";
    const good = `"${vendor.legalName}",type2,2025-01-01,2025-12-31,2026-02-15,Example LLP,unqualified,0`;
    const bad = `"${vendor.legalName}",type2,2025-01-01,31/12/2025,2026-02-15,Example LLP,unqualified,0`;
    const previewed = await preview("soc2", utf8([header, good, good, bad, good].join("\n")), security);
    expect(previewed).toMatchObject({ rowCount: 4, errorCount: 1, createCount: 3 });
    const errorsOnly = await getImportPreview({ actor: security, importId: previewed.id, query: { errors: "1" } });
    expect(errorsOnly.rows).toEqual([expect.objectContaining({ rowNumber: 4, errors: [{ column: "soc2_period_end", message: "not a date (use YYYY-MM-DD)" }] })]);
    const eventsBefore = await t.db.auditEvent.count();
    await expect(commitSpreadsheetImport({ actor: security, importId: previewed.id, now: NOW })).rejects.toMatchObject({ code: "INVALID_STATE", message: expect.stringMatching(/1 row has an error\. Nothing was imported/) });
    expect(await listRecords(t.db, vendor.id, ["soc2"])).toEqual([]);
    expect(await t.db.auditEvent.count()).toBe(eventsBefore);
  });

  it("updates a vendor matched by legal name or external id, creates the rest, and refuses a vendor changed since the preview", async () => {
    const existing = await createVendor({ actor: procurement, input: { ...validVendor, legalName: unique("Existing Ltd"), status: "prospective" } });
    const external = unique("ERP");
    const fresh = unique("Fresh Ltd");
    const first = await preview("vendors", utf8(`${VENDOR_HEADER}\n${vendorLine(existing.legalName, { externalId: external, status: "active" })}\n${vendorLine(fresh)}\n`));
    expect(first).toMatchObject({ createCount: 1, updateCount: 1, errorCount: 0 });
    expect((await rowsOf(first.id)).map((r) => r.action)).toEqual(["update", "create"]);
    await commitSpreadsheetImport({ actor: procurement, importId: first.id, now: NOW });
    const updated = await t.db.vendor.findUniqueOrThrow({ where: { id: existing.id } });
    expect(updated).toMatchObject({ status: "active", version: existing.version + 1 });
    expect(await t.db.vendorExternalId.findUnique({ where: { externalId: external } })).toMatchObject({ vendorId: existing.id });
    expect(await t.db.auditEvent.findFirst({ where: { vendorId: existing.id, action: "vendor.update" }, orderBy: { id: "desc" } })).toMatchObject({ before: expect.objectContaining({ status: "prospective" }), after: expect.objectContaining({ status: "active" }) });

    // Now matched by its external id even though the legal name in the file changed.
    const renamed = unique("Renamed Ltd");
    const another = unique("Another Ltd");
    const second = await preview("vendors", utf8(`${VENDOR_HEADER}\n${vendorLine(renamed, { externalId: external })}\n${vendorLine(another)}\n`));
    expect((await rowsOf(second.id)).map((r) => r.action)).toEqual(["update", "create"]);
    // Someone saves the vendor between preview and commit.
    await updateVendor({ actor: procurement, input: { ...validVendor, legalName: updated.legalName, status: "offboarded", id: existing.id, version: updated.version } });
    await expect(commitSpreadsheetImport({ actor: procurement, importId: second.id, now: NOW })).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/Row 2: .* was changed by someone else since the preview\. Nothing was imported/) });
    expect(await t.db.vendor.count({ where: { legalName: { in: [renamed, another] } } })).toBe(0);
    // The refused commit can be previewed again and then goes through.
    const third = await preview("vendors", utf8(`${VENDOR_HEADER}\n${vendorLine(renamed, { externalId: external })}\n${vendorLine(another)}\n`));
    await commitSpreadsheetImport({ actor: procurement, importId: third.id, now: NOW });
    expect(await t.db.vendor.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({ legalName: renamed });
    await expect(commitSpreadsheetImport({ actor: procurement, importId: third.id, now: NOW })).rejects.toMatchObject({ code: "INVALID_STATE" });
  });

  it("checks each record kind's permission and who owns a preview", async () => {
    const bytes = utf8(`${VENDOR_HEADER}\n${vendorLine(unique("Perm Ltd"))}\n`);
    await expect(preview("vendors", bytes, security)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const soc2 = utf8("vendor_legal_name,soc2_type,soc2_period_start,soc2_period_end,soc2_issue_date,auditor,opinion,exception_count\nX,type2,2025-01-01,2025-12-31,2026-02-15,A,unqualified,0\n");
    await expect(preview("soc2", soc2, procurement)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const mine = await preview("vendors", bytes);
    const other = await makeActor("procurement");
    await expect(commitSpreadsheetImport({ actor: other, importId: mine.id, now: NOW })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("decides the file type by content and refuses what is not the template", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    await expect(preview("vendors", png)).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { file: expect.stringMatching(/neither an XLSX workbook nor/) } });
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    await expect(preview("vendors", zip)).rejects.toMatchObject({ fieldErrors: { file: expect.stringMatching(/not an Excel workbook/) } });
    await expect(preview("vendors", utf8("name,legal_name,colour\nA,B,red\n"))).rejects.toMatchObject({ fieldErrors: { file: expect.stringMatching(/unknown column `colour`.*missing column `country`/) } });
    // An XLSX named .csv is still read as a workbook.
    const xlsx = await workbook([VENDOR_HEADER.split(","), vendorLine(unique("Named Csv Ltd")).split(",")]);
    expect(await previewSpreadsheetImport({ actor: procurement, kind: "vendors", fileName: "vendors.csv", bytes: xlsx, now: NOW })).toMatchObject({ format: "xlsx", errorCount: 0 });
  });

  describe("a 10,000-row file", () => {
    it("previews and commits every row", { timeout: 480_000 }, async () => {
      const tag = unique("Bulk");
      const lines = Array.from({ length: 10_000 }, (_, i) => vendorLine(`${tag} Vendor ${i} Ltd`, { externalId: `${tag}-${i}` }));
      const previewed = await preview("vendors", utf8(`${VENDOR_HEADER}\n${lines.join("\n")}\n`));
      expect(previewed).toMatchObject({ rowCount: 10_000, errorCount: 0, createCount: 10_000 });
      const page = await getImportPreview({ actor: procurement, importId: previewed.id, query: { page: 200, pageSize: 50 } });
      expect(page.rows.map((r) => r.rowNumber)).toEqual(Array.from({ length: 50 }, (_, i) => 9_952 + i));
      await commitSpreadsheetImport({ actor: procurement, importId: previewed.id, now: NOW });
      expect(await t.db.vendor.count({ where: { legalName: { startsWith: `${tag} Vendor` } } })).toBe(10_000);
      expect(await t.db.vendorExternalId.count({ where: { externalId: { startsWith: `${tag}-` } } })).toBe(10_000);
      const [counted] = await t.db.$queryRaw<{ events: number | bigint }[]>`SELECT COUNT(*) AS events FROM "AuditEvent" e JOIN "Vendor" v ON v."id" = e."entityId" WHERE e."action" = 'vendor.create' AND v."legalName" LIKE ${`${tag} Vendor %`}`;
      expect(Number(counted!.events)).toBe(10_000);
      expect((await verifyAuditChain(t.db)).ok).toBe(true);
    });
  });
});
