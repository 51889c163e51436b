// Markdown contract -> sections of plain text with their structure, for the
// clause finder. Parsed with marked's lexer (not regular expressions), so:
// - emphasis and links are dropped and defined terms keep word boundaries
//   (`_Personal Data Breach_` reads as "Personal Data Breach");
// - headings start a section the finder can cite;
// - every list item, and every "(a)"-style paragraph, becomes its own
//   paragraph carrying its lead-in ("Upon termination: (b) delete ..."), so
//   sub-items are neither merged together nor cut off from what governs them;
// - tables become one line per row, cells joined by " | ".
// Inline HTML (MDX components, <br>, entities) is reduced to its text.
// Pure: no I/O. The upload (lib/server/contracts/extract-text.ts), the CLI and
// the accuracy harness all go through this one module.
import { type Token, type Tokens, marked } from "marked";
import { parse as parseYaml } from "yaml";
import type { ContractTextInput } from "./contract-passages";
import { ENUMERATOR, type OpenItem, chainedLeadIn, clipLeadIn, closeOpenItemBefore, leadInSentence, markerOf, openLevel } from "./lead-in";

type Section = NonNullable<ContractTextInput["sections"]>[number];

const DOTTED_NUMBER = /^(\d+(?:\.\d+)+)\.?\s/;
/** A heading of six words or more that ends in a colon is a sentence introducing a list, not a title. */
const LEAD_IN_HEADING = /^(?:\S+\s+){5,}\S*:\s*$/;

/**
 * How deep the text nests quotes and list items. marked parses each level by
 * recursion, so a file of thousands of levels overflows the stack or takes
 * minutes; no contract nests more than a handful, so the reader refuses such
 * a file before parsing it (extract-text.ts).
 */
export function markdownNesting(markdown: string): number {
  let deepest = 0;
  for (const m of markdown.matchAll(/^([ \t]*)((?:>[ \t]*)*)([-*+]|\d{1,9}[.)])?(?=[ \t]|$)/gm)) {
    const indent = m[1]!.replace(/\t/g, "    ").length;
    const quotes = (m[2]!.match(/>/g) ?? []).length;
    const listLevel = m[3] ? Math.floor(indent / 2) + 1 : 0;
    deepest = Math.max(deepest, quotes + listLevel);
  }
  return deepest;
}

export function markdownToSections(markdown: string): Section[] {
  const out = new SectionWriter();
  const { bodies, rest } = splitFrontMatter(markdown);
  for (const body of [...bodies, rest]) walkBlocks(marked.lexer(body), out, undefined);
  return out.finish();
}

class SectionWriter {
  private sections: { heading: string | null; paragraphs: string[] }[] = [{ heading: null, paragraphs: [] }];
  /** The open lead-in ("... as follows:") of the last paragraph, for "(a)"-style paragraphs after it. */
  leadIn: string | undefined;
  /**
   * "CortIQ shall: 3.3 Implement measures, including: - … 3.4 Not engage …":
   * the lead-in a numbered paragraph ("3.3") was read under, while that
   * paragraph's own lead-in governs its list ...
   */
  outer: { leadIn: string; parent: string } | undefined;
  /** ... and, once the list ends, the lead-in that governs its sibling paragraphs ("3.4"), and no others. */
  resumed: { leadIn: string; parent: string } | undefined;
  /**
   * "b) Subcontractor warrants that: i) … v) … c) …": the items whose lead-ins
   * are open, outermost first, each with the lead-in it was read under. The
   * next sibling of one ("c)", or "3.1.4" after "3.1.3 ensure that: (b) …
   * they: (i) …") closes it and every item opened inside it.
   */
  openers: OpenItem[] = [];
  /** The open lead-in has governed a numbered paragraph already. */
  leadInUsed = false;

  heading(text: string): void {
    if (!text) return;
    this.sections.push({ heading: text, paragraphs: [] });
    this.leadIn = undefined;
    this.outer = undefined;
    this.resumed = undefined;
    this.openers = [];
  }

