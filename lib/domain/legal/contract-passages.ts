// Turns extracted contract text into sentence-sized passages that remember
// where they start (page, heading, clause number). Pure: no I/O.
//
// PDF text arrives as lines with running headers/footers, typesetter
// hyphenation ("notifi-\ncation") and clauses running over page breaks;
// DOCX arrives as paragraphs under headings; TXT as hard-wrapped lines.
// All three become one stream of sentences. A list item ("(b) The Company
// will return ...") starts its own passage and carries the lead-in that governs
// it ("Upon termination of the agreement:"), as Markdown lists do
// (markdown-sections.ts): items are neither merged nor cut off from their lead-in.

import { type OpenItem, chainedLeadIn, closeOpenItemBefore, leadInSentence, markerOf, openLevel } from "./lead-in";

export interface ContractTextInput {
  pages?: { number: number; text: string }[];
  sections?: { heading: string | null; text: string }[];
}

export interface Passage {
  index: number;
  text: string;
  /** Page the passage starts on (PDF, or TXT with form feeds). */
  page?: number;
  /** Nearest heading above the passage, e.g. "Section 8. Audit Rights". */
  heading?: string;
  /** Number of the paragraph the passage belongs to, e.g. "8.1". */
  clauseNumber?: string;
  /** Sentences of one paragraph (or list item) share this ordinal. */
  paragraph: number;
  /** The text as the document wrote it, where `text` is the form the finder reads (readable-text.ts). */
  asWritten?: string;
  /**
   * "… notice of any change to an approved subcontractor, and the Customer may
   * object …": a clause with its own subject is read apart from the sentence it
   * was cut from (splitCoordinated), but quoted within it.
   */
  wholeSentence?: string;
}

interface Unit {
  lines: string[];
  page?: number;
  heading?: string;
  /** Pages flow into each other; DOCX sections do not. */
  continuesPrevious: boolean;
}

export function buildPassages(doc: ContractTextInput): Passage[] {
  const builder = new PassageBuilder();
  for (const unit of toUnits(doc)) builder.addUnit(unit);
  return builder.finish();
}

/** "Section 8. Audit Rights › 8.1": the most useful label for a citation. */
export function passageSection(p: Passage): string | undefined {
  if (p.heading && p.clauseNumber && !p.heading.startsWith(p.clauseNumber)) return `${p.heading} › ${p.clauseNumber}`;
  return p.heading ?? p.clauseNumber;
}

// ---------------------------------------------------------------- units

function toUnits(doc: ContractTextInput): Unit[] {
  if (doc.pages && doc.pages.length > 0) {
    const stripped = stripRunningLines(doc.pages.map((p) => splitLines(p.text)));
    return doc.pages.map((p, i) => ({ lines: stripped[i] ?? [], page: p.number, continuesPrevious: true }));
  }
  return (doc.sections ?? []).map((s) => ({
    lines: splitLines(s.text),
    heading: s.heading ? cleanLine(s.heading) : undefined,
    continuesPrevious: false,
  }));
}

function splitLines(text: string): string[] {
  return text.split(/\r?\n|\f/).map(cleanLine);
}

/** One spelling for quotes, dashes and spaces, so patterns stay simple. */
export function cleanLine(line: string): string {
  return line
    .replace(/\u00ad/g, "")
    .replace(/[\u00a0\u2007\u202f\t]/g, " ")
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}

const PAGE_NUMBER_LINE = /^(?:page\s+)?\d+(?:\s*(?:of|\/)\s*\d+)?$|^-\s*\d+\s*-$/i;
const EDGE_LINES = 2;

/**
 * Drops running headers and footers: lines at the top or bottom of a page that
 * repeat (digits ignored) on at least half the pages, and bare page numbers.
 * Without this a clause split over a page break would have "Page 4 of 9" in it.
 */
function stripRunningLines(pages: string[][]): string[][] {
  const key = (l: string) => l.toLowerCase().replace(/\d+/g, "#");
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edge = new Set(edgeIndexes(lines).map((i) => key(lines[i] ?? "")));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const minRepeats = Math.max(2, Math.ceil(pages.length / 2));
  return pages.map((lines) => {
    const drop = new Set(
      edgeIndexes(lines).filter((i) => {
        const line = lines[i] ?? "";
        return PAGE_NUMBER_LINE.test(line) || (pages.length >= 2 && (counts.get(key(line)) ?? 0) >= minRepeats);
      }),
    );
    return lines.filter((_, i) => !drop.has(i));
  });
}

