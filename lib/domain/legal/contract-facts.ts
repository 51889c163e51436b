// What a contract says about itself, to prefill the contract form after an
// upload: its title (and the type that title names), the parties, the date it
// takes effect and the governing law. Suggestions only: the reviewer sees them
// in the form and saves what is right. Nothing is guessed: a fact the text does
// not state plainly is left out. Pure: no I/O.
import { type ContractTextInput, buildPassages } from "./contract-passages";
import type { ContractType } from "./legal-vocabulary";

export interface ContractFacts {
  title?: string;
  type?: ContractType;
  /** ISO date (YYYY-MM-DD). */
  effectiveDate?: string;
  governingLaw?: string;
  /** As named in the text, e.g. ["Acme Hosting Ltd", "Northwind plc"]. */
  parties?: string[];
}

const TITLE_WORDS = /\b(?:agreement|addendum|terms|contract|conditions|schedule|statement of work|amendment|dpa|baa|msa)\b/i;
const MAX_TITLE = 120;
/** A numbered section, a question, a lead-in or a sentence addressed to the reader names no document. */
const NOT_A_TITLE = /^\d+(?:\.\d+)*\.?\s|[?:]$|^(?:how|is|are|what|why|when|you|your|for|this|these|if|please)\b|\b(?:you|your|should|must|shall)\b/i;
/** Only the opening of a document names it; a heading on page 9 is a section. */
const OPENING_PASSAGES = 12;

const TYPE_OF_TITLE: [RegExp, ContractType][] = [
  [/\b(?:data processing|data protection|processor|dpa)\b/i, "dpa"],
  [/\bamendment\b/i, "amendment"],
  [/\b(?:statement of work|sow)\b/i, "sow"],
  [/\b(?:master (?:services? |subscription |customer )?agreement|msa)\b/i, "msa"],
];

export function extractContractFacts(document: ContractTextInput): ContractFacts {
  const passages = buildPassages(document);
  const text = passages.map((p) => p.text).join("\n");
  const facts: ContractFacts = {};
  const title = documentTitle(document, passages.slice(0, OPENING_PASSAGES).map((p) => p.heading));
  if (title) {
    facts.title = title;
    const type = TYPE_OF_TITLE.find(([re]) => re.test(title))?.[1];
    if (type) facts.type = type;
  }
  const effective = effectiveDate(text);
  if (effective) facts.effectiveDate = effective;
  const law = governingLaw(text);
  if (law) facts.governingLaw = law;
  const parties = partiesOf(passages.slice(0, OPENING_PASSAGES * 2).map((p) => p.text));
  if (parties) facts.parties = parties;
  return facts;
}

function documentTitle(document: ContractTextInput, openingHeadings: (string | undefined)[]): string | undefined {
  const candidates = [
    ...(document.sections ?? []).slice(0, 3).map((s) => s.heading ?? undefined),
    ...openingHeadings,
    firstLine(document),
  ];
  const title = candidates.find((c): c is string => !!c && c.length <= MAX_TITLE && TITLE_WORDS.test(c) && !NOT_A_TITLE.test(c));
  return title ? tidyTitle(title) : undefined;
}

function firstLine(document: ContractTextInput): string | undefined {
  const text = document.pages?.[0]?.text ?? document.sections?.[0]?.text ?? "";
  return text.split(/\r?\n/).map((l) => l.trim()).find(Boolean);
}

/** "MASTER SERVICES AGREEMENT" reads as "Master Services Agreement"; mixed case is kept. */
function tidyTitle(title: string): string {
  const t = title.replace(/\s+/g, " ").trim();
  if (t !== t.toUpperCase()) return t;
  return t
    .toLowerCase()
    .replace(/\b([a-z])/g, (c) => c.toUpperCase())
    .replace(/\b(Of|And|The|For|To|In|On|A|An)\b/g, (w, _c, i: number) => (i === 0 ? w : w.toLowerCase()))
    .replace(/\b(Dpa|Baa|Msa|Sow|Saas|Eu|Uk|Us)\b/g, (w) => w.toUpperCase());
}

