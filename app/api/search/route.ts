import { SEARCH_SUGGESTIONS_PER_GROUP } from "@/lib/schemas/search";
import type { SearchResults } from "@/lib/schemas/views/search";
import { requireActor } from "@/lib/server/auth";
import { handleRoute } from "@/lib/server/route-errors";
import { searchRecords } from "@/lib/server/services/search";

export const dynamic = "force-dynamic";

/**
 * The shell search box's top matches as someone types (?q=…): the search of
 * /search, each group cut to its first few. Permission-checked and validated
 * by the service, like the page.
 */
export async function GET(request: Request) {
  return handleRoute(async () => {
    const actor = await requireActor();
    const q = new URL(request.url).searchParams.get("q") ?? "";
    const results = await searchRecords({ actor, input: { q } });
    const body: SearchResults = { terms: results.terms, groups: results.groups.map((g) => ({ ...g, hits: g.hits.slice(0, SEARCH_SUGGESTIONS_PER_GROUP) })) };
    return Response.json(body, { headers: { "Cache-Control": "private, no-store" } });
  });
}
