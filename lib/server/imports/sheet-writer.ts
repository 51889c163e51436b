import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import { escapeFormula, exportCsvLine } from "@/lib/domain/imports/spreadsheet-cells";
import type { ExportFormat } from "@/lib/schemas/spreadsheet-import";

// Writes a header and rows as CSV or XLSX, row by row, for exports and
// templates (docs/import-export.md). Text cells that a spreadsheet would run
// as a formula (= + - @ tab CR) get a leading apostrophe in both formats: an
// XLSX string cell is never a formula, but the same sheet saved as CSV would be.

export type SheetValue = string | number | boolean | null | undefined;

export const SHEET_CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/** CSV text, piece by piece; a byte-order mark first so Excel reads UTF-8. */
export async function* csvPieces(header: readonly string[], rows: AsyncIterable<readonly SheetValue[]> | Iterable<readonly SheetValue[]>): AsyncGenerator<string> {
  yield `\uFEFF${exportCsvLine(header)}`;
  for await (const row of rows) yield exportCsvLine(row);
}

function xlsxValue(value: SheetValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  return typeof value === "string" ? escapeFormula(value) : value;
}

/**
 * An XLSX workbook with one sheet, written by exceljs's streaming writer: each
 * row is committed to the ZIP as it comes, so the workbook is never whole in memory.
 */
export function xlsxStream(sheetName: string, header: readonly string[], rows: AsyncIterable<readonly SheetValue[]> | Iterable<readonly SheetValue[]>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName);
  void (async () => {
    try {
      sheet.addRow([...header]).commit();
      for await (const row of rows) sheet.addRow(row.map(xlsxValue)).commit();
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    }
  })();
  return out;
}

/** A whole (small) workbook in memory: templates. */
export async function xlsxBytes(sheetName: string, header: readonly string[], rows: readonly (readonly SheetValue[])[]): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of xlsxStream(sheetName, header, rows)) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
