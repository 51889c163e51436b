import { z } from "zod";
import type { RecordKindKey } from "./dossier-record-kinds";

// The spreadsheet import (docs/import-export.md): one import type per kind of
// thing a row creates, each a list of columns mapped onto the fields of the
// form schema that validates it (vendor profile, delivery site, SOC 2, ISO,
// insurance). The column names are the template's header row; `example` is
// its example row.

export const IMPORT_KINDS = ["vendors", "sites", "soc2", "iso", "insurance"] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const importKindSchema = z.enum(IMPORT_KINDS, { error: "Choose what the file holds" });

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  vendors: "Vendors (profile, owner, status)",
  sites: "Delivery sites",
  soc2: "SOC 2 reports",
  iso: "ISO/IEC 27001 certificates",
  insurance: "Cyber insurance policies",
};

/** The dossier record kind each evidence import writes (vendors write the profile instead). */
export const IMPORT_RECORD_KIND: Record<Exclude<ImportKind, "vendors">, RecordKindKey> = {
  sites: "site",
  soc2: "soc2",
  iso: "iso",
  insurance: "insurance",
};

export type ColumnType = "text" | "list" | "date" | "number" | "money" | "boolean";

export interface ImportColumn {
  column: string;
  /** The schema field it fills (special: vendor matching, owner e-mail, external id). */
  field: string;
  type: ColumnType;
  required: boolean;
  example: string;
  help: string;
}

const col = (column: string, field: string, type: ColumnType, required: boolean, example: string, help: string): ImportColumn => ({ column, field, type, required, example, help });

/** The vendor a record row belongs to: its external id, or else its legal name. */
const VENDOR_MATCH_COLUMNS = [
  col("vendor_external_id", "vendorExternalId", "text", false, "ERP-1042", "The vendor's id in your procurement system (set by a vendor import)"),
  col("vendor_legal_name", "vendorLegalName", "text", false, "Acme Support Services Ltd", "The vendor's registered legal name, exactly as in Assay (when there is no external id)"),
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ImportColumn[]> = {
  vendors: [
    col("external_id", "externalId", "text", false, "ERP-1042", "Your procurement system's id; a later import with the same id updates this vendor"),
    col("name", "name", "text", true, "Acme Support", "Display name"),
    col("legal_name", "legalName", "text", true, "Acme Support Services Ltd", "Registered legal name; matches an existing vendor when there is no external id"),
    col("website", "website", "text", false, "https://acme.example", "Full web address"),
    col("country", "country", "text", true, "PH", "Headquarters, ISO 3166 two-letter code"),
    col("services", "services", "list", true, "email; chat", "email, chat, phone, back_office (separate with ; or |)"),
    col("industries", "industries", "list", true, "fintech", "Industries served for us (fintech, healthcare, ecommerce, …)"),
    col("data_categories", "dataCategories", "list", false, "contact_pii; payment_card", "Data the agents see"),
    col("access_level", "accessLevel", "text", true, "trigger_resets", "read_only, trigger_resets, change_billing or admin"),
    col("status", "status", "text", true, "active", "prospective, active or offboarded"),
    col("owner_email", "ownerEmail", "text", false, "", "E-mail of an active Assay user who owns the vendor"),
  ],
  sites: [
    ...VENDOR_MATCH_COLUMNS,
    col("country", "country", "text", true, "PH", "ISO 3166 two-letter code"),
    col("city", "city", "text", true, "Manila", "City"),
    col("mode", "mode", "text", true, "remote", "onsite or remote"),
    col("headcount", "headcount", "number", true, "120", "Number of agents"),
    col("edr", "edr", "boolean", false, "yes", "Remote sites: EDR on agent machines (yes/no)"),
    col("vpn", "vpn", "boolean", false, "yes", "Remote sites: VPN (yes/no)"),
    col("mfa", "mfa", "boolean", false, "yes", "Remote sites: MFA (yes/no)"),
    col("vdi", "vdi", "boolean", false, "no", "Remote sites: VDI (yes/no)"),
  ],
  soc2: [
    ...VENDOR_MATCH_COLUMNS,
    col("soc2_type", "type", "text", true, "type2", "type1 or type2"),
    col("soc2_period_start", "periodStart", "date", true, "2025-01-01", "Audit period start (YYYY-MM-DD or an Excel date)"),
    col("soc2_period_end", "periodEnd", "date", true, "2025-12-31", "Audit period end"),
    col("soc2_issue_date", "issueDate", "date", true, "2026-02-15", "Report issue date"),
    col("auditor", "auditor", "text", true, "Example Assurance LLP", "Audit firm"),
    col("opinion", "opinion", "text", true, "unqualified", "unqualified, qualified, adverse or disclaimer"),
    col("exception_count", "exceptionCount", "number", true, "0", "Number of exceptions"),
    col("carved_out_subservices", "carvedOutSubservices", "list", false, "AWS", "Carved-out sub-service organisations (separate with ;)"),
    col("bridge_letter_date", "bridgeLetterDate", "date", false, "", "Bridge letter date, if any"),
  ],
  iso: [
    ...VENDOR_MATCH_COLUMNS,
    col("certificate_number", "certificateNumber", "text", true, "IS 712345", "Certificate number"),
    col("certification_body", "certificationBody", "text", true, "Example Certification Ltd", "Certification body"),
    col("accredited", "accredited", "boolean", true, "yes", "Accredited certification body (yes/no)"),
    col("standard_version", "standardVersion", "text", true, "2022", "2013 or 2022"),
    col("iso_issue_date", "issueDate", "date", true, "2025-03-01", "Issue date"),
    col("iso_expiry_date", "expiryDate", "date", true, "2028-02-28", "Expiry date"),
    col("scope", "scopeText", "text", true, "Customer support operations in Manila", "The certificate's scope statement"),
  ],
  insurance: [
    ...VENDOR_MATCH_COLUMNS,
    col("carrier", "carrier", "text", true, "Example Mutual", "Insurance carrier"),
    col("policy_number", "policyNumber", "text", true, "CY-2026-0042", "Policy number"),
    col("currency", "currency", "text", true, "USD", "Three-letter currency code of the limits"),
    col("per_occurrence_limit", "perOccurrenceMinor", "money", true, "1,000,000", "Per-occurrence limit in the currency (thousands separators allowed)"),
    col("aggregate_limit", "aggregateMinor", "money", true, "5,000,000", "Aggregate limit"),
    col("insurance_expiry_date", "expiryDate", "date", true, "2026-12-31", "Policy expiry date"),
    col("additional_insured", "additionalInsured", "boolean", true, "yes", "Are we named as additional insured (yes/no)"),
  ],
};

/** Permission-free facts the import page shows: largest file, rows per preview page. */
export const IMPORT_MAX_BYTES = 8 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;

export const importUploadSchema = z.object({ kind: importKindSchema });

export const importPreviewQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50).catch(50),
  /** Only rows with errors. */
  errors: z.enum(["1"]).optional().catch(undefined),
});
export type ImportPreviewQuery = z.infer<typeof importPreviewQuerySchema>;

export const importCommitSchema = z.object({ importId: z.string().trim().min(1).max(64) });

export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: "Choose csv or xlsx" });

export const EXPORT_KINDS = ["vendors", "findings", "calendar"] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
