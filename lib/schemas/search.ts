import { z } from "zod";

// The global search query (app/(app)/search, lib/server/services/search.ts):
// the text as typed, optionally one kind of record to page through.

export const SEARCH_KINDS = ["vendor", "contract", "evidence", "remediation", "finding"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  vendor: "Vendors",
  contract: "Contracts",
  evidence: "Evidence documents",
  remediation: "Remediation items",
  finding: "Open findings",
};

export const SEARCH_TEXT_MAX = 200;
/** Hits per group on the overview; "show all" pages one kind. */
export const SEARCH_GROUP_LIMIT = 10;
export const SEARCH_PAGE_SIZE = 50;
/** Top matches per group under the box while typing. */
export const SEARCH_SUGGESTIONS_PER_GROUP = 3;

export const searchQuerySchema = z.object({
  q: z.string().trim().max(SEARCH_TEXT_MAX, `Search for at most ${SEARCH_TEXT_MAX} characters.`).default(""),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});
export type SearchQuery = z.infer<typeof searchQuerySchema>;