  /** The resumed lead-in, if this paragraph is a sibling (or, for "5.1.1", a descendant) of the one that opened the list; otherwise it ends. */
  resumedFor(text: string): string | undefined {
    const key = siblingKey(text);
    if (this.resumed && key !== undefined && (key === this.resumed.parent || key.startsWith(`${this.resumed.parent}.`))) return this.resumed.leadIn;
    this.resumed = undefined;
    return undefined;
  }

  paragraph(text: string): void {
    if (!text) return;
    (this.sections[this.sections.length - 1] as { paragraphs: string[] }).paragraphs.push(text);
  }

  finish(): Section[] {
    return this.sections
      .filter((s) => s.heading !== null || s.paragraphs.length > 0)
      .map((s) => ({ heading: s.heading, text: s.paragraphs.join("\n\n") }));
  }
}

function walkBlocks(tokens: Token[], out: SectionWriter, leadIn: string | undefined): void {
  for (const token of tokens) {
    switch (token.type) {
      case "heading": {
        const text = inlineText((token as Tokens.Heading).tokens);
        // "#### In the event of a breach, the Provider will:" is a lead-in set as a heading: it governs the list below.
        if (LEAD_IN_HEADING.test(text)) paragraphWithLeadIn(text, out, leadIn);
        else out.heading(text);
        break;
      }
      case "paragraph":
      case "text": {
        const t = token as Tokens.Paragraph | Tokens.Text;
        const text = t.tokens ? inlineText(t.tokens) : decodeEntities(t.text);
        paragraphWithLeadIn(text, out, leadIn);
        break;
      }
      case "list":
        // A last item ending "Aptible will:" governs the "3.1." paragraphs after the list; otherwise the lead-in outside it resumes.
        // A lead-in its numbered paragraphs have already used ("The Processor shall: (a) … (b) …") does not reach a later list.
        out.leadIn = walkList(token as Tokens.List, out, leadIn ?? (out.leadInUsed ? undefined : out.leadIn));
        out.leadInUsed = false;
        if (!out.leadIn && out.outer) out.resumed = out.outer;
        out.outer = undefined;
        break;
      case "blockquote":
        walkBlocks((token as Tokens.Blockquote).tokens, out, leadIn);
        break;
      case "table":
        walkTable(token as Tokens.Table, out);
        break;
      case "code":
        out.paragraph(collapse((token as Tokens.Code).text));
        break;
      case "html": {
        // An HTML table in Markdown (GitBook, DOCX exports) reads like a Markdown table: a paragraph per row.
        const rows = (token as Tokens.HTML).text.split(/<\/tr\s*>/i).map((r) => collapse(htmlText(r)));
        for (const r of rows) paragraphWithLeadIn(r, out, leadIn);
        break;
      }
      default:
        break; // space, hr, def: no text
    }
  }
}

/** An "(a)" paragraph keeps the open lead-in; any other paragraph may open a new one. */
function paragraphWithLeadIn(text: string, out: SectionWriter, leadIn: string | undefined): void {
  if (!text) return;
  const marker = markerOf(text);
  const closed = !leadIn && marker ? closeOpenItemBefore(out.openers, marker) : undefined;
  if (closed) {
    // Only a lead-in that ends in a colon comes back; a title read as an unfinished sentence ("Indemnities") does not.
    out.leadIn = closed.before && ENDS_IN_COLON.test(closed.before) ? closed.before : undefined;
  }
  const resumed = leadIn ?? out.leadIn ? undefined : out.resumedFor(text);
  const governing = leadIn ?? out.leadIn ?? resumed;
  if (governing && ENUMERATOR.test(text)) {
    out.paragraph(withLeadIn(governing, text));
    out.leadInUsed = true;
    // "C. Obligations. Business Associate agrees that it shall:" opens its own lead-in.
    const own = leadInOf(text);
    const parent = siblingKey(text);
    out.leadIn = own ? chainedLeadIn(governing, text, own, withLeadIn(governing, text)) : resumed ? undefined : governing;
    if (own) out.leadInUsed = false;
    out.outer = own && parent !== undefined ? { leadIn: governing, parent } : undefined;
    if (own && marker) openLevel(out.openers, { marker, before: resumed ? undefined : governing });
    return;
  }
  out.resumed = undefined;
  out.paragraph(leadIn ? withLeadIn(leadIn, text) : text);
  if (!leadIn) {
    out.leadIn = leadInOf(text);
    out.leadInUsed = false;
    out.outer = undefined;
    out.openers = out.leadIn && marker ? [{ marker, before: undefined }] : [];
  }
}

