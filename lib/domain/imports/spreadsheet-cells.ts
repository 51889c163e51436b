import { addDaysToDay, formatIsoDay } from "../dates";

// Turning spreadsheet cells into the values the form schemas take, and back
// (docs/import-export.md). Pure: the readers (lib/server/imports) hand these
// functions what csv-parse or exceljs produced, and the schemas decide what is
// valid. Each function answers either a value or a short reason for people
// ("not a date"), never throws.

/** A cell as a reader yields it: CSV gives text; XLSX also numbers, booleans, dates and formulas. */
export type SheetCell = string | number | boolean | Date | { formula: string } | null;

export type CellResult<T> = { ok: true; value: T | undefined } | { ok: false; reason: string };

const ok = <T>(value: T | undefined): CellResult<T> => ({ ok: true, value });
const fail = (reason: string): CellResult<never> => ({ ok: false, reason });

/** How numbers are written in the file: "1,000,000.50" (decimal point) or "1.000.000,50" (decimal comma). */
export type NumberConvention = "decimal_point" | "decimal_comma";

export function isFormulaCell(cell: SheetCell): cell is { formula: string } {
  return typeof cell === "object" && cell !== null && !(cell instanceof Date);
}

/**
 * Spreadsheet programs run a text cell starting with one of these as a
 * formula (OWASP "CSV injection"): refused in text fields on the way in,
 * neutralised with a leading apostrophe on the way out.
 */
const FORMULA_START = /^[=+\-@]/;
const EXPORT_ESCAPE_START = /^[=+\-@\t\r]/;

function isBlank(cell: SheetCell): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** Free text: anything but a formula. */
export function textCell(cell: SheetCell): CellResult<string> {
  if (isFormulaCell(cell)) return fail("formulas are not accepted; type the value itself");
  if (isBlank(cell)) return ok(undefined);
  if (cell instanceof Date) return ok(formatIsoDay(cell));
  const text = String(cell).trim();
  if (FORMULA_START.test(text)) return fail(`starts with "${text[0]}", which spreadsheets run as a formula; remove it`);
  return ok(text);
}

/** A list in one cell, items separated by ";", "," or "|" (the vocabularies contain none of them). */
export function listCell(cell: SheetCell): CellResult<string[]> {
  const text = textCell(cell);
  if (!text.ok) return text;
  if (text.value === undefined) return ok([]);
  return ok(
    text.value
      .split(/[;,|\n]/)
      .map((s) => s.trim())
      .filter((s) => s !== ""),
  );
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

export function booleanCell(cell: SheetCell): CellResult<boolean> {
  if (isFormulaCell(cell)) return fail("formulas are not accepted; type yes or no");
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === "boolean") return ok(cell);
  const text = String(cell).trim().toLowerCase();
  if (YES.has(text)) return ok(true);
  if (NO.has(text)) return ok(false);
  return fail("not yes or no");
}

/**
 * Excel's day count (1900 date system): serial 1 is 1900-01-01 and Excel
 * counts a 29 February 1900 that never was, so from serial 61 on day 0 is
 * 1899-12-30. Fractions are a time of day, dropped for a date field.
 */
export function excelSerialToIsoDay(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2_958_466) return null;
  const whole = Math.floor(serial);
  if (whole === 60) return null; // the phantom 1900-02-29
  return addDaysToDay("1899-12-30", whole < 60 ? whole + 1 : whole);
}

/** A calendar day: "YYYY-MM-DD" text, an XLSX date cell, or an Excel serial (as number or digits). The schema then checks it is a real date. */
export function dateCell(cell: SheetCell): CellResult<string> {
  if (isFormulaCell(cell)) return fail("formulas are not accepted; type the date as YYYY-MM-DD");
  if (isBlank(cell)) return ok(undefined);
  // exceljs reads date cells as UTC midnight of the day shown.
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? fail("not a date") : ok(cell.toISOString().slice(0, 10));
  if (typeof cell === "number" || (typeof cell === "string" && /^\d{1,7}(\.\d+)?$/.test(cell.trim()))) {
    const day = excelSerialToIsoDay(Number(cell));
    return day ? ok(day) : fail("not a date");
  }
  const text = String(cell).trim();
  const day = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+Z?)?$/.exec(text)?.[1];
  return day ? ok(day) : fail("not a date (use YYYY-MM-DD)");
}

/**
 * "1,234,567.89" or "1.234.567,89" (or with spaces or apostrophes as
 * thousands separators) as a decimal string "1234567.89". When both a point
 * and a comma appear, the last one is the decimal mark whatever the
 * convention; otherwise the file's convention decides.
 */
