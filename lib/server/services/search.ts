import { searchTerms } from "@/lib/domain/search/search-terms";
import { SEARCH_GROUP_LIMIT, SEARCH_PAGE_SIZE, searchQuerySchema } from "@/lib/schemas/search";
import type { SearchResults } from "@/lib/schemas/views/search";
import type { Actor } from "../actor";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { can } from "../permissions";
import { querySource } from "../search/query-source";
import { SEARCH_SOURCES, type SearchSource } from "../search/sources";
import { parseInput } from "../validation";

/**
 * The search box: every kind of record the actor may read whose words start
 * with the words typed, grouped by kind. A group the actor's role may not
 * read is not queried at all, so neither its hits nor its count leave the
 * server. With `kind`, one group is paged through instead (SEARCH_PAGE_SIZE a page).
 * `sources` is for tests that need a kind some role may not read.
 */
export async function searchRecords(
  { actor, input }: { actor: Actor; input: unknown },
  sources: readonly SearchSource[] = SEARCH_SOURCES,
): Promise<SearchResults> {
  // The box sits in every page's shell; reading vendors is what every signed-in role does.
  requirePermission(actor, "vendor.read");
  const query = parseInput(searchQuerySchema, input);
  const terms = searchTerms(query.q);
  const readable = sources.filter((source) => can(actor.role, source.permission));
  if (terms.length === 0) return { terms, groups: [] };
  const chosen = query.kind ? readable.filter((source) => source.kind === query.kind) : readable;
  const page = query.kind
    ? { limit: SEARCH_PAGE_SIZE, offset: (query.page - 1) * SEARCH_PAGE_SIZE }
    : { limit: SEARCH_GROUP_LIMIT, offset: 0 };
  const client = db();
  // Together: PostgreSQL runs them on several pooled connections; SQLite's adapter queues them.
  const groups = await Promise.all(chosen.map((source) => querySource(client, source, terms, page)));
  return { terms, groups };
}
