import { exportCsvLine } from "@/lib/domain/imports/spreadsheet-cells";
import { IMPORT_COLUMNS, type ExportFormat, type ImportKind } from "@/lib/schemas/spreadsheet-import";
import { xlsxBytes } from "./sheet-writer";

// The downloadable template of each import type: the header row the import
// expects and one example row (docs/import-export.md lists the columns).

export async function importTemplate(kind: ImportKind, format: ExportFormat): Promise<{ fileName: string; bytes: Uint8Array }> {
  const columns = IMPORT_COLUMNS[kind];
  const header = columns.map((c) => c.column);
  const example = columns.map((c) => c.example);
  const fileName = `assay-import-${kind}.${format}`;
  if (format === "xlsx") return { fileName, bytes: await xlsxBytes(kind, header, [example]) };
  return { fileName, bytes: new TextEncoder().encode(`\uFEFF${exportCsvLine(header)}${exportCsvLine(example)}`) };
}
