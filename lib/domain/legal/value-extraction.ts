// Pulls structured values out of contract wording: durations ("seventy-two
// (72) hours", "five (5) business days"), training cadences ("quarterly",
// "every twelve (12) months") and money ("US$5,000,000"). Pure: no I/O.
//
// Conventions (documented so a reviewer can check the arithmetic):
// - Words prevail over figures when both are given and disagree, the usual
//   drafting rule (cf. UCC § 3-114); the conflict is reported.
// - Ranges ("24 to 48 hours") take the upper bound: the contractual worst case.
// - Business/working days become calendar days at their worst case, a weekend
//   intervening every five business days: N + 2 × ceil(N / 5) (2 → 4 days = 96 h,
//   5 → 7 days = 168 h). Public holidays are ignored (they vary by country).
// - Working hours are 8 to a business day, then converted as above.
import { currencyExponent } from "@/lib/domain/money";
import { NUMBER_WORDS_PATTERN, parseNumber, parseNumberWords } from "./number-words";

export type DurationUnit = "minute" | "hour" | "working_hour" | "day" | "business_day" | "week" | "month" | "year";

export interface TextSpan {
  start: number;
  end: number;
  quote: string;
}

export interface DurationMatch extends TextSpan {
  low: number;
  high: number;
  unit: DurationUnit;
  /** Words and figures disagreed ("seventy-two (27)"); the words were used. */
  wordsFiguresConflict: boolean;
}

export interface CadenceMatch extends TextSpan {
  months: number;
}

export interface MoneyMatch extends TextSpan {
  amountMinor: number;
  currency: string;
}

export type ExtractedValue =
  | { kind: "hours"; hours: number; quote: string; basis: string }
  | { kind: "days"; days: number; quote: string; basis: string }
  | { kind: "months"; months: number; quote: string; basis: string }
  | { kind: "money"; amountMinor: number; currency: string; quote: string; basis: string };

// Western grouping (5,000,000) and Indian lakh/crore grouping (5,00,00,000).
const DIGITS = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const NUM = `(?:${DIGITS}|${NUMBER_WORDS_PATTERN})`;
/** A number with an optional gloss: "seventy-two (72)", "72 (seventy-two)", "72". */
const glossed = (i: number) => `(?<n${i}>${NUM})(?:\\s*\\((?<g${i}>${NUM})\\))?`;

const DURATION_RE = new RegExp(
  String.raw`(?<![\w.,])` +
    glossed(1) +
    String.raw`(?:\s*(?:-|to|and|or)\s*` +
    glossed(2) +
    String.raw`)?[\s-]*(?:(?<qual>business|working|calendar)[\s-]+)?(?<unit>hours?|hrs?|h|minutes?|mins?|days?|weeks?|months?|years?)(?![a-z])['’]?`,
  "gi",
);

/** Every duration expression in the text, in order. */
export function findDurations(text: string): DurationMatch[] {
  const out: DurationMatch[] = [];
  for (const m of text.matchAll(DURATION_RE)) {
    const g = m.groups ?? {};
    const first = resolveGlossed(g.n1, g.g1);
    if (first === null) continue;
    const second = g.n2 ? resolveGlossed(g.n2, g.g2) : null;
    const unit = toUnit(g.unit ?? "", g.qual);
    // "h" alone is only a unit right after digits ("24h"), never after words.
    if ((g.unit ?? "").toLowerCase() === "h" && !/\d\s*$/.test(m[0].slice(0, m[0].length - 1))) continue;
    const low = first.value;
    const high = second ? Math.max(second.value, low) : low;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      quote: m[0],
      low,
      high,
      unit,
      wordsFiguresConflict: first.conflict || (second?.conflict ?? false),
    });
  }
  return out;
}

function resolveGlossed(primary: string | undefined, gloss: string | undefined): { value: number; conflict: boolean } | null {
  if (!primary) return null;
  const a = parseNumber(primary);
  if (a === null) return null;
  if (!gloss) return { value: a, conflict: false };
  const b = parseNumber(gloss);
  if (b === null) return { value: a, conflict: false };
  // Words prevail over figures.
  const primaryIsWords = parseNumberWords(primary) !== null;
  const value = primaryIsWords ? a : b;
  return { value, conflict: a !== b };
}

