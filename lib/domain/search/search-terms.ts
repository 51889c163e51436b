// What a search box's text means, before any database sees it: the words to
// look for. A word is a run of letters (with their combining marks) and digits, the same rule both
// databases' full-text indexes split text by (prisma/migrations/*_global_search),
// so "soc2_report" searches for "soc2" and "report", as the index holds them.
// Everything else (quotes, *, -, parentheses, NEAR, colons) is a separator,
// never query syntax: the provider's query is built from these words alone
// (lib/server/search/match-expressions.ts).

/** More words than this narrow nothing further and only cost time. */
export const MAX_SEARCH_TERMS = 8;
/** No name or title word is longer; a longer "word" is pasted noise. */
export const MAX_TERM_LENGTH = 64;

/**
 * The words of `text`, lower-cased, in order, without duplicates; at most
 * MAX_SEARCH_TERMS, each cut to MAX_TERM_LENGTH. Empty when nothing searchable
 * is left (the caller shows "type a name or a word" rather than every record).
 */
export function searchTerms(text: string): string[] {
  const words = text
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word.length > 0)
    .map((word) => Array.from(word).slice(0, MAX_TERM_LENGTH).join(""));
  return [...new Set(words)].slice(0, MAX_SEARCH_TERMS);
}
