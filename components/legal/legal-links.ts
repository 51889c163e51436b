import type { LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";

// Addresses on the Legal tab, shared by server pages and client forms.

/** The Legal tab, optionally scrolled to a row (`#record-<id or clause code or country>`). */
export function legalAnchorHref(vendorId: string, anchor?: string): string {
  return `/vendors/${vendorId}/legal${anchor ? `#record-${anchor}` : ""}`;
}

/** The form of one legal record: `key` is "new", a record id, a clause code, a country or "current" (DPA). */
export function legalFormHref(vendorId: string, kind: LegalRecordKindKey, key: string, query?: Record<string, string>): string {
  const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : "";
  return `/vendors/${vendorId}/legal/${kind}/${encodeURIComponent(key)}${qs}`;
}

export function clauseFinderHref(vendorId: string, analysisId: string): string {
  return `/vendors/${vendorId}/legal/clause-finder/${analysisId}`;
}
