import type { z } from "zod";
import { futureDatedFieldErrors } from "@/lib/domain/assurance/future-dated";
import { currencyExponent } from "@/lib/domain/money";
import {
  booleanCell,
  dateCell,
  listCell,
  moneyCell,
  numberCell,
  textCell,
  type CellResult,
  type NumberConvention,
  type SheetCell,
} from "@/lib/domain/imports/spreadsheet-cells";
import { RECORD_KINDS } from "@/lib/schemas/dossier-record-kinds";
import { IMPORT_COLUMNS, IMPORT_RECORD_KIND, type ImportColumn, type ImportKind } from "@/lib/schemas/spreadsheet-import";
import { vendorFieldsSchema } from "@/lib/schemas/vendor";
import { AppError } from "../errors";
import type { Sheet } from "./read-spreadsheet";

// Maps each row of a sheet onto the input of the form schema of its import
// type and validates it with that very schema (vendor profile, delivery site,
// SOC 2, ISO, insurance: lib/schemas), so an import accepts exactly what the
// forms accept. Errors name the spreadsheet column, not the schema field.

export interface RowError {
  column: string | null;
  message: string;
}

/** Fields that are not part of the record: how to find the vendor, the owner, the external id. */
const META_FIELDS = new Set(["externalId", "vendorExternalId", "vendorLegalName", "ownerEmail"]);

/** Fields the forms always send (an empty list, no owner) that a sheet may leave out. */
const DEFAULT_INPUT: Record<ImportKind, Record<string, unknown>> = {
  vendors: { ownerId: "", dataCategories: [] },
  sites: {},
  soc2: { carvedOutSubservices: [] },
  // Site coverage is chosen on the certificate form from the vendor's recorded sites; a sheet cannot name them.
  iso: { coveredSiteIds: [] },
  insurance: {},
};

export interface MappedRow {
  rowNumber: number;
  /** The schema's output (what the services store); null when the row has errors. */
  data: Record<string, unknown> | null;
  meta: { externalId?: string; vendorExternalId?: string; vendorLegalName?: string; ownerEmail?: string };
  errors: RowError[];
}

export function schemaFor(kind: ImportKind): z.ZodType {
  return kind === "vendors" ? vendorFieldsSchema : RECORD_KINDS[IMPORT_RECORD_KIND[kind]].schema;
}

/** The header must be the template's: every required column present, nothing unknown, nothing twice. */
export function checkHeader(kind: ImportKind, header: readonly string[]): Map<string, number> {
  const columns = IMPORT_COLUMNS[kind];
  const known = new Set(columns.map((c) => c.column));
  const index = new Map<string, number>();
  const problems: string[] = [];
  header.forEach((name, i) => {
    if (name === "") return;
    if (!known.has(name)) problems.push(`unknown column \`${name}\``);
    else if (index.has(name)) problems.push(`column \`${name}\` appears twice`);
    else index.set(name, i);
  });
  for (const c of columns) if (c.required && !index.has(c.column)) problems.push(`missing column \`${c.column}\``);
  if (kind !== "vendors" && !index.has("vendor_external_id") && !index.has("vendor_legal_name")) problems.push("missing column `vendor_legal_name` (or `vendor_external_id`)");
  if (problems.length > 0) {
    const message = `The header row does not match the ${kind} template: ${problems.join("; ")}. Download the template to see the columns.`;
    throw new AppError("VALIDATION", message, { file: message });
  }
  return index;
}

function convert(column: ImportColumn, cell: SheetCell, convention: NumberConvention, exponent: number): CellResult<unknown> {
  switch (column.type) {
    case "text":
      return textCell(cell);
    case "list":
      return listCell(cell);
    case "date":
      return dateCell(cell);
    case "number":
      return numberCell(cell, convention);
    case "boolean":
      return booleanCell(cell);
    case "money":
      return moneyCell(cell, convention, exponent);
  }
}

/** Rows validated between two yields to the event loop: a 10,000-row file must not stall other requests. */
const ROWS_PER_SLICE = 250;

/**
 * Every data row of `sheet` mapped and validated; `now` is for the "not dated
 * in the future" rule the record forms apply. Yields to the event loop every
 * few hundred rows.
 */
export async function mapRows(kind: ImportKind, sheet: Sheet, now: Date): Promise<MappedRow[]> {
  const out: MappedRow[] = [];
  const mapOne = rowMapper(kind, sheet, now);
  for (let i = 0; i < sheet.rows.length; i++) {
    if (i > 0 && i % ROWS_PER_SLICE === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    out.push(mapOne(sheet.rows[i]!));
  }
  return out;
}

function rowMapper(kind: ImportKind, sheet: Sheet, now: Date): (row: Sheet["rows"][number]) => MappedRow {
  const index = checkHeader(kind, sheet.header);
  const columns = IMPORT_COLUMNS[kind].filter((c) => index.has(c.column));
  const schema = schemaFor(kind);
  const byField = new Map(columns.map((c) => [c.field, c.column]));
  const currencyAt = index.get("currency");
  return ({ rowNumber, cells }) => {
    const errors: RowError[] = [];
    const input: Record<string, unknown> = { ...DEFAULT_INPUT[kind] };
    const meta: MappedRow["meta"] = {};
    const failed = new Set<string>();
    const currency = currencyAt === undefined ? "" : String(cells[currencyAt] ?? "").trim().toUpperCase();
    const exponent = /^[A-Z]{3}$/.test(currency) ? currencyExponent(currency) : 2;
    for (const column of columns) {
      const result = convert(column, cells[index.get(column.column)!] ?? null, sheet.convention, exponent);
      if (!result.ok) {
        errors.push({ column: column.column, message: result.reason });
        failed.add(column.field);
      } else if (META_FIELDS.has(column.field)) {
        if (result.value !== undefined) meta[column.field as keyof MappedRow["meta"]] = result.value as string;
      } else if (result.value !== undefined) {
        input[column.field] = result.value;
      } else if (column.type === "text" && !column.required) {
        // An optional text left blank is "" to the forms.
        input[column.field] = "";
      }
    }
    if (kind !== "vendors" && !meta.vendorExternalId && !meta.vendorLegalName && !failed.has("vendorLegalName")) {
      errors.push({ column: "vendor_legal_name", message: "name the vendor (legal name or external id)" });
    }
    const parsed = schema.safeParse(input);
    let data: Record<string, unknown> | null = null;
    if (parsed.success) {
      data = parsed.data as Record<string, unknown>;
      if (kind !== "vendors") {
        for (const [field, message] of Object.entries(futureDatedFieldErrors(IMPORT_RECORD_KIND[kind], data, now))) {
          errors.push({ column: byField.get(field) ?? null, message });
        }
      }
    } else {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? "");
        if (failed.has(field)) continue;
        const column = byField.get(field) ?? null;
        const message = column === null && field !== "" ? `${field}: ${issue.message}` : issue.message;
        if (!errors.some((e) => e.column === column && e.message === message)) errors.push({ column, message });
      }
    }
    return { rowNumber, data: errors.length === 0 ? data : null, meta, errors };
  };
}
