// Next hands a page its query string as searchParams, where a repeated key
// arrives as an array; list pages parse it with their zod query schema and
// carry the parsed query on in their paging and sorting links.

/** First-value-wins view of Next's searchParams. */
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** A parsed list query as link parameters (unset ones left out), for the pagination and sort links. */
export function linkParams(query: Record<string, string | number | boolean | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
}