/**
 * What a paragraph's siblings share: "3.4 Not engage …" and "3.3" share "3";
 * "(b)" and "(a)", or "(ii)" and "(i)", share being lettered items.
 */
function siblingKey(text: string): string | undefined {
  const n = DOTTED_NUMBER.exec(text)?.[1];
  if (n) return n.slice(0, n.lastIndexOf("."));
  return LETTERED.test(text) ? "(letter)" : undefined;
}
const LETTERED = /^\(?(?:[a-z]|[ivx]+)\)\s|^(?:[a-z]|[ivx]+)\.\s/i;

/**
 * "Aptible will: (3.6) Notify ...": after a lead-in the item number goes in
 * brackets, so "will: 3.6. Notify" is not read as two sentences.
 */
function withLeadIn(leadIn: string, text: string): string {
  return `${leadIn} ${text.replace(DOTTED_NUMBER, "($1) ")}`;
}

/** Returns the lead-in the last item leaves open, if any. */
function walkList(list: Tokens.List, out: SectionWriter, leadIn: string | undefined): string | undefined {
  const start = typeof list.start === "number" ? list.start : 1;
  let open: string | undefined;
  list.items.forEach((item, i) => {
    const marker = list.ordered ? (leadIn ? `(${start + i})` : `${start + i}.`) : "";
    // The item's first paragraph is its own text, and the lead-in of what the item goes on to hold
    // (indented "3.1." paragraphs or a nested list under "Aptible will:").
    const [first, ...rest] = item.tokens;
    const firstIsText = first !== undefined && (first.type === "text" || first.type === "paragraph");
    const ownText = firstIsText ? blockText(first) : "";
    const labelled = [marker, ownText].filter(Boolean).join(" ");
    if (labelled) out.paragraph(leadIn ? `${leadIn} ${labelled}` : labelled);
    const own = leadInOf(ownText);
    const inner = own ? chainedLeadIn(leadIn, ownText, own) : leadIn;
    // Only a last item left open ("… the Supplier shall, at the Customer's election,") leads on past its list:
    // "Access controls for staff" is a finished item, unpunctuated.
    open = ENDS_IN_COLON.test(ownText) || MODAL_LEFT_OPEN.test(ownText) ? leadInOf(ownText) : undefined;
    const held = firstIsText ? rest : item.tokens;
    for (const token of held) {
      if (token.type === "list") walkList(token as Tokens.List, out, inner ?? (ownText ? clipLeadIn(ownText) : undefined));
      else walkBlocks([token], out, inner);
    }
  });
  return open;
}

function walkTable(table: Tokens.Table, out: SectionWriter): void {
  const row = (cells: Tokens.TableCell[]) => cells.map((c) => inlineText(c.tokens)).filter(Boolean).join(" | ");
  const lines = [row(table.header), ...table.rows.map(row)].filter(Boolean);
  // Each row is its own paragraph: cells are not sentences of the row above.
  for (const line of lines) out.paragraph(line);
}

function blockText(token: Token): string {
  if ("tokens" in token && Array.isArray(token.tokens) && token.type !== "list") {
    if (token.type === "paragraph" || token.type === "text" || token.type === "heading") return inlineText(token.tokens);
    return token.tokens.map(blockText).filter(Boolean).join(" ");
  }
  if (token.type === "html") return collapse(htmlText((token as Tokens.HTML).text));
  if ("text" in token && typeof token.text === "string") return collapse(decodeEntities(token.text));
  return "";
}

