import { describe, expect, test } from "vitest";
import fc from "fast-check";
import { parseNumber, parseNumberWords } from "@/lib/domain/legal/number-words";
import {
  calendarDaysForBusinessDays,
  extractClauseValue,
  findCadences,
  findDurations,
  findMoney,
} from "@/lib/domain/legal/value-extraction";
import { CLAUSE_CATALOGUE, compileCatalogue } from "@/lib/domain/legal/clause-catalogue";

const notificationRules = compileCatalogue(CLAUSE_CATALOGUE).clauses.find((c) => c.entry.code === "incident_notification")!.value;
const auditRules = compileCatalogue(CLAUSE_CATALOGUE).clauses.find((c) => c.entry.code === "right_to_audit")!.value;
const hours = (text: string) => {
  const v = extractClauseValue("hours", [text], notificationRules);
  return v?.kind === "hours" ? v.hours : undefined;
};

describe("number words", () => {
  test.each([
    ["seventy-two", 72],
    ["seventy two", 72],
    ["forty eight", 48],
    ["forty-eight", 48],
    ["twenty‑four", 24], // non-breaking hyphen
    ["one hundred and twenty", 120],
    ["two thousand", 2000],
    ["five million", 5_000_000],
    ["twelve", 12],
    ["a", 1],
    ["five crores", 50_000_000],
    ["two lakh", 200_000],
  ])("%s = %d", (words, n) => {
    expect(parseNumberWords(words)).toBe(n);
  });

  test.each(["seventy-two hours", "forty-eighth", "many", ""])("%s is not a number", (words) => {
    expect(parseNumberWords(words)).toBeNull();
  });

  test("digits with thousands separators and decimals", () => {
    expect(parseNumber("5,000,000")).toBe(5_000_000);
    expect(parseNumber("2.5")).toBe(2.5);
    expect(parseNumber("5,00,00,000")).toBe(50_000_000);
  });

  test("every number up to 9,999 written in words parses back", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 9999 }), (n) => parseNumberWords(toWords(n)) === n));
  });
});

describe("notification hours (worst case)", () => {
  test.each([
    ["within 48 hours of becoming aware", 48],
    ["within seventy-two (72) hours after discovery", 72],
    ["within forty eight hours", 48],
    ["no later than 72 hours after the Supplier becomes aware", 72],
    ["promptly and in any event within 24 hours of becoming aware", 24],
    ["within twenty-four (24) hours", 24],
    ["a 36-hour notification window", 36],
    ["within 24hrs", 24],
    // Range: the contractual worst case is the upper bound.
    ["typically within 24 to 48 hours after confirmation", 48],
    ["within 24-48 hours", 48],
    ["between twenty-four (24) and seventy-two (72) hours", 72],
    // Business days: weekends intervene, N + 2 × ceil(N/5) calendar days.
    ["within one (1) business day", 72],
    ["within 2 business days", 96],
    ["within five (5) business days after confirmation", 168],
    ["within ten (10) working days", 336],
    ["within five (5) calendar days of discovery", 120],
    ["within 30 minutes", 1],
    ["intimate the Client of any Cyber Incident within six (6) hours of noticing", 6],
    ["within eight (8) working hours", 72],
  ])("%s → %d h", (text, expected) => {
    expect(hours(text)).toBe(expected);
  });

  test("words prevail over figures when they disagree, and the conflict is reported", () => {
    const [d] = findDurations("within seventy-two (27) hours");
    expect(d?.high).toBe(72);
    expect(d?.wordsFiguresConflict).toBe(true);
  });

  test.each([
    ["staffed twenty-four (24) hours a day, seven (7) days a week", undefined],
    ["the Controller must notify the supervisory authority not later than 72 hours after becoming aware", undefined],
    ["report such incidents to CERT-In within six (6) hours", undefined],
    ["without undue delay", undefined],
  ])("%s → no value", (text, expected) => {
    expect(hours(text)).toBe(expected);
  });

  test("the first deadline counts, not the follow-up report", () => {
    expect(hours("shall notify the Customer within 24 hours and provide a written incident report within five (5) Business Days")).toBe(24);
  });

  test("business-day arithmetic", () => {
    expect([1, 2, 5, 6, 10, 20].map(calendarDaysForBusinessDays)).toEqual([3, 4, 7, 10, 14, 28]);
  });
});

