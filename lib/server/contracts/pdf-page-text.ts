// A PDF page's text from pdf.js's text items, in content order. Body text reads
// as pdf.js joins it (each item's string, a line break where the item ends a
// line). A table row is rebuilt as one line with its cells joined by " | ", as
// Markdown, HTML and DOCX tables already read (markdown-sections.ts,
// html-sections.ts). Without that, a cell's wrapped lines and the next cell run
// on into each other ("Per incident Staff training All Supplier personnel …"),
// a party column is glued to the duty before it, and a quote mixes two rows.
//
// Writers (Word, LibreOffice, browsers, react-pdf) draw a table cell by cell,
// each cell's lines together, so the cells can be told apart in content order:
// a cell ends where the next text starts on the same line after a wide gap, or
// climbs back up to the row's first line in a column to the right. A row is a
// table row only when it has two or more cells, lines up with a row beside it,
// and does not look like a clause number hanging beside its text ("1.1   The
// Supplier shall …"), which the passage builder reads by its number.

/** One pdf.js text item: its string and where it is drawn (PDF points, y upwards). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** The font's height; 0 for pdf.js's own spacing items. */
  height: number;
  hasEOL: boolean;
}

interface Cell {
  x: number;
  /** Its lines, each the concatenated strings drawn on one baseline, with that baseline and the index of its first item. */
  lines: { text: string; x: number; y: number; from: number }[];
}

interface Row {
  /** The items it covers, for rows read as body text. */
  from: number;
  to: number;
  cells: Cell[];
}

/**
 * A gap wider than this many font heights on one line parts two cells. pdf.js
 * itself ends an item at a gap over 0.6 of the font size; word spaces are
 * about a quarter. Body text can space a justified line as widely, which is
 * why a row only counts beside another with the same columns (tableRows).
 */
const CELL_GAP = 0.6;
/** A gap over this many font heights between two items of a cell is a word space. */
const WORD_SPACE = 0.15;
/** Baselines closer than this many font heights are one line. */
const SAME_LINE = 0.35;
/** Columns of two rows whose left edges lie closer than this (points) are one column. */
const SAME_COLUMN = 3;
/** A "cell" longer than this is a column of a two-column page, not a table cell. */
const MAX_CELL_LINES = 30;
/** A clause number, bullet or clause label standing in its own column. */
const HANGING_NUMBER =
  /^(?:\(?(?:\d{1,3}|[a-z]|[ivxlc]{1,6})[.)]|\d+(?:\.\d+)+\.?|§+\s*\d+(?:\.\d+)*|[•·▪‣◦*–—-]|(?:article|clause|section|schedule|annex|appendix|part|exhibit)\s+[\dA-Z]+(?:\.\d+)*\.?)$/i;

export function pdfPageText(items: readonly PdfTextItem[]): string {
  const rows = rowsOf(items);
  const table = tableRows(rows);
  let out = "";
  rows.forEach((row, r) => {
    const line = table.get(r);
    if (line === undefined) {
      for (let i = row.from; i <= row.to; i++) out += items[i]!.str + (items[i]!.hasEOL ? "\n" : "");
    } else {
      if (out !== "" && !out.endsWith("\n")) out += "\n";
      out += `${line}\n`;
    }
  });
  return out;
}

/**
 * The page as rows in content order: each run of body text is a row of one
 * cell; a table row is a row of several, its first cell starting on the
 * row's first line.
 */
function rowsOf(items: readonly PdfTextItem[]): Row[] {
  const rows: Row[] = [];
  let row: Row | undefined;
  let cell: Cell | undefined;
  let prev: PdfTextItem | undefined;
  const startRow = (i: number, it: PdfTextItem) => {
    cell = { x: it.x, lines: [{ text: it.str, x: it.x, y: it.y, from: i }] };
    row = { from: i, to: i, cells: [cell] };
    rows.push(row);
  };
  /** A row of one cell whose line k starts a table row: the lines above it are body text of their own. */
  const splitBefore = (k: number) => {
    if (!row || !cell || k === 0) return;
    const from = cell.lines[k]!.from;
    rows.splice(rows.length - 1, 0, { from: row.from, to: from - 1, cells: [{ x: cell.x, lines: cell.lines.slice(0, k) }] });
    row.from = from;
    cell.x = cell.lines[k]!.x;
    cell.lines = cell.lines.slice(k);
  };
  const openCell = (i: number, it: PdfTextItem) => {
    cell = { x: it.x, lines: [{ text: it.str, x: it.x, y: it.y, from: i }] };
    row!.cells.push(cell);
  };
  items.forEach((it, i) => {
    if (!row || !cell) {
      startRow(i, it);
      if (it.str.trim()) prev = it;
      return;
    }
    const last = cell.lines[cell.lines.length - 1]!;
    if (!it.str.trim() || !prev) {
      // pdf.js's spacing items and empty line ends belong where they fall; they carry no position worth reading.
      row.to = i;
      last.text += it.str;
      if (it.str.trim()) prev = it;
      return;
    }
    const h = Math.max(it.height, prev.height, 1);
    const near = (y: number) => Math.abs(it.y - y) <= SAME_LINE * h;
    const gapAfterPrev = it.x - (prev.x + prev.width);
    if (near(prev.y) && gapAfterPrev <= cellGap(prev, h)) {
      // Words drawn as items of their own may come without pdf.js's spacing item between them.
      const spaced = gapAfterPrev > WORD_SPACE * h && !/\s$/.test(last.text) && !/^\s/.test(it.str);
      last.text += spaced ? ` ${it.str}` : it.str;
    } else if (near(prev.y)) {
      // The next column, after a wide gap on the same line.
      if (row.cells.length === 1) splitBefore(cell.lines.length - 1);
      openCell(i, it);
    } else if (it.y > prev.y && it.x > cell.x + h && rowTop(row, cell, near) !== undefined) {
      // The next column, back up at the row's first line.
      if (row.cells.length === 1) splitBefore(rowTop(row, cell, near)!);
      openCell(i, it);
    } else if (it.y < prev.y && Math.abs(it.x - cell.x) <= 0.5 * h) {
      cell.lines.push({ text: it.str, x: it.x, y: it.y, from: i });
    } else {
      startRow(i, it);
    }
    row!.to = i;
    prev = it;
  });
  return rows;
}

