// English cardinal number words as drafted in contracts ("seventy-two",
// "forty eight", "one hundred and twenty", "a"). Pure: no I/O.

const UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
// Lakh and crore are how Indian contracts write amounts ("Rupees Five Crores").
const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1_000, lakh: 100_000, lakhs: 100_000, million: 1_000_000,
  crore: 10_000_000, crores: 10_000_000, billion: 1_000_000_000,
};
/** Words that stand for a number on their own ("a day", "a dozen"). */
const STANDALONE: Record<string, number> = { a: 1, an: 1, single: 1, dozen: 12 };

const NUMBER_WORD_LIST = [...Object.keys(UNITS), ...Object.keys(TENS), ...Object.keys(SCALES)];

/**
 * Regex source matching a run of number words, e.g. "seventy-two",
 * "forty eight", "one hundred and twenty". Used inside larger patterns.
 */
export const NUMBER_WORDS_PATTERN = `(?:${alternation(NUMBER_WORD_LIST)})(?:(?:[\\s-]+|\\s+and\\s+)(?:${alternation(NUMBER_WORD_LIST)}))*`;

function alternation(words: string[]): string {
  // Longest first so "seventeen" wins over "seven".
  return [...words].sort((a, b) => b.length - a.length).join("|");
}

/** Parses a phrase made only of number words; null when it is not one. */
export function parseNumberWords(phrase: string): number | null {
  const tokens = phrase
    .toLowerCase()
    .replace(/[\u2010-\u2014]/g, "-")
    .split(/[\s-]+/)
    .filter((t) => t.length > 0 && t !== "and");
  if (tokens.length === 0) return null;
  if (tokens.length === 1) {
    const only = tokens[0] as string;
    if (only in STANDALONE) return STANDALONE[only] as number;
  }
  let total = 0;
  let current = 0;
  let seenAny = false;
  for (const token of tokens) {
    if (token in UNITS) {
      current += UNITS[token] as number;
    } else if (token in TENS) {
      current += TENS[token] as number;
    } else if (token === "hundred") {
      current = (current || 1) * 100;
    } else if (token in SCALES) {
      total += (current || 1) * (SCALES[token] as number);
      current = 0;
    } else {
      return null;
    }
    seenAny = true;
  }
  return seenAny ? total + current : null;
}

/** Parses digits ("1,000", "2.5") or number words; null otherwise. */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$|^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(trimmed)) {
    return Number(trimmed.replace(/,/g, ""));
  }
  return parseNumberWords(trimmed);
}
