import { describe, expect, it } from "vitest";
import { MAX_SEARCH_TERMS, MAX_TERM_LENGTH, searchTerms } from "@/lib/domain/search/search-terms";
import { searchQuerySchema } from "@/lib/schemas/search";
import { fts5PrefixQuery, tsqueryPrefixQuery } from "@/lib/server/search/match-expressions";

describe("searchTerms", () => {
  it.each([
    ["Acme", ["acme"]],
    ["  acme   contact  ", ["acme", "contact"]],
    ["soc2_type2-report_2025.pdf", ["soc2", "type2", "report", "2025", "pdf"]],
    ["Société Générale", ["société", "générale"]],
    ["ＡＣＭＥ", ["acme"]], // full-width letters fold (NFKC)
    ["acme acme ACME", ["acme"]],
    ["O'Brien & Sons", ["o", "brien", "sons"]],
    ["कंपनी सेवा", ["कंपनी", "सेवा"]], // combining vowel signs stay inside the word
    ["NEAR(", ["near"]],
  ])("%j → %j", (text, expected) => {
    expect(searchTerms(text)).toEqual(expected);
  });

  it.each(['"', "*", "-", "()", "'", "\\", "!&|<->:", "   ", "", "\u0000", "😀"])("finds no words in %j", (text) => {
    expect(searchTerms(text)).toEqual([]);
  });

  it("turns query operators into plain lower-case words", () => {
    expect(searchTerms('NEAR(acme) OR "x"* NOT -y name:z')).toEqual(["near", "acme", "or", "x", "not", "y", "name", "z"]);
  });

  it("keeps at most the first eight words, each at most 64 characters", () => {
    expect(searchTerms("a b c d e f g h i j")).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"]);
    expect(MAX_SEARCH_TERMS).toBe(8);
    expect(searchTerms("x".repeat(100))).toEqual(["x".repeat(MAX_TERM_LENGTH)]);
  });
});

describe("provider queries", () => {
  it("quotes every word as an FTS5 prefix, so nothing typed is syntax", () => {
    expect(fts5PrefixQuery(["acm", "ltd"])).toBe('"acm"* "ltd"*');
    expect(fts5PrefixQuery(['a"b'])).toBe('"a""b"*');
  });

  it("quotes every word as a tsquery prefix, all required", () => {
    expect(tsqueryPrefixQuery(["acm", "ltd"])).toBe("'acm':* & 'ltd':*");
    expect(tsqueryPrefixQuery(["o'b\\"])).toBe("'o''b\\\\':*");
  });
});

describe("searchQuerySchema", () => {
  it("trims the text and ignores an unknown kind or page", () => {
    expect(searchQuerySchema.parse({ q: "  acme ", kind: "nope", page: "x" })).toEqual({ q: "acme", kind: undefined, page: 1 });
    expect(searchQuerySchema.parse({ q: "acme", kind: "contract", page: "3" })).toEqual({ q: "acme", kind: "contract", page: 3 });
  });

  it("refuses text over 200 characters with a message for the field", () => {
    const result = searchQuerySchema.safeParse({ q: "a".repeat(201) });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["q"], message: expect.stringContaining("200") });
  });
});
