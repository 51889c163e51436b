// The names a contract gives the customer beside "you": terms of a platform
// made "available to you ("Supplier" or "you")", or a DPA "between you (the
// "Creator", "you" or "your") and …". Words such as "Supplier" or "Creator"
// would otherwise read as the vendor, or as nobody, so the sentence reader is
// given the text with those names as "Customer" when it reads who holds a
// duty or right. Quotes and scores are taken from the text as written. Pure: no I/O.

/** A parenthesis of quoted names: (the "Creator", "you" or "your"), ("Supplier" or "you"). */
const QUOTED_NAMES = /\(([^()]{0,120})\)/g;
const QUOTED = /"([A-Za-z][\w&.-]{0,30})"/g;
const YOU = /^(?:you|your|yours)$/i;
const WE = /^(?:we|us|our|ours)$/i;
/**
 * The service runs to "you": "made available to you", "governing your use of".
 * A buyer also writes as "we" ("Globex ("we") and the supplier ("Supplier",
 * "you")"), and there "you" is the vendor.
 */
const SERVES_YOU = /\b(?:(?:provided|made available|offered|licen[cs]ed|supplied|sold)\b[^.]{0,60}?\bto\s+you|your\s+(?:access\s+to|use\s+of|subscription))\b/i;
/** Only the first passages define the parties. */
const PREAMBLE_PASSAGES = 40;

/**
 * Only where the same sentence names the other party "we" or "us", and the
 * service runs to "you", is "you" the customer: the vendor is writing. In a buyer's partner agreement ("CALA
 * ("Company") and you, the partner ("Partner", "you")") "you" is the vendor.
 */
export function customerAliases(passages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const text of passages.slice(0, PREAMBLE_PASSAGES)) {
    const groups = [...text.matchAll(QUOTED_NAMES)].map((g) => [...(g[1] ?? "").matchAll(QUOTED)].map((m) => m[1] as string));
    if (!groups.some((names) => names.some((n) => WE.test(n))) || !SERVES_YOU.test(text)) continue;
    for (const names of groups) {
      if (!names.some((n) => YOU.test(n))) continue;
      for (const n of names) if (!YOU.test(n) && /^[A-Z]/.test(n)) out.add(n);
    }
  }
  return [...out];
}

/** The sentence with the customer's other names written as "Customer", for reading who acts. */
export function withCustomerNamed(text: string, aliases: readonly string[]): string {
  let out = text;
  for (const alias of aliases) out = out.replace(new RegExp(`\\b${alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "g"), "Customer");
  return out;
}
