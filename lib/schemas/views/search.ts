import type { SearchKind } from "../search";

// What the search page receives from lib/server/services/search.ts.

export interface SearchHit {
  kind: SearchKind;
  id: string;
  vendorId: string;
  vendorName: string;
  title: string;
  /** A second line: the legal name, the contract type, the file name, the finding. */
  detail: string | null;
}

export interface SearchGroup {
  kind: SearchKind;
  /** Matching records, counted up to `capped` and no further (nothing per request grows with the portfolio). */
  total: number;
  /** True when there are more than `total` matches. */
  capped: boolean;
  hits: SearchHit[];
}

export interface SearchResults {
  /** The words searched for (lib/domain/search/search-terms.ts); empty when the text had none. */
  terms: string[];
  /** One group per kind the actor may read, in SEARCH_KINDS order, empty groups included. */
  groups: SearchGroup[];
}
