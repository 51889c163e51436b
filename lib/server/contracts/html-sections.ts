// HTML contract (an uploaded .html, or the HTML mammoth makes of a DOCX) ->
// sections (heading + paragraph lines), read with htmlparser2's tokenizer so
// entities, attributes with ">" in them, comments and script/style bodies are
// handled by a maintained parser, not regular expressions.
// - h1-h6 start a section;
// - p, li, div, br end a line; table rows become one line, cells joined by " | ";
// - what a browser would not show (the hidden attribute, display: none or
//   visibility: hidden inline or by a class of a <style> block) is skipped: a
//   term only a parser can see is no term the parties read;
// - a list item keeps the lead-in of the paragraph before its list
//   ("Upon termination:" + each item), as the Markdown reader does
//   (lib/domain/legal/markdown-sections.ts).
import { Parser } from "htmlparser2";
import { chainedLeadIn, leadInSentence } from "@/lib/domain/legal/lead-in";

export interface DocxSection {
  heading: string | null;
  text: string;
}

const SKIPPED = new Set(["script", "style", "head", "title", "noscript", "template", "svg"]);
const BLOCKS = new Set(["p", "div", "section", "article", "blockquote", "pre", "dd", "dt", "address", "header", "footer"]);

/** Deeper than any document's markup; past it the parser slows down with every level. */
export const MAX_HTML_NESTING = 512;

/** Markup nested past MAX_HTML_NESTING: no document is, a file built to stall the reader is. */
export class HtmlTooDeepError extends Error {
  constructor() {
    super(`The markup nests elements more than ${MAX_HTML_NESTING} levels deep.`);
    this.name = "HtmlTooDeepError";
  }
}

/** A style rule that hides what it selects: its selector list and "display: none" or "visibility: hidden". */
const HIDING_RULE = /([^{}]+)\{[^}]*?(?:display\s*:\s*none|visibility\s*:\s*hidden)[^}]*\}/gi;

const MEDIA_BLOCK = /@media[^{]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/gi;

/** The hidden attribute, an inline style that hides, or a class a <style> block hides. */
function isHidden(attributes: Record<string, string>, hiddenClasses: ReadonlySet<string>): boolean {
  if ("hidden" in attributes) return true;
  if (/(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(attributes.style ?? "")) return true;
  return (attributes.class ?? "").split(/\s+/).some((c) => hiddenClasses.has(c));
}

export function htmlToSections(html: string): DocxSection[] {
  const sections: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  let text = "";
  let inHeading = false;
  let skipping = 0;
  let cells: string[] | null = null;
  let cell = "";
  /** Lead-in of each open list, e.g. "Upon termination the Supplier shall:". */
  const listLeadIns: (string | undefined)[] = [];
  let lastLine = "";
  let depth = 0;
  /** The depth of the hidden element being skipped: what a browser does not show is no term of the contract. */
  let hiddenFrom: number | undefined;
  /** Classes a <style> block hides (".note { display: none }"). */
  const hiddenClasses = new Set<string>();
  let inStyle = false;
  const current = () => sections[sections.length - 1] as { heading: string | null; lines: string[] };
  const pushLine = (line: string) => {
    const leadIn = listLeadIns.findLast((l) => l !== undefined);
    current().lines.push(leadIn && listLeadIns.length > 0 ? `${leadIn} ${line}` : line);
    lastLine = line;
  };
  const endBlock = () => {
    const t = text.replace(/\s+/g, " ").trim();
    text = "";
    if (!t) return;
    if (cells) cell = cell ? `${cell} ${t}` : t;
    else pushLine(t);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        // The parser closes every element it opens, void and implied ones too, so this is its open-element stack.
        if (++depth > MAX_HTML_NESTING) throw new HtmlTooDeepError();
        if (name === "style") inStyle = true;
        if (hiddenFrom === undefined && isHidden(attributes, hiddenClasses)) hiddenFrom = depth;
        if (hiddenFrom !== undefined) return;
        if (SKIPPED.has(name)) skipping += 1;
        if (skipping) return;
        if (/^h[1-6]$/.test(name)) {
          endBlock();
          inHeading = true;
        } else if (name === "ul" || name === "ol") {
          endBlock();
          const own = /:\s*$/.test(lastLine) ? leadInSentence(lastLine.split(/(?<=[.;])\s+(?=[A-Z(])/)) : undefined;
          // A nested list's lead-in goes on with the item's own lead-in ("The Supplier shall:" > "ensure that:" > "ensure that they:").
          const outer = listLeadIns.findLast((l) => l !== undefined);
          listLeadIns.push(own && chainedLeadIn(outer, lastLine, own));
        } else if (name === "li" || BLOCKS.has(name)) endBlock();
        else if (name === "br") text += "\n";
        else if (name === "tr") {
          endBlock();
          cells = [];
        } else if ((name === "td" || name === "th") && cells) endBlock();
      },
      ontext(data) {
        // Rules inside @media hide for a printer or a narrow screen only; the page itself shows the text.
        if (inStyle) for (const m of data.replace(MEDIA_BLOCK, "").matchAll(HIDING_RULE)) for (const c of m[1]!.matchAll(/\.([\w-]+)/g)) hiddenClasses.add(c[1]!);
        if (!skipping && hiddenFrom === undefined) text += data;
      },
      onclosetag(name) {
        depth -= 1;
        if (name === "style") inStyle = false;
        if (hiddenFrom !== undefined) {
          if (depth < hiddenFrom) hiddenFrom = undefined;
          return;
        }
        if (SKIPPED.has(name)) {
          skipping = Math.max(0, skipping - 1);
          return;
        }
        if (skipping) return;
        if (/^h[1-6]$/.test(name) && inHeading) {
          const heading = text.replace(/\s+/g, " ").trim();
          text = "";
          inHeading = false;
          listLeadIns.length = 0;
          if (heading) sections.push({ heading, lines: [] });
        } else if (name === "ul" || name === "ol") {
          endBlock();
          listLeadIns.pop();
          lastLine = "";
        } else if (name === "li" || BLOCKS.has(name)) endBlock();
        else if (name === "tr") {
          endBlock();
          if (cells) {
            const row = cells.filter((c) => c.length > 0);
            if (row.length > 0) current().lines.push(row.join(" | "));
            cells = null;
          }
        } else if ((name === "td" || name === "th") && cells) {
          endBlock();
          cells.push(cell);
          cell = "";
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  endBlock();
  return sections
    .filter((s) => s.heading !== null || s.lines.length > 0)
    // One paragraph per block: list items and paragraphs stay separate passages (contract-passages.ts).
    .map((s) => ({ heading: s.heading, text: s.lines.join("\n\n") }));
}
