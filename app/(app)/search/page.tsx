import type { Metadata } from "next";
import Link from "next/link";
import { SearchGroupSection } from "@/components/search/search-results";
import { Pagination } from "@/components/ui/pagination";
import { SEARCH_KIND_LABELS, SEARCH_PAGE_SIZE, searchQuerySchema } from "@/lib/schemas/search";
import { firstValues } from "@/lib/schemas/search-params";
import type { SearchResults } from "@/lib/schemas/views/search";
import { requirePageActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { searchRecords } from "@/lib/server/services/search";

export const metadata: Metadata = { title: "Search" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** /search?q=…: every kind the role may read, ten hits each; &kind=… pages through one kind. */
export default async function SearchPage({ searchParams }: Props) {
  const actor = await requirePageActor("vendor.read");
  const raw = firstValues(await searchParams);
  let results: SearchResults | null = null;
  let error: string | null = null;
  try {
    results = await searchRecords({ actor, input: raw });
  } catch (e) {
    // Bad input (text too long) is a message next to the box, never an error page.
    if (!(e instanceof AppError) || e.code !== "VALIDATION") throw e;
    error = e.fieldErrors?.q ?? e.message;
  }
  const query = searchQuerySchema.safeParse(raw);
  const q = query.success ? query.data.q : "";
  const kind = query.success ? query.data.kind : undefined;
  const page = query.success ? query.data.page : 1;
  const hitCount = results?.groups.reduce((sum, g) => sum + g.total, 0) ?? 0;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>{kind ? `${SEARCH_KIND_LABELS[kind]} matching “${q}”` : q ? `Search results for “${q}”` : "Search"}</h1>
          {results && results.terms.length > 0 ? (
            <p className="muted" role="status" data-testid="search-summary">
              {hitCount === 0 ? "Nothing matches." : `Words starting with: ${results.terms.join(", ")}`}
            </p>
          ) : null}
        </div>
        {kind ? <Link className="btn" href={`/search?${new URLSearchParams({ q })}`}>All kinds</Link> : null}
      </div>
      {error ? (
        <p className="error" role="alert" id="search-error">{error}</p>
      ) : !results || results.terms.length === 0 ? (
        <p className="muted">Type a name or a few words in the search box above (press / to get there). Every word counts as the start of a word: &ldquo;acm&rdquo; finds Acme.</p>
      ) : kind ? (
        results.groups.map((group) => (
          <div key={group.kind}>
            <SearchGroupSection group={group} />
            <Pagination page={page} pageSize={SEARCH_PAGE_SIZE} total={group.total} params={{ q, kind }} basePath="/search" />
          </div>
        ))
      ) : (
        results.groups.map((group) => (
          <SearchGroupSection key={group.kind} group={group} moreHref={`/search?${new URLSearchParams({ q, kind: group.kind })}`} />
        ))
      )}
    </>
  );
}
