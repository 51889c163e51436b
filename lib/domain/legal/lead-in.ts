// The lead-in a list is read under ("Upon termination, the Supplier shall:"),
// chosen the same way by the Markdown, HTML and plain-text readers
// (markdown-sections.ts, html-sections.ts, contract-passages.ts).

/** "(a) ", "iv. ", "3.1.2 ": the marker an item of a list or a numbered clause opens with. */
export const ENUMERATOR = /^\(?(?:[a-z]|[ivx]+|\d+)\)\s|^(?:[a-z]|[ivx]+)\.\s|^\d+(?:\.\d+)+\.?\s/i;
const MAX_LEAD_IN = 300;
const LEAD_IN_HEAD = 80;

/**
 * "The Supplier shall assist the Client … These include:": a lead-in that only
 * says the list spells out the sentence before it names no duty of its own,
 * so that sentence leads in with it.
 */
const ELABORATES = /^(?:these|this|they|it|such\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:include|includes|including|comprise|comprises|are|is|means?|cover|covers|consist\s+of|consists\s+of)\b[^.;:]{0,40}:["')\]]*\s*$/i;

/** The last of a paragraph's sentences, with the one before when the last only introduces the list's detail. */
export function leadInSentence(sentences: string[]): string | undefined {
  const last = sentences[sentences.length - 1]?.trim();
  if (!last) return undefined;
  const before = sentences[sentences.length - 2]?.trim();
  return clipLeadIn(before && ELABORATES.test(last) ? `${before} ${last}` : last);
}

/** A long lead-in keeps its opening words, where its subject and verb are, and its end. */
export function clipLeadIn(text: string): string {
  if (text.length <= MAX_LEAD_IN) return text;
  const head = text.slice(0, LEAD_IN_HEAD).replace(/\s+\S*$/, "");
  return `${head} … ${text.slice(text.length - (MAX_LEAD_IN - LEAD_IN_HEAD))}`;
}

/**
 * The lead-in an item opens for its own items. "ensure that:" or "(b) it takes
 * all reasonable steps … and ensure that they:" is all lead-in and opens in
 * lower case: it goes on with the sentence it is an item of, so its items are
 * read under both ("The Supplier shall: (3.1.3) ensure that: (b) … ensure that
 * they: (iv) have undergone training"). An item that opens a sentence of its
 * own ("C. Business Associate agrees that it shall:") leads in alone.
 */
export function chainedLeadIn(outer: string | undefined, item: string, own: string, itemUnderOuter = `${outer} ${item}`): string {
  const continues = outer !== undefined && own === clipLeadIn(item.trim()) && /^[a-z]/.test(item.trim().replace(ENUMERATOR, ""));
  return continues ? clipLeadIn(itemUnderOuter) : own;
}

/** "b)", "(iv)", "3.2." → "b", "iv", "3.2". */
export function markerOf(text: string): string | undefined {
  return (/^\(?([a-z]|[ivx]{1,5}|\d+(?:\.\d+)*)[.)]\s/i.exec(text) ?? /^(\d+(?:\.\d+)+)\s/.exec(text))?.[1]?.toLowerCase();
}

/** "c" after "b", "iii" after "ii", "3.3" after "3.2": the next item at the same level. */
export function isNextMarker(previous: string, next: string): boolean {
  if (/^[a-z]$/.test(previous) && /^[a-z]$/.test(next) && next.charCodeAt(0) === previous.charCodeAt(0) + 1) return true;
  const roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
  if (roman.includes(previous) && roman[roman.indexOf(previous) + 1] === next) return true;
  const [a, b] = [previous.split("."), next.split(".")];
  return (
    a.length === b.length && /^\d/.test(previous) && /^\d/.test(next) && a.slice(0, -1).join(".") === b.slice(0, -1).join(".") && Number(b[b.length - 1]) === Number(a[a.length - 1]) + 1
  );
}

/** An item whose own lead-in is open ("b) The Supplier warrants that:"), with the lead-in it was read under. */
export interface OpenItem {
  marker: string;
  before: string | undefined;
}

/**
 * Real agreements nest a few levels ("3.1" > "3.1.2" > "(b)" > "(i)"); a text
 * that opens level after level without closing any is not one, and keeping
 * every level would make each new item search them all. Past this depth the
 * outermost open level is dropped.
 */
const MAX_OPEN_LEVELS = 8;

/** Opens a level inside the open ones, keeping at most MAX_OPEN_LEVELS. */
export function openLevel<T>(open: T[], level: T): void {
  open.push(level);
  if (open.length > MAX_OPEN_LEVELS) open.shift();
}

/** The open item whose next sibling this marker is ("c" after "b"), closed with every item opened inside it. */
export function closeOpenItemBefore(open: OpenItem[], marker: string): OpenItem | undefined {
  for (let i = open.length - 1; i >= 0; i--) {
    const item = open[i] as OpenItem;
    if (!isNextMarker(item.marker, marker)) continue;
    open.length = i;
    return item;
  }
  return undefined;
}