describe("audit notice days", () => {
  const days = (text: string) => {
    const v = extractClauseValue("days", [text], auditRules);
    return v?.kind === "days" ? v.days : undefined;
  };
  test.each([
    ["upon thirty (30) days' notice", 30],
    ["upon thirty (30) days’ prior written notice", 30],
    ["on not less than ten (10) Business Days' notice", 14],
    ["spot checks announced fourteen (14) days in advance", 14],
    ["on two (2) weeks' written notice", 14],
    ["with prior intimation of seven (7) days", 7],
    ["on reasonable notice", undefined],
    ["no more than once in any twelve (12) month period", undefined],
  ])("%s → %s", (text, expected) => {
    expect(days(text)).toBe(expected);
  });
});

describe("training cadence months", () => {
  const months = (text: string) => {
    const v = extractClauseValue("months", [text]);
    return v?.kind === "months" ? v.months : undefined;
  };
  test.each([
    ["at least annually thereafter", 12],
    ["receive annual privacy and security training", 12],
    ["at least once in every twelve (12) month period thereafter", 12],
    ["at least every three (3) months", 3],
    ["quarterly, with a documented assessment", 3],
    ["at least twice a year", 6],
    ["every six (6) months; records kept for six (6) years", 6],
    ["every 6 to 12 months", 12],
    ["every two years", 24],
    ["quarterly refreshers and an annual certification", 3],
    ["as part of onboarding", undefined],
  ])("%s → %s", (text, expected) => {
    expect(months(text)).toBe(expected);
  });
  test("findCadences keeps positions", () => {
    expect(findCadences("trained annually")[0]).toMatchObject({ quote: "annually", months: 12 });
  });
});

describe("money", () => {
  test.each([
    ["shall not exceed five million U.S. dollars (US$5,000,000).", 500_000_000, "USD"],
    ["limited to £2,000,000 (two million pounds)", 200_000_000, "GBP"],
    ["USD 10,000,000 (ten million United States dollars)", 1_000_000_000, "USD"],
    ["one million dollars ($1,000,000)", 100_000_000, "USD"],
    ["€2.5 million", 250_000_000, "EUR"],
    ["5,000,000 USD", 500_000_000, "USD"],
    ["limited to £250,000 in any 12-month period", 25_000_000, "GBP"],
    // Indian lakh/crore grouping: five crore rupees.
    ["shall not exceed INR 5,00,00,000 (Rupees Five Crores only)", 5_000_000_000, "INR"],
    ["a sum insured of ₹10,00,000", 100_000_000, "INR"],
  ])("%s → %d %s", (text, amountMinor, currency) => {
    expect(findMoney(text)[0]).toMatchObject({ amountMinor, currency });
  });

  test("an amount written twice counts once", () => {
    expect(findMoney("FIVE MILLION U.S. DOLLARS (US$5,000,000)")).toHaveLength(1);
  });

  test("liability cap skips amounts in the insurance lead-in", () => {
    const capRules = compileCatalogue(CLAUSE_CATALOGUE).clauses.find((c) => c.entry.code === "liability_cap")!.value;
    const v = extractClauseValue("money", ["cyber insurance of $5,000,000 per claim; liability shall not exceed $1,000,000"], capRules);
    expect(v).toMatchObject({ amountMinor: 100_000_000, currency: "USD" });
  });
});

// English words for 0..9999, for the round-trip property above.
function toWords(n: number): string {
  const units = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
  const tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
  const below100 = (x: number): string => (x < 20 ? units[x]! : tens[Math.floor(x / 10)]! + (x % 10 ? `-${units[x % 10]}` : ""));
  const below1000 = (x: number): string =>
    x < 100 ? below100(x) : `${units[Math.floor(x / 100)]} hundred${x % 100 ? ` and ${below100(x % 100)}` : ""}`;
  if (n < 1000) return below1000(n);
  return `${units[Math.floor(n / 1000)]} thousand${n % 1000 ? ` ${below1000(n % 1000)}` : ""}`;
}
