import { describe, expect, it } from "vitest";
import {
  booleanCell,
  dateCell,
  detectDelimiter,
  escapeFormula,
  excelSerialToIsoDay,
  exportCsvCell,
  moneyCell,
  normaliseDecimal,
  numberCell,
  textCell,
} from "@/lib/domain/imports/spreadsheet-cells";

// Cell conversions of the spreadsheet import and export (docs/import-export.md).

describe("Excel serial dates (1900 date system)", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45658, "2025-01-01"],
    [46022, "2025-12-31"],
    [46022.75, "2025-12-31"],
  ])("%s is %s", (serial, day) => expect(excelSerialToIsoDay(serial)).toBe(day));

  it.each([0, -3, 60, Number.NaN, 3_000_000])("%s is not a day", (serial) => expect(excelSerialToIsoDay(serial)).toBeNull());
});

describe("dateCell", () => {
  it.each<[unknown, string]>([
    ["2026-03-31", "2026-03-31"],
    [" 2026-03-31T00:00:00Z ", "2026-03-31"],
    ["45658", "2025-01-01"],
    [45658, "2025-01-01"],
    [new Date(Date.UTC(2025, 5, 30)), "2025-06-30"],
  ])("%s → %s", (cell, day) => expect(dateCell(cell as never)).toEqual({ ok: true, value: day }));

  it.each(["31/03/2026", "March 3", "2026-3-1"])("%s is not a date", (cell) => expect(dateCell(cell)).toEqual({ ok: false, reason: "not a date (use YYYY-MM-DD)" }));
  it("a blank cell is no value", () => expect(dateCell("  ")).toEqual({ ok: true, value: undefined }));
  it("a formula is refused", () => expect(dateCell({ formula: "TODAY()" })).toMatchObject({ ok: false }));
});

describe("numbers and money with thousands separators", () => {
  it.each<[string, "decimal_point" | "decimal_comma", string | null]>([
    ["1,000,000", "decimal_point", "1000000"],
    ["1,000,000.50", "decimal_point", "1000000.50"],
    ["1.000.000,00", "decimal_comma", "1000000.00"],
    ["1.000.000", "decimal_comma", "1000000"],
    ["1.000.000", "decimal_point", "1000000"],
    ["1 000 000,5", "decimal_comma", "1000000.5"],
    ["1'000'000.25", "decimal_point", "1000000.25"],
    ["2.5", "decimal_point", "2.5"],
    ["2,5", "decimal_comma", "2.5"],
    ["1,000", "decimal_point", "1000"],
    ["1.000,00", "decimal_point", "1000.00"],
    ["12,34,567", "decimal_point", null],
    ["1,0000", "decimal_point", null],
    ["1.2.3,4,5", "decimal_comma", null],
    ["abc", "decimal_point", null],
  ])("%s (%s) → %s", (raw, convention, expected) => expect(normaliseDecimal(raw, convention)).toBe(expected));

  it("money is computed in minor units without floating point", () => {
    expect(moneyCell("1,000,000", "decimal_point", 2)).toEqual({ ok: true, value: 100_000_000 });
    expect(moneyCell("1.000.000,00", "decimal_comma", 2)).toEqual({ ok: true, value: 100_000_000 });
    expect(moneyCell("USD 5,000,000.07", "decimal_point", 2)).toEqual({ ok: true, value: 500_000_007 });
    expect(moneyCell("€1.234,56", "decimal_comma", 2)).toEqual({ ok: true, value: 123_456 });
    expect(moneyCell("1,000,000", "decimal_point", 0)).toEqual({ ok: true, value: 1_000_000 });
    expect(moneyCell(0.29, "decimal_point", 2)).toEqual({ ok: true, value: 29 });
    expect(moneyCell("10.001", "decimal_point", 2)).toEqual({ ok: false, reason: "has more than 2 decimal places" });
    expect(moneyCell("lots", "decimal_point", 2)).toEqual({ ok: false, reason: "not an amount" });
  });

  it("numberCell reads separators and refuses words", () => {
    expect(numberCell("1,200", "decimal_point")).toEqual({ ok: true, value: 1200 });
    expect(numberCell("twelve", "decimal_point")).toEqual({ ok: false, reason: "not a number" });
  });
});

describe("formulas", () => {
  it.each(["=1+1", "+1", "-1", "@SUM(A1)", " =cmd|' /C calc'!A0"])("text %j is refused", (cell) => expect(textCell(cell)).toMatchObject({ ok: false }));
  it("a formula cell of a workbook is refused", () => expect(textCell({ formula: "A1" })).toMatchObject({ ok: false, reason: expect.stringMatching(/formulas/) }));
  it("ordinary text passes, trimmed", () => expect(textCell("  Acme (BPO) = good ")).toEqual({ ok: true, value: "Acme (BPO) = good" }));

  it.each([
    ["=HYPERLINK(1)", "'=HYPERLINK(1)"],
    ["+1", "'+1"],
    ["-1", "'-1"],
    ["@x", "'@x"],
    ["\tx", "'\tx"],
    ["\rx", "'\rx"],
    ["plain", "plain"],
  ])("export escapes %j as %j", (text, escaped) => expect(escapeFormula(text)).toBe(escaped));

  it("export CSV cells quote separators, quotes and line breaks", () => {
    expect(exportCsvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(exportCsvCell("x;y")).toBe('"x;y"');
    expect(exportCsvCell("=1\n2")).toBe("\"'=1\n2\"");
    expect(exportCsvCell(-5)).toBe("-5");
  });
});

describe("delimiters and booleans", () => {
  it.each<[string, "," | ";"]>([
    ["a,b,c\n1;2", ","],
    ["a;b;c\n1,2", ";"],
    ['"a,b";c;d\n', ";"],
    ["single\n", ","],
  ])("%j → %s", (text, delimiter) => expect(detectDelimiter(text)).toBe(delimiter));

  it.each<[unknown, boolean]>([["yes", true], ["Y", true], ["TRUE", true], [true, true], ["no", false], ["0", false], [false, false]])("%s → %s", (cell, value) => expect(booleanCell(cell as never)).toEqual({ ok: true, value }));
  it("anything else is not yes or no", () => expect(booleanCell("maybe")).toEqual({ ok: false, reason: "not yes or no" }));
});