/** Inline tokens to text: emphasis, links and code spans keep only their words. */
function inlineText(tokens: Token[] | undefined): string {
  return collapse(inlineParts(tokens ?? []));
}

function inlineParts(tokens: Token[]): string {
  let s = "";
  for (const t of tokens) {
    // Struck-through text (~~…~~) is what a draft deleted: not part of the terms.
    if (t.type === "del") continue;
    if (t.type === "br") s += " ";
    else if (t.type === "html") s += htmlText((t as Tokens.HTML).text);
    else if ("tokens" in t && Array.isArray(t.tokens) && t.tokens.length > 0) s += inlineParts(t.tokens);
    else if (t.type === "image") s += "";
    else if ("text" in t && typeof t.text === "string") s += t.type === "escape" ? t.text : decodeEntities(t.text);
  }
  return s;
}

const ENDS_IN_COLON = /[:\u2014-]\s*$/;
const JOINED_TO_NEXT = /[;,]\s*(?:and|or|and\/or)\s*$/i;
/** "… the Supplier shall, at the Customer's election,": a modal whose verb is still to come. */
const MODAL_LEFT_OPEN = /\b(?:shall|will|must|agrees? to|undertakes? to)\b[^.;:]*,\s*$/i;

/** The last sentence of a paragraph that ends in a colon ("Upon termination:"). */
function leadInOf(text: string): string | undefined {
  // "(a) permit audits; or": an item joined to the next, not a lead-in.
  if (JOINED_TO_NEXT.test(text)) return undefined;
  // "… against all claims arising from any third-party claim against the Customer" + "1. that …": a sentence left unfinished before a list leads into it.
  if (!ENDS_IN_COLON.test(text) && !/[a-z,]\s*$/.test(text)) return undefined;
  // "… under GDPR Article 28. abcAssess commits to:": a sentence may open with a lower-case name; "e.g." ends none.
  return leadInSentence(text.split(/(?<=[A-Za-z0-9)\]]{2}[.;])\s+(?=[A-Za-z(])/)) ?? text;
}

const FRONT_MATTER = /^\ufeff?---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
/** A string this long, over several lines, in front matter is page content, not a title or a date. */
const MIN_BODY = 200;

/**
 * Front matter is metadata ("title:", "date:") and is dropped, except where a
 * site builder keeps the page itself in it ("components: - type: Text, text:
 * >+ # Data Processing Addendum …"): its long multi-line strings are the
 * document, read as Markdown before whatever follows. Parsed as YAML (the
 * yaml package); front matter that does not parse is dropped whole.
 */
function splitFrontMatter(markdown: string): { bodies: string[]; rest: string } {
  const m = FRONT_MATTER.exec(markdown);
  if (!m) return { bodies: [], rest: markdown };
  const rest = markdown.slice(m[0].length);
  let data: unknown;
  try {
    data = parseYaml(m[1] ?? "");
  } catch {
    return { bodies: [], rest };
  }
  const bodies: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === "string") {
      if (value.length >= MIN_BODY && value.includes("\n")) bodies.push(value);
    } else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === "object") Object.values(value).forEach(collect);
  };
  collect(data);
  return { bodies, rest };
}

/** Tags dropped, entities decoded: inline HTML and MDX components keep only their words; table cells stay apart (" | "). */
function htmlText(html: string): string {
  const cells = html.replace(/<\/t[dh]\s*>\s*(?=<t[dh]\b)/gi, " | ");
  return decodeEntities(cells.replace(/<(?:br|\/p|\/div|\/li|\/t[dh])\b[^>]*>/gi, " ").replace(/<[^>]*>/g, ""));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", rsquo: "'", lsquo: "'", ldquo: '"', rdquo: '"', mdash: "-", ndash: "-", sect: "§", pound: "£", euro: "€" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (/^#x/i.test(body)) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? whole;
  });
}

function collapse(s: string): string {
  return s.replace(/\s+/g, " ").trim();
}