export function normaliseDecimal(raw: string, convention: NumberConvention): string | null {
  let text = raw.trim().replace(/[\s\u00a0\u202f']/g, "");
  const negative = text.startsWith("-");
  if (negative) text = text.slice(1);
  if (!/^[0-9.,]+$/.test(text) || !/[0-9]/.test(text)) return null;
  const lastPoint = text.lastIndexOf(".");
  const lastComma = text.lastIndexOf(",");
  let decimal: "." | "," | null;
  if (lastPoint >= 0 && lastComma >= 0) decimal = lastPoint > lastComma ? "." : ",";
  else if (lastPoint < 0 && lastComma < 0) decimal = null;
  else {
    const mark = lastPoint >= 0 ? "." : ",";
    const conventionMark = convention === "decimal_point" ? "." : ",";
    // "1.000.000" has the mark more than once: thousands, whatever the convention.
    decimal = mark === conventionMark && text.indexOf(mark) === text.lastIndexOf(mark) ? mark : null;
  }
  const [integer = "", fraction, extra] = decimal ? text.split(decimal) : [text];
  if (extra !== undefined || (fraction !== undefined && !/^\d+$/.test(fraction))) return null;
  const groupMark = decimal === "." ? "," : decimal === "," ? "." : /[.,]/.exec(integer)?.[0];
  const groups = groupMark ? integer.split(groupMark) : [integer];
  if (groups.length > 1 && !(/^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g)))) return null;
  const digits = groups.join("");
  if (!/^\d+$/.test(digits)) return null;
  return `${negative ? "-" : ""}${digits}${fraction !== undefined ? `.${fraction}` : ""}`;
}

/** A plain number (counts, headcounts). */
export function numberCell(cell: SheetCell, convention: NumberConvention): CellResult<number> {
  if (isFormulaCell(cell)) return fail("formulas are not accepted; type the number");
  if (isBlank(cell)) return ok(undefined);
  if (typeof cell === "number") return ok(cell);
  const decimal = normaliseDecimal(String(cell), convention);
  return decimal === null ? fail("not a number") : ok(Number(decimal));
}

/**
 * An amount of money in the currency's minor units (README.md: integer minor
 * units, never floats): "1,000,000" USD → 100000000. Computed on the digits,
 * so no floating-point rounding creeps in.
 */
export function moneyCell(cell: SheetCell, convention: NumberConvention, exponent: number): CellResult<number> {
  if (isFormulaCell(cell)) return fail("formulas are not accepted; type the amount");
  if (isBlank(cell)) return ok(undefined);
  const decimal = typeof cell === "number" ? (Number.isFinite(cell) ? cell.toFixed(exponent) : null) : normaliseDecimal(String(cell).replace(/^[A-Z]{3}\s*|[$€£¥₹]/g, ""), convention);
  if (decimal === null) return fail("not an amount");
  const [integer, fraction = ""] = decimal.split(".");
  if (fraction.length > exponent && /[^0]/.test(fraction.slice(exponent))) return fail(`has more than ${exponent} decimal places`);
  const minor = BigInt(integer!) * 10n ** BigInt(exponent) + BigInt((fraction.slice(0, exponent) || "0").padEnd(exponent, "0")) * (integer!.startsWith("-") ? -1n : 1n);
  if (minor > BigInt(Number.MAX_SAFE_INTEGER) || minor < -BigInt(Number.MAX_SAFE_INTEGER)) return fail("is too large");
  return ok(Number(minor));
}

/**
 * The delimiter of a CSV file from its header line: semicolon when it holds
 * more semicolons than commas outside quotes (Excel writes ";" where the
 * decimal mark is a comma), else comma.
 */
export function detectDelimiter(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** A file written with ";" comes from a locale whose decimal mark is a comma. */
export function conventionFor(delimiter: "," | ";"): NumberConvention {
  return delimiter === ";" ? "decimal_comma" : "decimal_point";
}

/** An exported text cell that a spreadsheet would run as a formula, prefixed with an apostrophe. */
export function escapeFormula(text: string): string {
  return EXPORT_ESCAPE_START.test(text) ? `'${text}` : text;
}

/** One RFC 4180 CSV cell of an export: formulas neutralised, quoted when needed. */
export function exportCsvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? escapeFormula(value) : String(value);
  return /[",\r\n;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function exportCsvLine(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(exportCsvCell).join(",") + "\r\n";
}