function toUnit(raw: string, qualifier: string | undefined): DurationUnit {
  const u = raw.toLowerCase();
  const q = qualifier?.toLowerCase();
  if (u.startsWith("min")) return "minute";
  if (u.startsWith("h")) return q === "business" || q === "working" ? "working_hour" : "hour";
  if (u.startsWith("day")) return q === "business" || q === "working" ? "business_day" : "day";
  if (u.startsWith("week")) return "week";
  if (u.startsWith("month")) return "month";
  return "year";
}

/** Worst-case calendar days for N business days: a weekend every five business days. */
export function calendarDaysForBusinessDays(businessDays: number): number {
  return businessDays + 2 * Math.ceil(businessDays / 5);
}

const HOURS_PER_BUSINESS_DAY = 8;

export function durationToHours(value: number, unit: DurationUnit): number {
  switch (unit) {
    case "minute":
      return Math.ceil(value / 60);
    case "hour":
      return value;
    case "working_hour":
      return calendarDaysForBusinessDays(Math.ceil(value / HOURS_PER_BUSINESS_DAY)) * 24;
    case "day":
      return value * 24;
    case "business_day":
      return calendarDaysForBusinessDays(value) * 24;
    case "week":
      return value * 7 * 24;
    case "month":
      return value * 30 * 24;
    case "year":
      return value * 365 * 24;
  }
}

export function durationToDays(value: number, unit: DurationUnit): number {
  switch (unit) {
    case "minute":
    case "hour":
      return Math.ceil(value / 24);
    case "working_hour":
      return calendarDaysForBusinessDays(Math.ceil(value / HOURS_PER_BUSINESS_DAY));
    case "day":
      return value;
    case "business_day":
      return calendarDaysForBusinessDays(value);
    case "week":
      return value * 7;
    case "month":
      return value * 30;
    case "year":
      return value * 365;
  }
}

// ------------------------------------------------------------------ cadence

const FIXED_CADENCES: { re: RegExp; months: number }[] = [
  { re: /\b(?:semi-?annual(?:ly)?|bi-?annual(?:ly)?|half-?yearly|twice (?:a|per|each|every) (?:calendar )?year)\b/gi, months: 6 },
  { re: /\b(?:biennial(?:ly)?)\b/gi, months: 24 },
  {
    re: /\b(?:annual(?:ly)?|yearly|per annum|(?:every|each|per) (?:calendar |contract )?year|once (?:a|per|in (?:any|each|every)) (?:calendar |contract )?year)\b/gi,
    months: 12,
  },
  { re: /\b(?:quarterly|(?:every|each|per) (?:calendar )?quarter|once (?:a|per|in (?:any|each|every)) (?:calendar )?quarter)\b/gi, months: 3 },
  { re: /\b(?:monthly|(?:every|each|per) (?:calendar )?month|once (?:a|per) month)\b/gi, months: 1 },
];

const EVERY_N_RE = new RegExp(
  String.raw`\b(?:every|each|once (?:in|per|every)(?: (?:any|each|every))?)\s+` +
    glossed(1) +
    String.raw`(?:\s*(?:-|to|or)\s*` +
    glossed(2) +
    String.raw`)?[\s-]*(?<unit>months?|years?|weeks?)\b`,
  "gi",
);

/** Every training/review cadence expression in the text, in months. */
export function findCadences(text: string): CadenceMatch[] {
  const out: CadenceMatch[] = [];
  for (const m of text.matchAll(EVERY_N_RE)) {
    const g = m.groups ?? {};
    const a = resolveGlossed(g.n1, g.g1);
    if (!a) continue;
    const b = g.n2 ? resolveGlossed(g.n2, g.g2) : null;
    const n = Math.max(a.value, b?.value ?? 0);
    const unit = (g.unit ?? "").toLowerCase();
    const months = unit.startsWith("year") ? n * 12 : unit.startsWith("week") ? Math.max(1, Math.ceil(n / 4)) : n;
    out.push({ start: m.index, end: m.index + m[0].length, quote: m[0], months });
  }
  for (const { re, months } of FIXED_CADENCES) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ start, end, quote: m[0], months });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

// -------------------------------------------------------------------- money

const SYMBOLS: Record<string, string> = {
  "us$": "USD", "u.s.$": "USD", $: "USD", "£": "GBP", "€": "EUR", "₹": "INR", "₱": "PHP",
  "a$": "AUD", "c$": "CAD", "s$": "SGD", rs: "INR", "rs.": "INR",
};
const CODES = ["USD", "GBP", "EUR", "INR", "PHP", "CAD", "AUD", "SGD", "CHF", "JPY", "ZAR", "NZD", "MXN", "BRL", "PLN", "SEK", "NOK", "DKK"];

