// A quote in the contract's own characters. The passages the finder reads are
// cleaned (contract-passages.ts cleanLine): curly quotes, dashes and odd spaces
// folded into plain ones and soft hyphens dropped, so its patterns stay
// simple. Legal reads the quote as the contract's words, so it is looked up in
// the text as extracted and given back as written there, only its whitespace
// (line breaks, runs of spaces) collapsed. A quote that cannot be found (a
// word rejoined across a hyphenated line break) is shown as cleaned. Pure.

import { type ContractTextInput, type Passage, cleanLine } from "./contract-passages";

/** What each cleaned character may have been in the document. */
const VARIANTS: Record<string, string> = {
  "-": "[-\u2010-\u2015\u2212]",
  "'": "['\u2018\u2019\u201b\u2032]",
  '"': '["\u201c\u201d\u201f\u2033]',
};
const SPACE = "[\\s\u00a0\u2007\u202f]+";
/** Where a quote joins pieces the document does not hold side by side: a lead-in and its item, a stem and its piece. */
const JOINS = /(?<=:["')\]]*) +| … /g;
const MAX_PIECES = 3;
/** Each failed try reads the whole region again; a passage full of colons is given as cleaned rather than read for long. */
const MAX_JOINS_TRIED = 4;

/**
 * The document's own rendering of `cleaned` within `source`, whitespace
 * collapsed, or undefined when it is not there. Soft hyphens, which no reader
 * sees, are taken out of the source first (withoutSoftHyphens).
 */
export function verbatimIn(source: string, cleaned: string): string | undefined {
  const text = cleaned.trim();
  if (!text) return undefined;
  let pattern = "";
  for (const ch of text) pattern += ch === " " ? SPACE : (VARIANTS[ch] ?? ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const m = new RegExp(pattern).exec(withoutSoftHyphens(source));
  return m ? m[0].replace(/[\s\u00a0\u2007\u202f]+/g, " ") : undefined;
}

function withoutSoftHyphens(text: string): string {
  return text.includes("\u00ad") ? text.replace(/\u00ad/g, "") : text;
}

/**
 * The quote as written, for a passage of `document`: looked up where the
 * passage is (its page and the next, or its section), whole, or piece by
 * piece where the finder joined a lead-in or a stem to it; undefined when it
 * is not found.
 */
export function verbatimQuoter(document: ContractTextInput): (p: Passage, cleaned: string) => string | undefined {
  const pages = new Map((document.pages ?? []).map((pg) => [pg.number, pg.text]));
  const sections = document.sections ?? [];
  const everything = withoutSoftHyphens([...pages.values(), ...sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n"))].join("\n"));
  // Built once per page or heading: a document's quotes come from few places.
  const regions = new Map<string, string>();
  const regionOf = (p: Passage): string => {
    const key = p.page !== undefined && pages.has(p.page) ? `page ${p.page}` : `heading ${p.heading ?? ""}`;
    let region = regions.get(key);
    if (region === undefined) {
      if (p.page !== undefined && pages.has(p.page)) region = [pages.get(p.page), pages.get(p.page + 1)].filter(Boolean).join("\n");
      else {
        const under = p.heading === undefined ? [] : sections.filter((s) => s.heading && cleanLine(s.heading) === p.heading);
        region = under.length > 0 ? under.map((s) => s.text).join("\n") : everything;
      }
      regions.set(key, (region = withoutSoftHyphens(region)));
    }
    return region;
  };
  return (p, cleaned) => {
    const ellipsis = cleaned.endsWith("…") ? "…" : "";
    const body = ellipsis ? cleaned.slice(0, -1) : cleaned;
    const region = regionOf(p);
    const found = inPieces(region, body, MAX_PIECES) ?? (region === everything ? undefined : inPieces(everything, body, MAX_PIECES));
    return found === undefined ? undefined : `${found}${ellipsis}`;
  };
}

function inPieces(source: string, text: string, pieces: number): string | undefined {
  const whole = verbatimIn(source, text);
  if (whole !== undefined || pieces <= 1) return whole;
  for (const m of [...text.matchAll(JOINS)].slice(0, MAX_JOINS_TRIED)) {
    const left = verbatimIn(source, text.slice(0, m.index));
    if (left === undefined) continue;
    const right = inPieces(source, text.slice(m.index + m[0].length), pieces - 1);
    if (right !== undefined) return `${left}${m[0]}${right}`;
  }
  return undefined;
}
