import type { Permission } from "../permissions";
import type { SearchKind } from "@/lib/schemas/search";

/**
 * One kind of record the search box finds. Adding a kind is adding one of
 * these, its index in a migration (both providers) and its link
 * (components/search/search-href.ts); lib/server/search/README.md has the steps.
 */
export interface SearchSource {
  kind: SearchKind;
  /** Who may see this group at all (lib/server/permissions.ts); other roles never get its query run. */
  permission: Permission;
  /** The record's table; hits are its rows, joined back by id (PostgreSQL) or rowid (SQLite). */
  table: string;
  /** SQLite: the FTS5 external-content index over `table` (prisma/migrations/sqlite/*_global_search). */
  ftsTable: string;
  /**
   * PostgreSQL: the tsvector expression of the GIN index over `table`,
   * character for character as the migration wrote it (the planner matches
   * index expressions textually after parsing; a different spelling scans).
   */
  tsvector: string;
  /** The hit's columns from the record `r` and its vendor `v`: id, vendorId, vendorName, title, detail. */
  columns: string;
  /** How `v` joins `r`; empty when the record is the vendor itself. */
  vendorJoin: string;
}

/** The migration's document: punctuation to spaces (so file names split into words), 'simple' config (no stemming). */
function tsvectorOf(...columns: string[]): string {
  const text = columns.map((c) => `coalesce("${c}", '')`).join(" || ' ' || ");
  return `to_tsvector('simple'::regconfig, regexp_replace(${text}, '[[:punct:]]+', ' ', 'g'))`;
}

const VENDOR_OF_RECORD = `JOIN "Vendor" v ON v."id" = r."vendorId"`;

export const SEARCH_SOURCES: readonly SearchSource[] = [
  {
    kind: "vendor",
    permission: "vendor.read",
    table: "Vendor",
    ftsTable: "search_vendor",
    tsvector: tsvectorOf("name", "legalName"),
    columns: `r."id" AS "id", r."id" AS "vendorId", r."name" AS "vendorName", r."name" AS "title", r."legalName" AS "detail"`,
    vendorJoin: "",
  },
  {
    kind: "contract",
    // The Legal tab, where contracts are listed, is part of the vendor page everyone reads.
    permission: "vendor.read",
    table: "Contract",
    ftsTable: "search_contract",
    tsvector: tsvectorOf("title"),
    columns: `r."id" AS "id", r."vendorId" AS "vendorId", v."name" AS "vendorName", coalesce(r."title", r."type") AS "title", r."type" AS "detail"`,
    vendorJoin: VENDOR_OF_RECORD,
  },
  {
    kind: "evidence",
    permission: "evidence.read",
    table: "EvidenceDocument",
    ftsTable: "search_evidence",
    tsvector: tsvectorOf("title", "fileName"),
    columns: `r."id" AS "id", r."vendorId" AS "vendorId", v."name" AS "vendorName", coalesce(r."title", r."fileName") AS "title", r."fileName" AS "detail"`,
    vendorJoin: VENDOR_OF_RECORD,
  },
  {
    kind: "remediation",
    // Remediation items are conditions of an assessment's approval and show on its Assessments tab.
    permission: "assessment.read",
    table: "RemediationItem",
    ftsTable: "search_remediation",
    tsvector: tsvectorOf("title", "findingMessage"),
    columns: `r."id" AS "id", r."vendorId" AS "vendorId", v."name" AS "vendorName", r."title" AS "title", r."findingMessage" AS "detail"`,
    vendorJoin: VENDOR_OF_RECORD,
  },
  {
    kind: "finding",
    // Open findings, as the rules engine last computed them (VendorFinding), show on every vendor page.
    permission: "vendor.read",
    table: "VendorFinding",
    ftsTable: "search_finding",
    tsvector: tsvectorOf("message"),
    columns: `r."id" AS "id", r."vendorId" AS "vendorId", v."name" AS "vendorName", r."message" AS "title", r."severity" AS "detail"`,
    vendorJoin: VENDOR_OF_RECORD,
  },
];