const SCALE = String.raw`(?:\s*(?<scale>million|billion|thousand|mn|m|bn|k)\b)?`;
const SYMBOL_RE = new RegExp(
  // "£[250,000]": drafts and templates bracket the amount still to be agreed.
  String.raw`(?<sym>US\$|U\.S\.\$|A\$|C\$|S\$|\$|£|€|₹|₱|\bRs\.?)\s?\[?(?<amt>${DIGITS})\]?` + SCALE,
  "gi",
);
const CODE_BEFORE_RE = new RegExp(String.raw`\b(?<code>${CODES.join("|")})\s?(?<amt>${DIGITS})` + SCALE, "g");
const CODE_AFTER_RE = new RegExp(String.raw`(?<![\w.,])(?<amt>${DIGITS})` + SCALE + String.raw`\s?(?<code>${CODES.join("|")})\b`, "g");
const WORDS_RE = new RegExp(
  String.raw`\b(?<words>${NUMBER_WORDS_PATTERN})\s+(?<cur>(?:u\.?\s?s\.?|united states|us|american)\s+dollars?|dollars?|pounds?(?:\s+sterling)?|sterling|euros?|(?:indian\s+)?rupees|(?:philippine\s+)?pesos)\b`,
  "gi",
);

/** Every money amount in the text. "five million dollars ($5,000,000)" counts once. */
export function findMoney(text: string): MoneyMatch[] {
  const found: (MoneyMatch & { fromWords: boolean })[] = [];
  const push = (start: number, end: number, amount: number, currency: string, fromWords: boolean) => {
    const exponent = currencyExponent(currency);
    found.push({ start, end, quote: text.slice(start, end), amountMinor: Math.round(amount * 10 ** exponent), currency, fromWords });
  };
  for (const m of text.matchAll(SYMBOL_RE)) {
    const g = m.groups ?? {};
    const currency = SYMBOLS[(g.sym ?? "").toLowerCase()] ?? "USD";
    push(m.index, m.index + m[0].length, scaled(g.amt, g.scale), currency, false);
  }
  for (const re of [CODE_BEFORE_RE, CODE_AFTER_RE]) {
    for (const m of text.matchAll(re)) {
      const g = m.groups ?? {};
      push(m.index, m.index + m[0].length, scaled(g.amt, g.scale), g.code ?? "USD", false);
    }
  }
  for (const m of text.matchAll(WORDS_RE)) {
    const g = m.groups ?? {};
    const amount = parseNumberWords(g.words ?? "");
    if (amount === null || amount === 0) continue;
    push(m.index, m.index + m[0].length, amount, currencyFromWord(g.cur ?? ""), true);
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  // Merge "X (Y)" glosses of the same amount; words prevail over figures.
  const out: (MoneyMatch & { fromWords: boolean })[] = [];
  for (const m of found) {
    const prev = out[out.length - 1];
    if (prev && m.start < prev.end) continue; // the same amount matched by two patterns
    if (prev && /^\s*\(\s*$/.test(text.slice(prev.end, m.start))) {
      const closing = /^\s*\)/.exec(text.slice(m.end));
      const end = m.end + (closing ? closing[0].length : 0);
      const words = prev.fromWords ? prev : m.fromWords ? m : prev;
      out[out.length - 1] = { ...words, start: prev.start, end, quote: text.slice(prev.start, end) };
      continue;
    }
    out.push(m);
  }
  return out.map(({ fromWords: _ignored, ...rest }) => rest);
}

function scaled(amount: string | undefined, scale: string | undefined): number {
  const base = Number((amount ?? "0").replace(/,/g, ""));
  switch (scale?.toLowerCase()) {
    case "thousand":
    case "k":
      return base * 1_000;
    case "million":
    case "mn":
    case "m":
      return base * 1_000_000;
    case "billion":
    case "bn":
      return base * 1_000_000_000;
    default:
      return base;
  }
}

function currencyFromWord(word: string): string {
  const w = word.toLowerCase();
  if (w.includes("pound") || w.includes("sterling")) return "GBP";
  if (w.includes("euro")) return "EUR";
  if (w.includes("rupee")) return "INR";
  if (w.includes("peso")) return "PHP";
  return "USD";
}

// ------------------------------------------------------- clause value choice

/** Per-clause tuning kept in the clause catalogue (data, not code). */
export interface ValueRules {
  /** Candidate discarded when the text leading to it matches (e.g. "supervisory authority"). */
  excludeLeadIn?: RegExp[];
  /** Candidate discarded when the text right after it matches (e.g. "a day" in "24 hours a day"). */
  excludeFollowedBy?: RegExp[];
  /**
   * Candidate kept only when the text right after it ("30 days' notice") or the
   * text leading to it ("prior intimation of 7 days") matches.
   */
  require?: { followedBy: RegExp[]; leadIn: RegExp[] };
  /**
   * Passages read for the value only after the others: "(c) notify within
   * twelve hours; (d) within two business days, provide a written report": the
   * report's deadline is not the notice's, however the passages are ranked.
   */
  readLast?: RegExp[];
}

const LEAD_IN_CHARS = 140;
const FOLLOW_CHARS = 40;

/**
 * The value of one clause from its best passages (highest score first): the
 * first acceptable candidate of the first passage that has one.
 */
export function extractClauseValue(
  kind: "hours" | "days" | "months" | "money",
  passages: string[],
  rules: ValueRules = {},
): ExtractedValue | undefined {
  const later = (text: string) => rules.readLast?.some((re) => re.test(text)) ?? false;
  for (const text of [...passages.filter((t) => !later(t)), ...passages.filter(later)]) {
    const value = valueFromText(kind, text, rules);
    if (value) return value;
  }
  return undefined;
}

function accepted(text: string, span: TextSpan, rules: ValueRules): boolean {
  const leadIn = text.slice(Math.max(0, span.start - LEAD_IN_CHARS), span.start);
  const after = text.slice(span.end, span.end + FOLLOW_CHARS);
  if (rules.excludeLeadIn?.some((re) => re.test(leadIn))) return false;
  if (rules.excludeFollowedBy?.some((re) => re.test(after))) return false;
  if (rules.require && !rules.require.followedBy.some((re) => re.test(after)) && !rules.require.leadIn.some((re) => re.test(leadIn))) return false;
  return true;
}

function valueFromText(kind: "hours" | "days" | "months" | "money", text: string, rules: ValueRules): ExtractedValue | undefined {
  switch (kind) {
    case "hours":
    case "days": {
      const units: DurationUnit[] =
        kind === "hours" ? ["minute", "hour", "working_hour", "day", "business_day", "week"] : ["day", "business_day", "week", "month"];
      const d = findDurations(text).find((c) => units.includes(c.unit) && accepted(text, c, rules));
      if (!d) return undefined;
      const basis = describeDuration(d, kind);
      return kind === "hours"
        ? { kind, hours: durationToHours(d.high, d.unit), quote: d.quote, basis }
        : { kind, days: durationToDays(d.high, d.unit), quote: d.quote, basis };
    }
    case "months": {
      // Several cadences in one passage ("quarterly refreshers, annual certification"):
      // the most frequent one is the training cadence.
      const cadences = findCadences(text).filter((c) => accepted(text, c, rules));
      if (cadences.length === 0) return undefined;
      const best = cadences.reduce((a, b) => (b.months < a.months ? b : a));
      return { kind, months: best.months, quote: best.quote, basis: cadences.length > 1 ? "most frequent cadence stated" : "cadence stated" };
    }
    case "money": {
      const money = findMoney(text).find((m) => accepted(text, m, rules));
      if (!money) return undefined;
      return { kind, amountMinor: money.amountMinor, currency: money.currency, quote: money.quote, basis: "first fixed amount in the clause" };
    }
  }
}

function describeDuration(d: DurationMatch, kind: "hours" | "days"): string {
  const parts: string[] = [];
  if (d.high !== d.low) parts.push(`range ${d.low}-${d.high}: upper bound (worst case)`);
  if (d.unit === "business_day") {
    parts.push(`${d.high} business days = ${calendarDaysForBusinessDays(d.high)} calendar days worst case (weekends)`);
  }
  if (d.unit === "working_hour") parts.push(`${d.high} working hours at 8 per business day, weekends added`);
  if (d.wordsFiguresConflict) parts.push("words and figures disagree: words prevail");
  if (parts.length === 0) parts.push(kind === "hours" ? "stated period" : "stated notice period");
  return parts.join("; ");
}