function edgeIndexes(lines: string[]): number[] {
  const nonEmpty = lines.map((l, i) => (l ? i : -1)).filter((i) => i >= 0);
  return [...new Set([...nonEmpty.slice(0, EDGE_LINES), ...nonEmpty.slice(-EDGE_LINES)])];
}

// ------------------------------------------------------------- headings

/** "Section 8", "Annex II", "§ 5": a heading's opening, German-drafted agreements numbering theirs with "§". */
const HEADING_KEYWORD = /^(?:(?:section|article|clause|schedule|annex|appendix|exhibit|part)\s+(?:[0-9]+(?:\.[0-9]+)*|[ivxlc]+|[a-z])\b|§\s*[0-9]+(?![\d(.])\b)/i;
const NUMBERED_HEADING = /^(\d+(?:\.\d+)*\.?)\s+(\S.*)$/;
const FUNCTION_WORD_END = /\b(?:the|a|an|of|to|and|or|in|on|for|by|with|that|which|shall|may|be|is|are|its|their|any|all|as|at|from)$/i;
const MODAL = /\b(?:shall|will|must|may)\b/i;

export function isHeadingLine(line: string): boolean {
  if (line.length === 0 || line.length > 90 || line.includes(" | ")) return false;
  if (/[.;,:]$/.test(line)) return false;
  const words = line.split(" ");
  if (HEADING_KEYWORD.test(line)) return words.length <= 14 && !MODAL.test(line);
  const letters = line.replace(/[^A-Za-z]/g, "");
  if (letters.length >= 3 && letters === letters.toUpperCase() && words.length <= 12 && line.length <= 80) return true;
  const numbered = NUMBERED_HEADING.exec(line);
  if (numbered) {
    const rest = numbered[2] ?? "";
    return (
      /^[A-Z]/.test(rest) &&
      rest.split(" ").length <= 8 &&
      line.length <= 60 &&
      !FUNCTION_WORD_END.test(rest) &&
      !MODAL.test(rest)
    );
  }
  return false;
}

/**
 * "APPENDIX D - SECURITY CONTROLS": a heading even right after a table, whose
 * last cell never ends a sentence. Only in capitals, so a wrapped line that
 * happens to start with "Schedule 4 and ..." is not mistaken for one.
 */
function isCapitalKeywordHeading(line: string): boolean {
  return HEADING_KEYWORD.test(line) && line === line.toUpperCase();
}

const PARAGRAPH_NUMBER = /^(?:(?:section|clause|article|paragraph)\s+)?(\d+(?:\.\d+)+\.?|\d+\.)(?=\s|$)/i;

function paragraphNumber(line: string): string | undefined {
  const m = PARAGRAPH_NUMBER.exec(line);
  return m?.[1]?.replace(/\.$/, "");
}

// -------------------------------------------------------------- builder

/** "… in connection with the Contract:-": British drafting ends a lead-in with a colon and a dash. */
const ENDS_SENTENCE = /(?:[.;!?]|:[-–—]?)["')\]]*$/;
/** "(a) ", "(iv) ", "(2) ", "b) ", "d. ": an item of a list whose lead-in ends in a colon. */
const LIST_ITEM = /^\(?(?:[a-z]|[ivx]+|\d{1,2})\)\s|^(?:[a-z]|[ivx]+)\.\s/i;
/**
 * "• encrypt data at rest", "- delete all copies": a bulleted item starts its
 * own passage even when the item before it ends without punctuation, as
 * bulleted items in PDFs and plain text often do.
 */
const BULLET_ITEM = /^[•●▪◦‣∙·○■□►➢*-]\s+\S/;
/** "=====" or "-----" under a title (reStructuredText, setext) or between parts: no text. */
const RULE_LINE = /^([=\-~^*#+_`'".:])\1{2,}$/;
const MAX_HEADING_UNDERLINED = 90;
const MAX_LEAD_IN = 300;
/** "twenty-" at a line end, and "four" or "fourth" starting the next: a number in words broken at its own hyphen. */
const TENS_BEFORE_HYPHEN = /\b(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-$/i;
const UNITS = /^(?:one|two|three|four|five|six|seven|eight|nine|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b/i;
const ITEM_JOINER = /[;,]\s*(?:and|or|and\/or)$/i;
/**
 * "The Processor shall not transfer Personal Data outside the UK unless:" is
 * followed by the alternatives of one condition ("(a) … adequate protection;
 * (b) … Standard Contractual Clauses; (c) the Controller has authorised it"):
 * they complete the lead-in's sentence instead of standing alone, and the
 * sentence is read as a whole.
 */
const CONDITION_LEAD_IN = /\b(?:unless|except(?:\s+(?:where|if|when|that|as))?|provided(?:\s+that)?|only\s+(?:if|where|when))\s*:["')\]]*$/i;
const MAX_CONDITION_SENTENCE = 1500;

/**
 * No paragraph ends on "within", "of", "the" or "shall": a blank line after
 * one is a slip of the publisher's inside a sentence ("… and in any event
 * within" / "10 business days of the cessation …, delete …"), and the sentence
 * continues in the next paragraph when that opens in lower case or with a number.
 */
const DANGLING_END = /\b(?:within|of|the|a|an|and|or|to|by|for|in|on|at|with|than|from|into|that|which|shall|will|must|may|not|any|all|its|their|such|is|are|be)$/i;
/** Lower case or a bare number ("10 business days"), but no item marker ("b)", "ii.") or clause number ("10."). */
const CONTINUES = /^(?![a-z]{1,4}[.)]\s)(?:[a-z]|\d+\s)/;

class PassageBuilder {
  private passages: Passage[] = [];
  private buffer = "";
  private bufferPages: { offset: number; page: number }[] = [];
  private heading: string | undefined;
  private clauseNumber: string | undefined;
  private prevEnded = true;
  /** The open lead-in ("Upon termination:") for the list items that follow it. */
  private leadIn: string | undefined;
  /** An open condition ("… unless:") and the passage its items complete. */
  private openCondition: { leadIn: string; passage: Passage } | undefined;
  /** The buffer holds a list item: its passages start with the lead-in. */
  private bufferIsItem = false;
  /**
   * "3.1 The Supplier shall:" … "3.1.2 ensure that:": the numbered paragraphs
   * whose lead-ins are open, outermost first. A paragraph numbered below one
   * ("3.1.1") is read under it; the next at its level ("3.2") closes it.
   */
  private numbered: { number: string; leadIn: string }[] = [];
  /** "(b) … and ensure that they:": the items whose lead-ins are open, each with the lead-in it was read under; its next sibling ("(c)") closes it. */
  private openers: OpenItem[] = [];
  /** The buffer holds a numbered paragraph, read under this lead-in, if any. */
  private bufferIsNumbered = false;
  private bufferGoverning: string | undefined;
  private prevAllowsItem = true;
  private paragraphs = 0;
  /** A blank line was met after a word no sentence ends on (DANGLING_END). */
  private heldBreak = false;

  addUnit(unit: Unit): void {
    if (!unit.continuesPrevious) {
      this.flush();
      this.heading = unit.heading;
      this.clauseNumber = undefined;
      this.prevEnded = this.prevAllowsItem = true;
      this.closeOutline();
    }
    for (const line of unit.lines) this.addLine(line, unit.page);
  }

  finish(): Passage[] {
    this.flush();
    return this.passages;
  }

  private addLine(line: string, page: number | undefined): void {
    // "(a) … the Company; and" is followed by item (b), not by the rest of a sentence.
    if (line === "" && DANGLING_END.test(this.buffer.trimEnd()) && !ITEM_JOINER.test(this.buffer.trimEnd())) {
      this.heldBreak = true;
      return;
    }
    if (this.heldBreak) {
      this.heldBreak = false;
      // A line that goes on with the sentence joins it below, as any line of a paragraph does; anything else ends it.
      if (line === "" || !CONTINUES.test(line)) {
        this.flush();
        this.prevEnded = this.prevAllowsItem = true;
      }
    }
    if (line === "") {
      this.flush();
      this.prevEnded = this.prevAllowsItem = true;
      return;
    }
    if (RULE_LINE.test(line)) {
      // An underlined title ("Data Protection" over "===============") is the heading of what follows.
      const title = this.buffer.trim();
      const underlined = title && this.bufferPages.length <= 1 && title.length <= MAX_HEADING_UNDERLINED && !/[.;:,]$/.test(title) && !this.bufferIsItem;
      if (underlined) {
        this.buffer = "";
        this.bufferPages = [];
        this.heading = title;
        this.clauseNumber = paragraphNumber(title);
        this.closeOutline();
      } else this.flush();
      this.prevEnded = this.prevAllowsItem = true;
      return;
    }
    if (line.includes(" | ")) {
      // A table row stands alone; cells are not sentences of the paragraph around them.
      this.flush();
      this.append(line, page);
      this.flush();
      this.prevEnded = this.prevAllowsItem = true;
      return;
    }
    if ((this.prevEnded || isCapitalKeywordHeading(line)) && isHeadingLine(line)) {
      this.flush();
      this.heading = line;
      this.clauseNumber = paragraphNumber(line);
      this.prevEnded = this.prevAllowsItem = true;
      this.closeOutline();
      return;
    }
    // "3.1.3 not transfer …; and" is followed by 3.1.4, as "(a) …; and" is by item (b).
    const number = this.prevAllowsItem ? paragraphNumber(line) : undefined;
    if (number) {
      this.flush();
      this.clauseNumber = number;
      this.leadIn = undefined;
      this.openers = [];
      while (this.numbered.length > 0 && !number.startsWith(`${this.numbered[this.numbered.length - 1]?.number}.`)) this.numbered.pop();
      this.bufferIsNumbered = true;
      this.bufferGoverning = this.numbered[this.numbered.length - 1]?.leadIn;
    } else if ((this.prevAllowsItem && LIST_ITEM.test(line)) || BULLET_ITEM.test(line)) {
      this.flush();
      const marker = markerOf(line);
      const closed = marker ? closeOpenItemBefore(this.openers, marker) : undefined;
      if (closed) this.leadIn = closed.before;
      this.bufferIsItem = this.leadIn !== undefined;
    }
    this.append(line, page);
    this.prevEnded = ENDS_SENTENCE.test(line);
    // "(a) the Client will return ...; and" is followed by item (b).
    this.prevAllowsItem = this.prevEnded || ITEM_JOINER.test(line);
  }

  private append(line: string, page: number | undefined): void {
    let offset: number;
    if (/[A-Za-z]-$/.test(this.buffer) && /^[a-z]/.test(line)) {
      // Typesetter hyphenation: "notifi-" + "cation". Compounds lose their
      // hyphen too ("third-party" -> "thirdparty"); finder patterns allow both.
      // A number written in words keeps it: "seventy-" + "two hours" is a deadline.
      const compoundNumber = TENS_BEFORE_HYPHEN.test(this.buffer) && UNITS.test(line);
      if (!compoundNumber) this.buffer = this.buffer.slice(0, -1);
      offset = this.buffer.length;
      this.buffer += line;
    } else {
      if (this.buffer) this.buffer += " ";
      offset = this.buffer.length;
      this.buffer += line;
    }
    const last = this.bufferPages[this.bufferPages.length - 1];
    if (page !== undefined && (!last || last.page !== page)) this.bufferPages.push({ offset, page });
  }

  private closeOutline(): void {
    this.leadIn = undefined;
    this.numbered = [];
    this.openers = [];
  }

  private flush(): void {
    this.heldBreak = false;
    const text = this.buffer;
    const pages = this.bufferPages;
    const isItem = this.bufferIsItem;
    const isNumbered = this.bufferIsNumbered;
    const leadIn = isItem ? this.leadIn : isNumbered ? this.bufferGoverning : undefined;
    this.buffer = "";
    this.bufferPages = [];
    this.bufferIsItem = this.bufferIsNumbered = false;
    this.bufferGoverning = undefined;
    if (!text.trim()) return;
    // An item arrives bare after the lead-in here, or already led in by the Markdown reader (markdown-sections.ts).
    const condition = this.openCondition;
    const item = !condition ? undefined : leadIn === condition.leadIn ? text.trim() : withoutPrefix(text.trim(), `${condition.leadIn} `);
    if (condition && item !== undefined && condition.passage.text.length + item.length < MAX_CONDITION_SENTENCE) {
      condition.passage.text += ` ${item}`;
      // Its quote too: "… within 30 days unless: (a) …; or (b) …" shown without its exceptions would hide them.
      if (condition.passage.wholeSentence) condition.passage.wholeSentence += ` ${item}`;
      return;
    }
    // An item keeps the lead-in open for its siblings, unless it opens one of its own for its sub-items
    // ("(b) … ensure that they: (i) …"); any other paragraph may open one, and one that is no numbered
    // clause or item closes the numbered ones.
    const trimmed = text.trim();
    const own = /:[-–—]?["')\]]*$/.test(trimmed) ? leadInSentence(sentencesOf(trimmed)) : undefined;
    const opened = own && chainedLeadIn(leadIn, trimmed, own);
    const marker = markerOf(trimmed);
    if (isItem) {
      if (opened && marker) {
        openLevel(this.openers, { marker, before: leadIn });
        this.leadIn = opened;
      }
    } else {
      this.leadIn = opened;
      // "b. When Axiom engages a Subprocessor, it will:" leads into its own items, and its sibling "c." closes it.
      this.openers = opened && marker && !isNumbered ? [{ marker, before: undefined }] : [];
      if (isNumbered && opened && this.clauseNumber) openLevel(this.numbered, { number: this.clauseNumber, leadIn: opened });
      else if (!isNumbered && !LIST_ITEM.test(trimmed) && !BULLET_ITEM.test(trimmed)) this.numbered = [];
    }
    let first = true;
    const paragraph = this.paragraphs++;
    for (const { start, end, stem, whole } of splitSentences(text)) {
      const own = text.slice(start, end).trim();
      if (!own) continue;
      const prefix = first && leadIn ? `${leadIn} ` : stem ? `${stem} … ` : "";
      const sentence = prefix + own;
      // The whole sentence is what a reader should see quoted, with the lead-in it was read under.
      const quoted = whole && (first && leadIn ? `${leadIn} ` : "") + text.slice(whole.start, whole.end).trim();
      first = false;
      let page: number | undefined;
      for (const p of pages) if (p.offset <= start) page = p.page;
      this.passages.push({
        index: this.passages.length,
        text: sentence,
        page: page ?? pages[0]?.page,
        heading: this.heading,
        clauseNumber: this.clauseNumber,
        paragraph,
        ...(quoted ? { wholeSentence: quoted } : {}),
      });
    }
    const last = this.passages[this.passages.length - 1];
    this.openCondition = !isItem && last && this.leadIn && CONDITION_LEAD_IN.test(this.leadIn) ? { leadIn: this.leadIn, passage: last } : undefined;
  }
}

function withoutPrefix(text: string, prefix: string): string | undefined {
  return text.startsWith(prefix) ? text.slice(prefix.length) : undefined;
}

// ------------------------------------------------------------ sentences

const ABBREVIATIONS = new Set([
  "inc", "ltd", "llc", "co", "corp", "plc", "no", "nos", "art", "arts", "cl", "para", "paras", "sec", "secs", "ss",
  "v", "vs", "mr", "mrs", "ms", "dr", "st", "approx", "fig", "pp", "p", "sch", "ch", "e.g", "i.e", "u.s", "u.k",
  "c.f.r", "u.s.c", "a.m", "p.m", "cf", "viz", "jr", "sr", "pty",
]);
/**
 * A sentence ends before a capital or a number, or before an inline item letter that opens one ("… questions. d. The
 * Vendor shall …", "… of) Loss. (c) So far as …").
 */
const ITEM_LETTER = String.raw`\((?:[a-z]|[ivx]{1,5})\)\s`;
const BOUNDARY = new RegExp(String.raw`[.!?]["')\]]*\s+(?=["'(\[]?[A-Z0-9]|[a-z][.)]\s+[A-Z]|${ITEM_LETTER}\s*[A-Z])`, "g");
const ITEM_OPENS = new RegExp(`^${ITEM_LETTER}`);
const MIN_SENTENCE = 30;
const MAX_SENTENCE = 600;

function sentencesOf(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

/** A sentence's place in the text, with the words that govern it when it was cut from a longer one. */
/** `whole`: the sentence a coordinated clause was cut from, for quoting it whole. */
type SentenceSpan = { start: number; end: number; stem?: string; whole?: { start: number; end: number } };

/**
 * Sentence spans, merging run-in headings ("7.4 Security Incidents.") into
 * what follows. A piece of a long sentence cut at a semicolon carries the
 * sentence's stem ("Recipient shall not"), without which "(b) disclose ... to
 * its employees" binds nobody.
 */
export function splitSentences(text: string): SentenceSpan[] {
  const raw: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const punct = m.index;
    // A bounded look back: the start stays put while boundaries are skipped, and re-reading from it would be quadratic.
    const token = (/(\S+)$/.exec(text.slice(Math.max(start, punct - 40), punct))?.[1] ?? "").replace(/^[("'\[]+/, "").toLowerCase();
    if (ABBREVIATIONS.has(token) || /^(?:[a-z]\.)*[a-z]$/.test(token)) continue;
    // "shall: (a) stop using Client Data. (b) Return …": inside a list led in by a colon, an item letter after a full stop is
    // the next item under the same lead-in, not a new sentence.
    if (ITEM_OPENS.test(text.slice(m.index + m[0].length, m.index + m[0].length + 8)) && text.slice(start, punct).includes(":")) continue;
    // "1. Routing" / "14. AUDIT": a bare paragraph number is not a sentence.
    if (/^\d+(?:\.\d+)*$/.test(token) && punct - start <= token.length + 8 && text.slice(start, punct).trim() === token) continue;
    // "the Vendor shall: 1. Immediately notify …": an inline list's first item keeps its lead-in.
    if (token === "1" && /:\s*$/.test(text.slice(Math.max(start, punct - 8), punct - 1))) continue;
    const end = m.index + m[0].length;
    raw.push({ start, end });
    start = end;
  }
  if (start < text.length) raw.push({ start, end: text.length });

  const merged: { start: number; end: number }[] = [];
  let pending: { start: number; end: number } | undefined;
  for (const s of raw) {
    const current = pending ? { start: pending.start, end: s.end } : s;
    pending = undefined;
    if (current.end - current.start < MIN_SENTENCE) pending = current;
    else merged.push(current);
  }
  if (pending) merged.push(pending);
  return merged.flatMap((s) => splitCoordinated(text, s)).flatMap((s) => splitLong(text, s));
}

/**
 * "The Customer agrees that the reports shall satisfy …, and the Customer shall
 * not be entitled to conduct any on-site audit": a second main clause with its
 * own subject and modal is read alone, or the first clause's modal decides for
 * both. It keeps the sentence's opening condition or time ("Upon termination, …").
 */
const COORDINATED_CLAUSE = /,\s+(?:and|but)\s+(?=(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:shall|will|must|may)\b)/g;
const OPENING = /^(?:\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)+\.?\s+)?(?:upon|on|after|following|within|if|where|in the event|at the end|when|once|unless)\b[^,;]{0,120},/i;

function splitCoordinated(text: string, s: { start: number; end: number }): SentenceSpan[] {
  const sentence = text.slice(s.start, s.end);
  if (sentence.search(COORDINATED_CLAUSE) < 0) return [s];
  return cutAt(s, sentence, COORDINATED_CLAUSE, OPENING.exec(sentence)?.[0].replace(/,$/, "")).map((piece) => ({ ...piece, whole: s }));
}

/** Cuts a sentence where `at` matches; every piece after the first carries the stem, when there is one. */
function cutAt(s: { start: number; end: number }, sentence: string, at: RegExp, stem: string | undefined): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = s.start;
  for (const m of sentence.matchAll(at)) {
    const end = s.start + m.index + m[0].length;
    out.push(out.length > 0 && stem ? { start, end, stem } : { start, end });
    start = end;
  }
  out.push(out.length > 0 && stem ? { start, end: s.end, stem } : { start, end: s.end });
  return out;
}

/**
 * "Upon termination: (a) Customer shall pay …; and (b) Akave shall … delete all
 * Data": an inline item with a subject and a modal of its own is a sentence of
 * its own, under the words before the first item.
 */
const ITEM_WITH_OWN_SUBJECT = /;\s+(?:and\s+|or\s+)?(?=\((?:[b-z]|i{2,3}|iv|vi{0,3}|\d{1,2})\)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:shall|will|must|agrees|undertakes)\b)/g;

/** "…, Vendor will:", "The Supplier shall:": a party and its modal ending in a colon, the lead-in of a list of duties. */
const MODAL_LEAD_IN = /(?:^|[,;:(\]]\s*)((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+(?:shall|will|must|agrees\s+to|undertakes\s+to))\s*:/;

/** Very long sentences (lists of duties) are cut at semicolons so far-apart words do not co-occur. */
function splitLong(text: string, s: { start: number; end: number }): SentenceSpan[] {
  const sentence = text.slice(s.start, s.end);
  const long = s.end - s.start > MAX_SENTENCE;
  if (!long && sentence.search(ITEM_WITH_OWN_SUBJECT) < 0) return [s];
  // "Recipient shall not (a) use ...; or (b) disclose ...": the words before the first item govern every item.
  const firstItem = /(?:^|\s)\((?:a|i|1)\)\s/i.exec(sentence);
  const itemStem = firstItem && firstItem.index > 0 && firstItem.index <= MAX_LEAD_IN ? text.slice(s.start, s.start + firstItem.index).trim() : undefined;
  if (!long) return cutAt(s, sentence, ITEM_WITH_OWN_SUBJECT, itemStem);
  // "(a) In order to meet the law, Vendor will: require …; follow …; provide training …": the duty's own lead-in, nearer
  // the pieces than the words before the first item, governs them.
  const duty = MODAL_LEAD_IN.exec(sentence.split(";")[0]!);
  const stem = duty && (!firstItem || duty.index > firstItem.index) ? (itemStem ? `${itemStem} … ${duty[1]}:` : `${duty[1]}:`) : itemStem;
  const out: SentenceSpan[] = [];
  let start = s.start;
  let governing = stem;
  // The kind of marker the nested list's items bear ("(A)", "(i)"), once seen; null while none has been.
  let nestedItems: string | null | undefined;
  const cut = (end: number) => {
    const piece = text.slice(start, end);
    const kind = markerKind(piece);
    if (nestedItems === null) nestedItems = kind;
    // "(e) keep all Client Data confidential" after the nested items "(i) … (ii) …" is the outer list's again.
    else if (nestedItems && kind && kind !== nestedItems) [governing, nestedItems] = [stem, undefined];
    out.push(out.length > 0 && governing ? { start, end, stem: governing } : { start, end });
    const nested = nestedLeadIn(piece);
    if (nested) {
      governing = stem ? `${stem} … ${nested.lead}` : nested.lead;
      nestedItems = nested.items;
    }
    start = end;
  };
  for (const m of text.slice(s.start, s.end).matchAll(/;\s+/g)) {
    const end = s.start + m.index + m[0].length;
    if (end - start >= MAX_SENTENCE / 3) cut(end);
  }
  cut(s.end);
  return out;
}

/** "… and ensure that the Supplier Personnel: are aware …; are informed …": a list inside a list, with its own lead-in. */
const NESTED_LEAD_IN = /\b(?:ensur(?:e|es|ing)|procur(?:e|es|ing))\s+that\s+[^:;.]{1,80}:(?=\s*\S)/gi;
/** "(ii) ", "(B) ", "(c) ", "(3) ": an item's marker; the first group is its label. */
const ITEM_MARK = /\(([a-z]{1,4}|[A-Z]|\d{1,2})\)\s/g;
const FIRST_ITEM_MARK = new RegExp(ITEM_MARK.source);

/** The last nested lead-in of a piece, from the item that opens it ("(ii) it takes all reasonable steps … ensure that they:"), and the kind of its items' markers, if any follow in the piece. */
function nestedLeadIn(piece: string): { lead: string; items: string | null } | undefined {
  const m = [...piece.matchAll(NESTED_LEAD_IN)].pop();
  if (!m) return undefined;
  const from = [...piece.slice(0, m.index).matchAll(ITEM_MARK)].pop()?.index ?? 0;
  const lead = piece.slice(from, m.index + m[0].length).trim();
  return { lead: lead.length <= MAX_LEAD_IN ? lead : m[0], items: markerKind(piece.slice(m.index + m[0].length)) ?? null };
}

/** "(A)" upper, "(ii)" roman, "(c)" lower, "(3)" a number: the kind of the first item marker in a text. */
function markerKind(text: string): string | undefined {
  const marker = FIRST_ITEM_MARK.exec(text)?.[1];
  if (!marker) return undefined;
  if (/^\d/.test(marker)) return "number";
  if (/^[ivx]+$/.test(marker)) return "roman";
  return /^[A-Z]$/.test(marker) ? "upper" : "lower";
}