/** The widest gap that still joins two items on a line: a monospace font's word space is itself 0.6 em, so also a little over one of its characters. */
function cellGap(prev: PdfTextItem, h: number): number {
  return Math.max(CELL_GAP * h, (1.1 * prev.width) / Math.max(prev.str.length, 1));
}

/** Which line of the row's first cell the climbing text is level with: any for a row of one cell, the first otherwise. */
function rowTop(row: Row, cell: Cell, near: (y: number) => boolean): number | undefined {
  const first = row.cells[0]!;
  if (row.cells.length > 1) return near(first.lines[0]!.y) ? 0 : undefined;
  for (let k = cell.lines.length - 1; k >= 0; k--) if (near(cell.lines[k]!.y)) return k;
  return undefined;
}

/**
 * The rows read as table rows, by index, with their line: runs of two or more
 * rows of several cells whose cells start in the columns of the rows before
 * (all of them, or two when the row has as many cells as the one before: a
 * merged or indented cell). A lone row of two cells is more often a justified
 * line or a heading with its page number than a table, and two justified lines
 * split at their wide spaces do not start their words in the same places.
 */
function tableRows(rows: Row[]): Map<number, string> {
  // Each row's line once: undefined for body text.
  const candidates = rows.map(rowLine);
  const lines = new Map<number, string>();
  let run: number[] = [];
  let columns: number[] = [];
  const close = () => {
    if (run.length >= 2) {
      // A header row whose labels are centred starts its cells off the columns; it has as many cells.
      const header = run[0]! - 1;
      if (header >= 0 && !lines.has(header) && candidates[header] !== undefined && rows[header]!.cells.length === rows[run[0]!]!.cells.length) run.unshift(header);
      for (const r of run) lines.set(r, candidates[r]!);
    }
    run = [];
    columns = [];
  };
  rows.forEach((row, r) => {
    if (candidates[r] === undefined) return close();
    const xs = row.cells.map((c) => c.x);
    const aligned = xs.filter((x) => columns.some((c) => Math.abs(c - x) <= SAME_COLUMN)).length;
    const previous = rows[run[run.length - 1] ?? -1];
    const sameColumns = aligned >= 2 && (aligned === xs.length || previous?.cells.length === xs.length);
    if (run.length > 0 && !sameColumns) close();
    run.push(r);
    columns = [...columns, ...xs.filter((x) => !columns.some((c) => Math.abs(c - x) <= SAME_COLUMN))];
  });
  close();
  return lines;
}

/** A row of several cells as one line, or undefined when it is no table row. */
function rowLine(row: Row): string | undefined {
  if (row.cells.length < 2) return undefined;
  const cells = row.cells.map((c) => ({ text: joinLines(c.lines.map((l) => l.text)), lines: c.lines.length }));
  if (cells.some((c) => !c.text || c.lines > MAX_CELL_LINES)) return undefined;
  if (HANGING_NUMBER.test(cells[0]!.text)) return undefined;
  // "Effective Date:   1 March 2025" is a label and its value, not a table.
  if (cells.length === 2 && cells[0]!.text.endsWith(":") && !cells[1]!.text.endsWith(":")) return `${cells[0]!.text} ${cells[1]!.text}`;
  return cells.map((c) => c.text).join(" | ");
}

/** A cell's wrapped lines as one: a word hyphenated at the line end is mended. */
function joinLines(lines: string[]): string {
  let text = "";
  for (const raw of lines) {
    const line = raw.replace(/\s+/g, " ").trim();
    if (!line) continue;
    if (/\p{Ll}-$/u.test(text) && /^\p{Ll}/u.test(line)) text = text.slice(0, -1) + line;
    else text = text ? `${text} ${line}` : line;
  }
  return text;
}
