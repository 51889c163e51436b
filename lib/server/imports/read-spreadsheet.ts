import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { conventionFor, detectDelimiter, type NumberConvention, type SheetCell } from "@/lib/domain/imports/spreadsheet-cells";
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from "@/lib/schemas/spreadsheet-import";
import { AppError } from "../errors";

// Reads an uploaded CSV or XLSX into a header row and data rows of cells
// (docs/import-export.md). The type is decided by the bytes, never by the
// file name: an XLSX is a ZIP that exceljs can open, anything else must be
// UTF-8 text (a byte-order mark is dropped) without NUL bytes.

export interface Sheet {
  format: "csv" | "xlsx";
  convention: NumberConvention;
  header: string[];
  /** Data rows; rowNumber is the spreadsheet's own (the header is row 1). */
  rows: { rowNumber: number; cells: SheetCell[] }[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function fileError(message: string): AppError {
  return new AppError("VALIDATION", message, { file: message });
}

function isZip(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<Sheet> {
  if (bytes.length === 0) throw fileError("The file is empty.");
  if (bytes.length > IMPORT_MAX_BYTES) throw fileError(`The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB; split it into several imports.`);
  const sheet = isZip(bytes) ? await readXlsx(bytes) : readCsv(bytes);
  if (sheet.header.every((h) => h === "")) throw fileError("The first row must be the header row of the template.");
  if (sheet.rows.length === 0) throw fileError("The file has a header row but no data rows.");
  if (sheet.rows.length > IMPORT_MAX_ROWS) throw fileError(`The file has ${sheet.rows.length} rows; import at most ${IMPORT_MAX_ROWS} at a time.`);
  return sheet;
}

function readCsv(bytes: Uint8Array): Sheet {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw fileError("The file is neither an XLSX workbook nor UTF-8 CSV text. Save it as CSV UTF-8 or as an Excel workbook (.xlsx).");
  }
  if (text.includes("\u0000")) throw fileError("The file is neither an XLSX workbook nor CSV text.");
  const delimiter = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: true, info: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw fileError(`The CSV could not be read${line ? ` near line ${line}` : ""}: ${(error as Error).message.replace(/^Invalid [^:]*: /, "")}`);
  }
  const [header = [], ...data] = records;
  // csv-parse counts lines, not records; a quoted multi-line cell makes them differ, so rows are numbered as records.
  return {
    format: "csv",
    convention: conventionFor(delimiter),
    header: header.map((h) => h.trim().toLowerCase()),
    rows: data.filter((r) => r.some((c) => c.trim() !== "")).map((cells, i) => ({ rowNumber: i + 2, cells })),
  };
}

async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw fileError("The file is a ZIP archive but not an Excel workbook (.xlsx).");
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw fileError("The workbook has no worksheet.");
  const width = worksheet.getRow(1).cellCount;
  const header: string[] = [];
  for (let c = 1; c <= width; c++) header.push(cellText(worksheet.getRow(1).getCell(c).value).trim().toLowerCase());
  const rows: Sheet["rows"] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: SheetCell[] = [];
    for (let c = 1; c <= width; c++) cells.push(sheetCell(row.getCell(c).value));
    if (cells.some((c) => c !== null && c !== "")) rows.push({ rowNumber, cells });
  });
  // Numbers in a workbook are numbers: there is no thousands separator to interpret.
  return { format: "xlsx", convention: "decimal_point", header, rows };
}

function cellText(value: ExcelJS.CellValue): string {
  const cell = sheetCell(value);
  return cell === null || typeof cell === "object" ? "" : String(cell);
}

function sheetCell(value: ExcelJS.CellValue): SheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if ("formula" in value || "sharedFormula" in value) return { formula: String((value as { formula?: string }).formula ?? "") };
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("text" in value && typeof value.text === "string") return value.text;
  if ("error" in value) return null;
  return null;
}
