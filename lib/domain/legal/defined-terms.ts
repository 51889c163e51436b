// The terms a contract defines ("Breach" means the unauthorised acquisition,
// access, use or disclosure of Protected Health Information …) and what they
// stand for, so that a clause using the term bare ("notify the Customer of
// any Breach") is read with its definition. Pure: no I/O.
import { escapeRegExp } from "./escape-regexp";

export interface DefinedTerm {
  term: string;
  /**
   * What the term is, from its definition: the words after "means" up to the
   * first semicolon, bracket, "including", relative clause ("who", "engaged by") or cross-reference ("the
   * unauthorised acquisition, access, use or disclosure of PHI" for "Breach"),
   * not the examples or the statute that follow, which name everything
   * ("… as defined in Regulation (EU) 2016/679").
   */
  genus: string;
  /** Index of the passage that defines it (that passage is the definition, not a use). */
  passageIndex: number;
  /** The term as a whole word, as written. */
  pattern: RegExp;
}

const MAX_GENUS = 160;
// A relative or participial modifier says who engages or holds the thing, not what it is:
// "Agent" means any individual engaged by Provider or its subcontractors … is an individual, not a subcontractor.
const GENUS_END =
  /[;(]|\s(?:including|includes|such as|e\.g\.|as (?:that term is |such term is )?defined|within the meaning|under|who|whom|whose|which|[a-z]+ed by)\s/;
const MAX_TERMS = 400;
// "1.4 "Security Incident" means …", "Breach: means …", "(c) "Sub-processor" shall mean …".
const DEFINITION =
  /^(?:\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?"?([A-Z][A-Za-z0-9'-]*(?:\s+(?:[A-Z][A-Za-z0-9'-]*|of|and|or|the|to)){0,5})"?\s*(?:\([^)]{0,60}\)\s*)?[:,]?\s*(?:means|shall mean|refers to|is defined as|includes)\b\s*(.*)$/s;
/** A defined term quoted anywhere in the sentence: … (the "Breach") means, "Breach" means, or "A breach of Customer Data ("Breach") shall mean". */
const QUOTED_DEFINITION = /"([A-Z][A-Za-z0-9'-]*(?:\s+(?:[A-Z][A-Za-z0-9'-]*|of|and|or|the|to)){0,5})"\)?\s*(?:\([^)]{0,60}\)\s*)?(?:means|shall mean|refers to|is defined as)\b\s*(.*)$/s;
/**
 * A body of law is defined by the jurisdictions it lists ("Applicable Laws
 * means European Union or Member State laws …"): those words say nothing
 * about where data is kept, so such terms carry no meaning into a clause.
 */
const LAW_TERM = /\b(?:laws?|regulations?|legislation|acts?|rules?|directives?|gdpr|ccpa|hipaa|codes?)\b/i;
/** Words that head a sentence without being a defined term. */
const NOT_TERMS = new Set(["This", "That", "It", "The", "A", "An", "Such", "Each", "Any", "Which", "Agreement"]);

/**
 * "1.1 In this Agreement: … Service Locations: the Supplier's contact centres
 * at Glasgow …", "d. Audit Right: the right of a party to verify compliance":
 * UK and Dutch drafting defines by a colon, in a list under a definitions
 * heading or a lead-in that says the list defines ("The following terms have
 * the following meaning:"). Elsewhere "Personnel: all staff are trained" is a
 * run-in label, not a definition.
 */
const COLON_DEFINITION =
  /^(?:\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?([A-Z][A-Za-z0-9'-]*(?:\s+(?:[A-Z][A-Za-z0-9'-]*|of|and|or|the|to)){0,5}):\s+((?:the|a|an|any|all|each|every)\b.*)$/s;
const DEFINITIONS_LEAD_IN = /\b(?:terms?|words|expressions|definitions)\b[^:]{0,80}\b(?:meanings?|defined|mean)\b[^:]{0,60}:\s+/i;
const DEFINITIONS_HEADING = /\b(?:definitions?|interpretation|defined terms)\b/i;

/** The term a colon definition defines and what follows the colon, if the passage is one. */
export function colonDefinition(p: { text: string; heading?: string }): { term: string; body: string } | undefined {
  const leadIn = DEFINITIONS_LEAD_IN.exec(p.text);
  const text = leadIn ? p.text.slice(leadIn.index + leadIn[0].length) : p.heading !== undefined && DEFINITIONS_HEADING.test(p.heading) ? p.text : undefined;
  const m = text === undefined ? null : COLON_DEFINITION.exec(text.trim());
  return m ? { term: m[1] as string, body: m[2] as string } : undefined;
}

export function definedTerms(passages: readonly { index: number; text: string; heading?: string }[]): DefinedTerm[] {
  const out: DefinedTerm[] = [];
  const seen = new Set<string>();
  for (const p of passages) {
    const colon = colonDefinition(p);
    const m = DEFINITION.exec(p.text) ?? QUOTED_DEFINITION.exec(p.text) ?? (colon ? [p.text, colon.term, colon.body] : null);
    const term = m?.[1]?.trim();
    if (!m || !term || NOT_TERMS.has(term) || LAW_TERM.test(term) || seen.has(term)) continue;
    seen.add(term);
    const pattern = new RegExp(String.raw`(?<![A-Za-z])${escapeRegExp(term)}(?![A-Za-z])`);
    const genus = (m[2] ?? "").split(GENUS_END)[0]!.slice(0, MAX_GENUS);
    out.push({ term, genus, passageIndex: p.index, pattern });
    if (out.length >= MAX_TERMS) break;
  }
  return out;
}

/** The defined terms a passage uses (as written: "Breach" is the term, "breach" the word). */
export function termsUsedIn(text: string, terms: readonly DefinedTerm[], passageIndex: number): DefinedTerm[] {
  return terms.filter((t) => t.passageIndex !== passageIndex && t.pattern.test(text));
}
