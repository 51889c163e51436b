// Each provider's full-text query for the words of lib/domain/search/search-terms.ts.
// Every word is quoted, so nothing typed into the search box is ever read as
// query syntax (FTS5's NEAR, *, ^, column filters, "-"; tsquery's !, |, <->),
// and every word is a prefix, so "acm" finds "Acme" while someone types.
// Words hold letters, marks and digits only; quotes are still doubled so the
// quoting stays safe if that rule ever loosens.

/** SQLite FTS5: `"acm"* "ltd"*`, every word required (FTS5's implicit AND). */
export function fts5PrefixQuery(terms: readonly string[]): string {
  return terms.map((term) => `"${term.replaceAll('"', '""')}"*`).join(" ");
}

/** PostgreSQL to_tsquery: `'acm':* & 'ltd':*`, every word required. */
export function tsqueryPrefixQuery(terms: readonly string[]): string {
  return terms.map((term) => `'${term.replaceAll("\\", "\\\\").replaceAll("'", "''")}':*`).join(" & ");
}
