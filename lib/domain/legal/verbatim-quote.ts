// A quote in the contract's own characters. The passages the finder reads are
// cleaned (contract-passages.ts cleanLine): curly quotes, dashes and odd spaces
// folded into plain ones, soft hyphens dropped and whitespace collapsed, so its
// patterns stay simple. Legal reads the quote as the contract's words, so the
// text where the passage is gets the same folding, with each folded character
// remembering where it came from; the quote is found there with a plain string
// search (linear, whatever the contract holds) and given back as written,
// only its whitespace collapsed. A quote that cannot be found (a word rejoined
// across a hyphenated line break) is shown as cleaned. Pure.

import { type ContractTextInput, type Passage, cleanLine } from "./contract-passages";

/** Text folded as cleanLine folds it, and for each of its characters the index it came from. */
interface Folded {
  text: string;
  from: Int32Array;
}

/** What cleanLine makes of a character: "" dropped, " " whitespace, or the character it is read as. */
function folded1(code: number, ch: string): string {
  if (code === 0xad) return "";
  if (code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x2007 || code === 0x202f || code === 0x2028 || code === 0x2029) return " ";
  if (code < 0x80) return ch;
  if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) return "-";
  if (code === 0x2018 || code === 0x2019 || code === 0x201b || code === 0x2032) return "'";
  if (code === 0x201c || code === 0x201d || code === 0x201f || code === 0x2033) return '"';
  return /\s/.test(ch) ? " " : ch;
}

function fold(source: string): Folded {
  const chars: string[] = [];
  const from = new Int32Array(source.length);
  let pendingSpace = -1;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    const f = folded1(source.charCodeAt(i), ch);
    if (f === "") continue;
    if (f === " ") {
      if (pendingSpace < 0) pendingSpace = i;
      continue;
    }
    if (pendingSpace >= 0 && chars.length > 0) {
      from[chars.length] = pendingSpace;
      chars.push(" ");
    }
    pendingSpace = -1;
    from[chars.length] = i;
    chars.push(f);
  }
  return { text: chars.join(""), from: from.subarray(0, chars.length) };
}

function findIn(folded: Folded, source: string, cleaned: string): string | undefined {
  const needle = cleaned.trim();
  if (!needle) return undefined;
  const at = folded.text.indexOf(needle);
  if (at < 0) return undefined;
  const start = folded.from[at]!;
  const end = folded.from[at + needle.length - 1]! + 1;
  return source.slice(start, end).replace(/\u00ad/g, "").replace(/[\s\u00a0\u2007\u202f]+/g, " ");
}

/** The document's own rendering of `cleaned` within `source`, whitespace collapsed, or undefined when it is not there. */
export function verbatimIn(source: string, cleaned: string): string | undefined {
  return findIn(fold(source), source, cleaned);
}

/** Where the finder joined pieces the document does not hold side by side: a lead-in and its item, a stem and its piece. */
const JOINS = /(?<=:["')\]]*) +| … /g;
const MAX_PIECES = 3;
/** A passage full of colons is shown as cleaned rather than tried every way. */
const MAX_JOINS_TRIED = 4;

/**
 * The quote as written, for a passage of `document`: looked up where the
 * passage is (its page and the next, or its section), whole, or piece by
 * piece where the finder joined a lead-in or a stem to it; undefined when it
 * is not found.
 */
export function verbatimQuoter(document: ContractTextInput): (p: Passage, cleaned: string) => string | undefined {
  const pages = new Map((document.pages ?? []).map((pg) => [pg.number, pg.text]));
  const sections = document.sections ?? [];
  // Folded once per page or heading, and the whole document only when a quote is not where its passage says.
  const regions = new Map<string, { source: string; folded: Folded }>();
  const region = (key: string, source: () => string) => {
    let r = regions.get(key);
    if (!r) {
      const text = source();
      regions.set(key, (r = { source: text, folded: fold(text) }));
    }
    return r;
  };
  const everything = () =>
    region("everything", () => [...pages.values(), ...sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n"))].join("\n"));
  const regionOf = (p: Passage) => {
    if (p.page !== undefined && pages.has(p.page)) {
      return region(`page ${p.page}`, () => [pages.get(p.page!), pages.get(p.page! + 1)].filter(Boolean).join("\n"));
    }
    const under = p.heading === undefined ? [] : sections.filter((s) => s.heading && cleanLine(s.heading) === p.heading);
    return under.length > 0 ? region(`heading ${p.heading}`, () => under.map((s) => s.text).join("\n")) : everything();
  };
  return (p, cleaned) => {
    const ellipsis = cleaned.endsWith("…") ? "…" : "";
    const body = ellipsis ? cleaned.slice(0, -1) : cleaned;
    const near = regionOf(p);
    const found = inPieces(near, body, MAX_PIECES) ?? (near === regions.get("everything") ? undefined : inPieces(everything(), body, MAX_PIECES));
    return found === undefined ? undefined : `${found}${ellipsis}`;
  };
}

function inPieces(r: { source: string; folded: Folded }, text: string, pieces: number): string | undefined {
  const whole = findIn(r.folded, r.source, text);
  if (whole !== undefined || pieces <= 1) return whole;
  for (const m of [...text.matchAll(JOINS)].slice(0, MAX_JOINS_TRIED)) {
    const left = findIn(r.folded, r.source, text.slice(0, m.index));
    if (left === undefined) continue;
    const right = inPieces(r, text.slice(m.index + m[0].length), pieces - 1);
    if (right !== undefined) return `${left}${m[0]}${right}`;
  }
  return undefined;
}
