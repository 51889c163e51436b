// mammoth turns a DOCX into simple HTML (h1-h6 from Word heading styles, p,
// tables). This recovers sections (heading + paragraph lines) from it without
// a DOM library. Table rows become one line with cells joined by " | ".

export interface DocxSection {
  heading: string | null;
  text: string;
}

const TOKEN = /<(\/?)([a-z][a-z0-9]*)\b[^>]*>|([^<]+)/gi;

export function htmlToSections(html: string): DocxSection[] {
  const sections: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }];
  let text = "";
  let inHeading = false;
  let cells: string[] | null = null;
  let cell = "";
  const current = () => sections[sections.length - 1] as { heading: string | null; lines: string[] };
  const endBlock = () => {
    const t = text.replace(/[ \t]+/g, " ").trim();
    text = "";
    if (!t) return;
    if (cells) cell = cell ? `${cell} ${t}` : t;
    else current().lines.push(t);
  };

  for (const m of html.matchAll(TOKEN)) {
    const [, closing, rawTag, content] = m;
    if (content !== undefined) {
      text += decodeEntities(content);
      continue;
    }
    const tag = (rawTag ?? "").toLowerCase();
    if (/^h[1-6]$/.test(tag)) {
      if (!closing) {
        endBlock();
        inHeading = true;
      } else if (inHeading) {
        const heading = text.replace(/\s+/g, " ").trim();
        text = "";
        inHeading = false;
        if (heading) sections.push({ heading, lines: [] });
      }
    } else if (tag === "p" || tag === "li") {
      endBlock();
    } else if (tag === "br") {
      text += "\n";
    } else if (tag === "tr") {
      endBlock();
      if (!closing) cells = [];
      else if (cells) {
        const row = cells.filter((c) => c.length > 0);
        if (row.length > 0) current().lines.push(row.join(" | "));
        cells = null;
      }
    } else if ((tag === "td" || tag === "th") && cells) {
      endBlock();
      if (closing) {
        cells.push(cell);
        cell = "";
      }
    }
  }
  endBlock();
  return sections
    .filter((s) => s.heading !== null || s.lines.length > 0)
    .map((s) => ({ heading: s.heading, text: s.lines.join("\n") }));
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return String.fromCodePoint(parseInt(body.slice(1), 10));
    return NAMED[body.toLowerCase()] ?? whole;
  });
}