// ------------------------------------------------------------------ dates

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?${MONTH},?\s+\d{4})`;
/** "Effective Date: 1 March 2025", "effective as of March 1, 2025", "dated 1st March 2025", "entered into on 2025-03-01". */
const EFFECTIVE = new RegExp(
  String.raw`\b(?:effective(?:\s+date)?(?:\s+(?:is|of\s+this\s+\w+))?\s*(?:as\s+of|from|on)?|dated(?:\s+as\s+of)?|entered\s+into\s+(?:on|as\s+of)|made\s+(?:on|as\s+of))\s*[:\-]?\s*(?:the\s+)?(${DATE})`,
  "gi",
);
/**
 * "… amends the Master Services Agreement dated 1 March 2022", "under the MSA
 * dated …": the date of another agreement the text names, not its own ("This
 * Amendment, dated …" is its own).
 */
const OTHER_AGREEMENT_BEFORE = /\b(?:the|that|an?|said|existing|such)\s+(?:[A-Z][\w-]*\s+){0,5}(?:agreement|contract|msa|terms(?:\s+and\s+conditions)?|order(?:\s+form)?|addendum|dpa|sow|statement\s+of\s+work)(?:\s*\([^)]{0,40}\))?\s*,?\s*$/i;

function effectiveDate(text: string): string | undefined {
  for (const m of text.matchAll(EFFECTIVE)) {
    const before = text.slice(Math.max(0, m.index - 120), m.index).split(/[.;\n](?=\s)/).pop() ?? "";
    if (/^dated/i.test(m[0]) && OTHER_AGREEMENT_BEFORE.test(before)) continue;
    const iso = m[1] ? isoDate(m[1]) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

export function isoDate(raw: string): string | undefined {
  const s = raw.replace(/(\d)(?:st|nd|rd|th)\b/i, "$1").replace(/\bday of\b/i, "").replace(/[,.]/g, " ").replace(/\s+/g, " ").trim().toLowerCase();
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const monthFirst = /^([a-z]+) (\d{1,2}) (\d{4})$/.exec(s);
  const dayFirst = /^(\d{1,2}) ([a-z]+) (\d{4})$/.exec(s);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (monthFirst) [y, m, d] = [Number(monthFirst[3]), monthIndex(monthFirst[1] ?? ""), Number(monthFirst[2])];
  else if (dayFirst) [y, m, d] = [Number(dayFirst[3]), monthIndex(dayFirst[2] ?? ""), Number(dayFirst[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

function monthIndex(word: string): number {
  return MONTHS.findIndex((name) => name.startsWith(word.slice(0, 3))) + 1;
}

// ---------------------------------------------------- governing law, parties

const GOVERNING_LAW =
  /\bgoverned by(?:,? and (?:shall be )?(?:construed|interpreted) in accordance with,?)? (?:the )?laws? of (?:the )?((?:State of |Commonwealth of |Province of )?[A-Z][A-Za-z]+(?:[ -](?:of (?:the )?|and )?[A-Z][A-Za-z]+){0,3})/;

function governingLaw(text: string): string | undefined {
  const law = GOVERNING_LAW.exec(text)?.[1]?.trim();
  // "the laws of the Member State in which the exporter is established" names no jurisdiction.
  return law && !/^(?:member state|country|jurisdiction|state)$/i.test(law) ? law : undefined;
}

/** A name: capitalised words (no "This"/"The Agreement" run-on), then a company suffix. */
const PARTY = String.raw`((?!(?:This|THIS|The|THE)\b)[A-Z][\w&'.-]*(?:\s+(?!(?:This|THIS|and|AND)\b)[A-Z0-9&][\w&'.-]*){0,6}(?:,?\s+(?:[Pp]lc|PLC|[Ll]td|LTD|LLC|llc|[Ii]nc|INC|[Ll]imited|LIMITED|GmbH|AG|B\.?V\.?|S\.A\.|[Pp]ty|PTY|[Cc]orp|CORP)\b\.?)?)`;
/**
 * "between Acme Hosting Ltd (the "Supplier") and Northwind plc", or with a
 * description first: "between ACME LIMITED, a company registered in England
 * … (the "Customer"), and …". The description must close with the role in
 * brackets, so "England and Wales" inside it is not read as the second party.
 */
const BETWEEN = new RegExp(String.raw`\bbetween\s+${PARTY}(?:\s*\([^)]{0,80}\)|,[^;]{0,300}?\([^)]{0,80}\))?,?\s+and\s+${PARTY}`);

/** "between Provider and Customer" names roles, not parties. */
const ROLE_WORD = /^(?:the|this|you|us|we|customer|client|provider|supplier|vendor|company|processor|controller|licensee|licensor|contractor|consultant|party|parties|subscriber|user|buyer|purchaser|seller|agency|covered entity|business associate)$/i;

function partiesOf(sentences: string[]): string[] | undefined {
  for (const s of sentences) {
    const m = BETWEEN.exec(s);
    if (!m) continue;
    // "CALDERA CUS- TOMER" is a hyphenated line break in capitals.
    const parties = [m[1], m[2]].map((p) => (p ?? "").replace(/([A-Za-z])- ([A-Za-z])/g, "$1$2").replace(/[,]+$/, "").trim());
    if (parties.every((p) => p.length >= 2 && !ROLE_WORD.test(p))) return parties;
  }
  return undefined;
}
