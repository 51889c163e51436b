// Proposes, for every catalogue clause, whether a contract contains it, with
// the best passages (quoted with page/section) and the extracted value. The
// reviewer confirms; nothing here is recorded without a person. Pure: no I/O.
import { type ClauseCatalogue, type ClauseRole, type CompiledClause, CLAUSE_CATALOGUE, compileCatalogue } from "./clause-catalogue";
import { type ContractTextInput, type Passage, buildPassages, passageSection } from "./contract-passages";
import { type DefinedTerm, colonDefinition, definedTerms, termsUsedIn } from "./defined-terms";
import { type CalibrationTable, FINDER_CALIBRATION, calibratedConfidence, scoreBucket } from "./finder-calibration";
import { buyerWritingAsWe, customerAliases, customerNamer, customerNamesByUse, customerNamesInPartyList, pronounsByRole, vendorNamesInPartyList } from "./party-aliases";
import { readableText } from "./readable-text";
import { verbatimQuoter } from "./verbatim-quote";
import { type SentenceReading, elaboratesPrevious, limitsOnlyCustomerLiability, readSentence, vendorNames } from "./sentence-roles";
import { type ExtractedValue, extractClauseValue } from "./value-extraction";

export interface ProposedPassage {
  quote: string;
  page?: number;
  section?: string;
  score: number;
}

export interface ClauseProposal {
  clauseCode: string;
  title: string;
  found: boolean;
  /**
   * Not stated here but incorporated from another document that is not in the
   * file ("subject to the limitations set out in the Agreement"): `found` stays
   * false (the protection cannot be read in this file) and the reviewer is told
   * where it lives.
   */
  byReference?: boolean;
  /**
   * Measured share of such proposals that were right (this clause, this score
   * bucket, on real contracts: finder-calibration.ts). Never 1.
   */
  confidence: number;
  /** Best passage score against the clause's threshold (explains the decision). */
  score: number;
  threshold: number;
  /** Best matches; for a clause not found, the near misses a reviewer may want to read. */
  passages: ProposedPassage[];
  value?: ExtractedValue;
  /** Weaker variants spotted in the matching text, e.g. audit limited to reports. */
  hints: { code: string; label: string; quote: string }[];
  /**
   * The contract expressly excludes or prohibits this protection ("shall not be
   * entitled to conduct any audit"): proposed as absent, quoted, and a deviation
   * worth legal's eye even though nothing is "missing".
   */
  exclusion?: ProposedPassage;
}

const MAX_QUOTE = 500;
const NEAR_MISSES = 2;

export function findClauses(
  document: ContractTextInput,
  catalogue: ClauseCatalogue = CLAUSE_CATALOGUE,
  calibration: CalibrationTable = FINDER_CALIBRATION,
): ClauseProposal[] {
  const finder = prepareClauseFinder(document, catalogue, calibration);
  return finder.clauses.map((clause) => runToEnd(finder.propose(clause)));
}

/**
 * A document read once, its clauses proposed one at a time; each proposal
 * pauses (yields) every few thousand passages, so a server can answer other
 * requests while a long contract is read (lib/server/contracts/find-clauses-in-turns.ts).
 */
export interface PreparedClauseFinder {
  clauses: readonly CompiledClause[];
  propose: (clause: CompiledClause) => Generator<void, ClauseProposal>;
}

function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Reads the document (passages, parties, defined terms) once; `propose` then
 * scores one catalogue clause against it. findClauses proposes them all in one
 * go; a caller that must not hold its thread that long proposes them in turns.
 */
export function prepareClauseFinder(
  document: ContractTextInput,
  catalogue: ClauseCatalogue = CLAUSE_CATALOGUE,
  calibration: CalibrationTable = FINDER_CALIBRATION,
): PreparedClauseFinder {
  const compiled = compileCatalogue(catalogue);
  const passages = buildPassages(document).map(inReadableForm);
  const asWritten = verbatimQuoter(document);
  const quoteOf: QuoteOf = (p) => {
    const cleaned = quotable(p);
    return quote(asWritten(p, cleaned) ?? cleaned);
  };
  const texts = passages.map((p) => p.text);
  const buyer = buyerWritingAsWe(texts);
  const aliases = [...customerAliases(texts), ...customerNamesByUse(texts), ...(buyer?.customerNames ?? customerNamesInPartyList(texts))];
  const named = customerNamer(aliases);
  const asRead = buyer ? (p: Passage) => pronounsByRole(named(p.text), buyer.youSupply) : (p: Passage) => named(p.text);
  const vendors = new Set([...vendorNames(passages.map(asRead)), ...(buyer ? [] : vendorNamesInPartyList(texts))]);
  const terms = definedTerms(passages);
  const used = new Map<number, DefinedTerm[]>();
  const termsIn = (p: Passage) => {
    let t = used.get(p.index);
    if (!t) used.set(p.index, (t = termsUsedIn(p.text, terms, p.index)));
    return t;
  };
  const context: PassageContext = { termsIn, openingOf: paragraphOpenings(passages) };
  const readings = new Map<number, SentenceReading>();
  const reading = (p: Passage): SentenceReading => {
    let r = readings.get(p.index);
    if (!r) {
      r = readSentence(asRead(p), vendors, p.heading);
      // "Provider will maintain a security program … This includes giving training to its workforce": the duty carries over.
      const previous = passages[p.index - 1];
      if (!r.binding && previous && previous.paragraph === p.paragraph && elaboratesPrevious(p.text)) {
        const before = reading(previous);
        if (before.binding) r = before;
      }
      readings.set(p.index, r);
    }
    return r;
  };
  function* propose(clause: CompiledClause): Generator<void, ClauseProposal> {
    const threshold = clause.entry.finder.threshold;
    const fitOf = (p: Passage): "clause" | "exclusion" | "other" => {
      if (DESCRIBES_CONTENTS.test(p.text) || DEFINES_BY_REFERENCE.test(p.text) || RUN_IN_TITLE.test(p.text) || colonDefinition(p)) return "other";
      // Recitals and notes to draft state no terms: "(B) The parties intend that the Supplier will …", "Note to draft: …".
      if (NOT_OPERATIVE.test(p.text) || (p.heading !== undefined && RECITALS_HEADING.test(p.heading))) return "other";
      // A deferral to another document binds through that document: "please see our DPA" states no duty of its own.
      if (defersElsewhere(clause, p)) return "clause";
      // "Clause 9.1 shall not apply to: (a) liability under the indemnity in Clause 7.2": the cap does not reach the
      // indemnity, which is no denial of the indemnity (it is stated where the clause points).
      if (clause.role.negationExcludes && CARVED_OUT_OF_A_LIMIT.test(p.text)) return "other";
      // "Clause 8.3 (Consent to Subcontractors) of the Master Terms shall not apply": a provision switched off, named by its title.
      if (DISAPPLIES_A_CLAUSE.test(p.text)) return clause.role.negationExcludes ? "exclusion" : "other";
      // What a limitation of liability carves out ("except for indemnification obligations, liability is limited to …") survives it.
      if (onlyExcepted(clause, p.text)) return clause.role.negationExcludes && !LIMITS_LIABILITY.test(p.text) ? "exclusion" : "other";
      if (clause.role.holder === "vendor" && clause.role.requireBinding && onlyPermitted(clause, p.text)) return "other";
      if (clause.role.holder === "vendor" && clause.role.requireBinding && !clause.role.negationExcludes && onlyForbidden(clause, p.text)) return "other";
      if (clause.role.vendorLiability && limitsOnlyCustomerLiability(asRead(p), vendors)) return "other";
      const r = reading(p);
      // "DataCo shall not allow its cyber insurance to lapse": a denial that keeps the protection in force.
      if (KEEPS_IN_FORCE.test(p.text)) return r.actor === "customer" ? "other" : "clause";
      // "The Contractor may transfer personal data outside the EEA only with the Client's prior written consent": a permission
      // the customer must first give restricts the vendor; it is no option of the vendor's.
      if (clause.role.holder === "vendor" && !clause.role.requireBinding && r.actor === "vendor" && r.entitles && ONLY_WITH_CONSENT.test(p.text)) return "clause";
      // "Audits will not include intrusive testing": a negation whose subject is the protection itself limits its scope; it does not exclude it.
      if (r.polarity === "prohibited" && (LIMITS_SCOPE.test(p.text) || PRESERVES.test(p.text))) return "other";
      // "Customer shall provide its full cooperation with such audit and access to its records": the customer submits to
      // the vendor's audit; its duty is no right of ours.
      if (clause.role.holder === "customer" && r.actor === "customer" && r.binding && !r.entitles && SUBMITS_TO_AUDIT.test(p.text)) return "other";
      // "shall not be entitled to audit more than once a year, save following a breach": the right, limited.
      // "Provider may not conduct an audit more than once per calendar year" limits the vendor's own audit of the customer.
      const vendorAudits = r.actor === "vendor" && CONDUCTS_AN_AUDIT.test(p.text);
      if (r.polarity === "prohibited" && clause.role.holder === "customer" && !vendorAudits && LIMITS_HOW_OFTEN.test(p.text)) return "clause";
      return roleFit(clause.role, r);
    };
    const candidates: { p: Passage; score: number; fit: "clause" | "exclusion" | "other" }[] = [];
    for (const p of passages) {
      const score = scorePassage(clause, p, context, compiled.descriptiveHeadings, compiled.descriptivePenalty);
      if (score > 0) candidates.push({ p, score, fit: fitOf(p) });
      if (p.index % PASSAGES_PER_TURN === PASSAGES_PER_TURN - 1) yield;
    }
    const byScore = (a: { p: Passage; score: number }, b: { p: Passage; score: number }) => b.score - a.score || a.p.index - b.p.index;
    const elsewhere = clause.permittedElsewhere;
    const onlyRestrictions = elsewhere !== undefined && passages.some((p) => elsewhere.document.some((re) => re.test(p.text)));
    const scored = candidates.filter((s) => s.fit === "clause" && (!onlyRestrictions || elsewhere.restriction.test(s.p.text))).sort(byScore);
    const excluding = candidates.filter((s) => s.fit === "exclusion" && s.score >= threshold).sort(byScore)[0];
    const best = scored[0]?.score ?? 0;
    const matching = scored.filter((s) => s.score >= threshold);
    const byReference = matching.length > 0 && matching.every((s) => defersElsewhere(clause, s.p));
    // A wrong "present" is worse than a miss: an express exclusion outweighs a grant.
    const found = best >= threshold && !excluding && !byReference;
    const shown = found || byReference
      ? matching.filter((s) => s.score >= best * compiled.passageShareOfBest).slice(0, compiled.maxPassages)
      : scored.slice(0, NEAR_MISSES);
    const kind = clause.entry.valueKind;
    const value =
      found && kind !== "none"
        ? (extractClauseValue(kind, matching.map((s) => s.p.text), clause.value) ??
          extractClauseValue(kind, followUps(clause, passages, matching.map((s) => s.p)), clause.value))
        : undefined;
    return {
      clauseCode: clause.entry.code,
      title: clause.entry.title,
      found,
      ...(byReference && !excluding ? { byReference: true } : {}),
      confidence: calibratedConfidence(clause.entry.code, scoreBucket({ found, byReference, score: best, threshold }), calibration),
      score: best,
      threshold,
      passages: shown.map((s) => proposed(s.p, s.score, quoteOf)),
      ...(value ? { value } : {}),
      hints: found ? [...hintsFor(clause, matching.map((s) => s.p), quoteOf), ...otherDeadlines(kind, value, matching.map((s) => s.p), clause.value, quoteOf)] : [],
      ...(excluding ? { exclusion: proposed(excluding.p, excluding.score, quoteOf) } : {}),
    };
  }
  return { clauses: compiled.clauses, propose };
}

/** Passages scored between two pauses of a clause's proposal (PreparedClauseFinder). */
const PASSAGES_PER_TURN = 2000;

/**
 * "… report to Customer any Breach of Unsecured PHI. Notification of a Breach
 * will be made … no more than five (5) business days after …": the time is
 * often stated in the next sentence of the same paragraph, which names the
 * clause's action but not its subject. Read only when the matching sentences
 * state no value themselves.
 */
function followUps(clause: CompiledClause, passages: Passage[], matching: Passage[]): string[] {
  const action = clause.signals.filter((s) => s.core).map((s) => s.all[0] as RegExp);
  const out: string[] = [];
  for (const m of matching) {
    for (let i = m.index + 1; i < passages.length && passages[i]!.paragraph === m.paragraph; i++) {
      const next = passages[i]!;
      if (action.some((re) => re.test(next.text)) || PICKS_UP_THE_DUTY.test(next.text)) out.push(next.text);
    }
    // "1. … the processor shall notify the controller … 2. The processor's notification shall take place within 24 hours":
    // the next numbered paragraph of the same section may name the duty by its noun.
    const next = passages.find((p) => p.paragraph === m.paragraph + 1);
    if (next && next.heading === m.heading && PICKS_UP_THE_DUTY.test(next.text)) out.push(next.text);
  }
  return out;
}

/**
 * "Such notice shall be given within 24 hours …", "The processor's notification
 * shall take place within …": a sentence that names the duty of the one before by its noun.
 */
const PICKS_UP_THE_DUTY =
  /^(?:\(?[a-z0-9]{1,4}[.)]\s+)?(?:such|the|this|that|said|any such|each such)\s+(?:(?:[\w-]+\s+)?(?:processor|sub-?processor|supplier|provider|vendor|contractor|company|importer)['’]s\s+)?(?:written\s+)?(?:notice|notification|report|audit|inspection|training)s?\b/i;

function inReadableForm(p: Passage): Passage {
  const text = readableText(p.text);
  return text === p.text ? p : { ...p, text, asWritten: p.text };
}

function proposed(p: Passage, score: number, quoteOf: QuoteOf): ProposedPassage {
  return { quote: quoteOf(p), page: p.page, section: passageSection(p), score };
}

/** A passage's quote as legal is shown it: in the document's own characters (verbatim-quote.ts), at most MAX_QUOTE long. */
type QuoteOf = (p: Passage) => string;

/** A piece of a coordinated sentence is quoted whole when that fits, or else without its dangling ", and". */
function quotable(p: Passage): string {
  if (p.wholeSentence && p.wholeSentence.length <= MAX_QUOTE) return p.wholeSentence;
  const own = p.asWritten ?? p.text;
  return p.wholeSentence ? own.replace(/,\s+(?:and|but)\s*$/, " …") : own;
}

/**
 * "This Agreement sets forth the parties' obligations with respect to PHI,
 * including … breach reporting, audit rights, indemnification": a sentence
 * listing what the document covers grants and binds nothing itself.
 */
const NOT_OPERATIVE = /^\W*(?:whereas\b|note to draft\b|drafting note\b|ntd\s*:)/i;
const RECITALS_HEADING = /^\W*(?:\d+[.)]?\s*)?(?:background|recitals?|whereas|preamble)\b/i;
/** "The following terms … shall have the same meaning as those terms in the HIPAA Rules: Breach, …, Subcontractor": a list of terms defined elsewhere. */
const DEFINES_BY_REFERENCE =
  /^\W*(?:\d[\d.]*\s+)?(?:the\s+)?(?:following\s+)?(?:capitali[sz]ed\s+)?(?:terms?|words?|expressions?)\b[^.;]{0,80}?\b(?:shall\s+)?ha(?:ve|s)\s+the\s+(?:same\s+)?meanings?\s+(?:given|as|set|ascribed|assigned|in)\b/i;
const DESCRIBES_CONTENTS =
  /^\s*(?:this|the)\s+(?:agreement|addendum|dpa|baa|schedule|exhibit|annex|appendix|policy|document)\b[^.;]{0,40}?\b(?:sets?\s+(?:forth|out)|describes?|outlines?|summari[sz]es|lists?)\b[^.;]{0,80}?\b(?:including|such as|namely)\b/i;

/**
 * Whether a sentence that mentions the clause states it, excludes it, or is
 * about something else: a right of the vendor, a duty of the customer, a
 * description with no duty in it (sentence-roles.ts).
 */
function roleFit(role: ClauseRole, r: SentenceReading): "clause" | "exclusion" | "other" {
  if (role.requireBinding && !r.binding) return "other";
  // "Provider shall not be obliged to notify", "Nothing … shall require the Supplier to: (a) permit … audit": a duty lifted
  // is no duty, and only the clauses that exclude on negation call it an exclusion (a DPA that promises notice also lifts it
  // for unsuccessful attempts, and keeps the promise).
  // A limit of liability lifts liability by nature ("shall not be responsible or liable … for any amounts that exceed the fees").
  if (r.relievesDuty && r.actor !== "customer" && !role.vendorLiability) return role.negationExcludes ? "exclusion" : "other";
  if (role.holder === "customer") {
    // "Woomberg retains the right to audit such code" is the vendor's right; "Consultant shall allow for audits" is the customer's.
    // "npm may audit Licensee's compliance" acts on the customer; "Supplier shall permit the Customer" serves it.
    if (r.actor !== "customer" && r.entitles && (r.actor === "vendor" || r.customerIsObject)) return "other";
    if (role.negationExcludes && r.polarity === "prohibited") return "exclusion";
    // "Customer shall keep records and permit Provider to audit them": the customer's duty to let the vendor act.
    if (r.actor === "customer" && r.binding && !r.entitles && r.vendorActsAfter) return "other";
    return "clause";
  }
  if (role.holder === "vendor") {
    // "Customer shall not provide unlawful data, and shall indemnify the Provider": the customer's duty, whatever its polarity,
    // unless the vendor is then made to act ("Customer will no longer have access. Provider will delete …", read as one).
    if (r.binding && r.actor === "customer" && !r.entitles && (r.polarity === "granted" || !r.vendorActsAfter)) return "other";
    // "The Customer may delete its data" is the customer acting; "the Customer may require the Supplier to delete" is the vendor's duty.
    if (role.requireBinding && r.actor === "customer" && r.entitles && !r.vendorActsAfter) return "other";
    if (r.actor === "vendor" && r.entitles && r.polarity === "granted") return "other";
    // "Creator agrees to defend, indemnify and hold Mulerun harmless": whoever acts, the vendor is the one protected.
    if (r.actor !== "vendor" && r.actor !== "mutual" && r.vendorIsObject && r.polarity === "granted") return "other";
    // "Supplier shall not indemnify" and "Customer shall not be entitled to any indemnity" both exclude it.
    if (role.negationExcludes && r.polarity === "prohibited" && (r.actor !== "customer" || r.entitles)) return "exclusion";
  }
  return "clause";
}

/** "Clause 8.3 (Consent to Subcontractors) of the Master Terms shall not apply", "… is deleted": an amendment that takes a provision out. */
const DISAPPLIES_A_CLAUSE =
  /\b(?:clause|section|article|paragraph)\s+[\w.()]+\s+\([^)]{3,80}\)\s+(?:of\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,4}?)?(?:shall|will|does)\s+not\s+apply\b(?!\s+(?:to|in respect of)\s+(?!this\b|these\b)|\s+(?:where|if)\b)|\b(?:clause|section|article|paragraph)\s+[\w.()]+\s+\([^)]{3,80}\)\s+(?:of\s+(?:the\s+)?(?:[\w&'’-]+\s+){0,4}?)?(?:is|are|shall be)\s+(?:hereby\s+)?(?:deleted|disapplied|removed|struck out)\b/i;

const ONLY_WITH_CONSENT =
  /\bonly\s+(?:with|after|upon|on|if|where|subject to)\s+(?:(?:the|its|their|a)\s+)?(?:[\w'’-]+\s+){0,3}?(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|approval|authori[sz]ation)\b/i;

/**
 * "The Company has no obligation to keep your data and is permitted to delete
 * it", "we will remove your access and your Account may be deleted": where
 * every mention of the vendor's act is a permission, the vendor may do it and
 * need not. The sentence's first modal ("has no obligation", "will remove")
 * does not govern that act, so the sentence reading alone misses this.
 */
function onlyPermitted(clause: CompiledClause, text: string): boolean {
  let mentioned = false;
  for (const action of clause.actions) {
    for (const m of text.matchAll(action)) {
      mentioned = true;
      const before = text.slice(Math.max(0, m.index - 60), m.index);
      const purpose = DUTY_PURPOSE.test(text.slice(Math.max(0, m.index - 90), m.index)) && !CUSTOMER_ACTS_AFTER.test(text.slice(m.index, m.index + 120));
      if (!PERMISSION_BEFORE.test(before) || purpose) return false;
    }
  }
  return mentioned;
}
/**
 * "Vendor shall not take any action to erase any Customer Data until directed":
 * where every mention of the duty's act is forbidden, the sentence binds the
 * vendor to its opposite (here, to keep the data), not to the duty.
 */
function onlyForbidden(clause: CompiledClause, text: string): boolean {
  let mentioned = false;
  for (const action of clause.actions) {
    for (const m of text.matchAll(action)) {
      mentioned = true;
      if (!FORBIDDEN_BEFORE.test(text.slice(Math.max(0, m.index - 80), m.index))) return false;
    }
  }
  return mentioned;
}
/** "shall not erase", "will not take any action to intentionally erase"; not "shall not disclose it and shall erase". */
const FORBIDDEN_BEFORE =
  /\b(?:shall|will|must|may|agrees?)\s+not\s+(?:to\s+)?(?:(?!(?:and|or|but|shall|will|must|may|unless|until|except)\b)[\w'’-]+\s+){0,5}?$/i;

/**
 * "shall ensure that all Personal Data may be returned": the possibility is what
 * the duty secures. Not where the customer is who may act ("so that any incident
 * detected by the Customer may be notified to the Supplier", "ensure that Customer
 * administrators may delete"): that is the customer's own way to act.
 */
const DUTY_PURPOSE =
  /\b(?:ensures?|so|in order|such)\s+that\s+(?:(?!(?:customer|client|controller|licensee|you|your)\b)[\w'’-]+\s+){0,8}?(?:may|might|can|could)\s+(?:(?:also|then|\w+ly)\s+)?(?:be\s+)?$/i;
/** "… may be notified … by the Customer's own users": the customer, or its people, act. */
const CUSTOMER_ACTS_AFTER = /\bby\s+(?:the\s+)?(?:customer|client|controller|licensee)\b/i;
/**
 * "… may delete", "… may: (a) delete and permanently destroy …": the permission may open a list of what the vendor
 * may do, and governs each verb it joins.
 */
const PERMISSION_BEFORE =
  /\b(?:may|might|can|could|(?:is|are)\s+(?:permitted|entitled|free|allowed)\s+to|reserves?\s+the\s+right\s+to|(?:has|have)\s+the\s+right\s+to)(?:\s*:\s*\(?[a-z0-9]{1,4}[.)])?\s+(?:(?:also|then|thereafter|\w+ly)\s+)?(?:[a-z]+\s+(?:and|or|and\/or)\s+(?:\w+ly\s+)?)?(?:be\s+)?$/i;

/** "4.1. Authorized Subprocessors.": a bold run-in title read as a sentence names a topic and states nothing. */
const RUN_IN_TITLE = /^\s*(?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'’&-]*\s+){0,5}[A-Z][\w'’&-]*[.:]?\s*$/;

/** The protection itself as the subject of a negation ("Audits will not include …"): its scope is limited, not the protection excluded. */
const LIMITS_SCOPE =
  /^\W*(?:\d[\d.]*\s+)?(?:any |such |the |these |all |each )?(?:audits?|inspections?|notices?|notifications?|indemnit(?:y|ies)|deletion|return)\s+(?:will|shall|must|may|need|does|do)\s+not\b/i;
const SUBMITS_TO_AUDIT = /\b(?:provide|give|grant|afford)\b[^.;]{0,80}?\b(?:access|co-?operation|assistance)\b|\bco-?operat\w*\s+(?:fully\s+)?with\b/i;
/** "conduct an audit", "carry out audits": the actor audits; "permit … such audit" or "be audited" lets the other party. */
const CONDUCTS_AN_AUDIT = /\b(?:conduct|perform|carry\s+out|undertake|initiate)\s+(?:an?\s+|any\s+|such\s+)?(?:[\w-]+\s+)?(?:audits?|inspections?)\b/i;
/** A denial that only bounds how often or when: "more than once in any twelve-month period", "except following a breach". */
const LIMITS_HOW_OFTEN = /\bmore\s+(?:than\s+(?:once|twice)|often\s+than|frequently\s+than)\b|\b(?:except|save|other than)\s+(?:following|after|in the event of|where|on)\b/i;
/**
 * "This clause shall not modify or limit the rights of audit", "Nothing in the
 * Agreement excludes or limits the liability of either party for … any
 * indemnity": denying a limitation keeps the protection whole.
 */
const PRESERVES =
  /^(?![^]*\b(?:but|however|save that|except that)\b)\W*(?:\d[\d.]*\s+)?(?:[A-Z][\w ]{0,30}\.\s+)?(?:(?:this|these|the|such|nothing)\b[^.;]{0,60}?\b(?:shall|will|does|do|must|is|are)\s+not\s+(?:be\s+)?(?:in\s+any\s+way\s+)?(?:\w+\s+(?:or|and)\s+)?(?:modif(?:y|ied)|limit(?:ed)?|restrict(?:ed)?|affect(?:ed)?|prejudice[ds]?|reduce[ds]?|impair(?:ed)?|diminish(?:ed)?|derogate from)|nothing\b[^.;]{0,60}?\b(?:(?:shall|will)\s+)?(?:\w+\s+(?:or|and)\s+)?(?:excludes?|limits?|restricts?|affects?|prejudices?|reduces?)\b)/i;
const KEEPS_IN_FORCE = /\b(?:shall|will|must)\s+not\s+(?:allow|permit|cause|let)\s+(?:[\w'’-]+\s+){0,4}?(?:to\s+)?(?:lapse|expire|be (?:cancell?ed|reduced|withdrawn|terminated))\b/i;
/** "Clause 9.1 shall not apply to: (a) liability under …", "The limitations of liability in Clause 20 shall not apply to the indemnity". */
const CARVED_OUT_OF_A_LIMIT =
  /\b(?:clause|section|article|paragraph)\s+[\d.]+(?:\([a-z0-9]+\))?\s+(?:shall|will|does)\s+not\s+(?:apply|operate)\s+to\b[^.;]{0,40}?\bliabilit|\b(?:limitations?|limits?|caps?|exclusions?)\s+(?:(?:and|or)\s+(?:limitations?|exclusions?)\s+)?(?:of|on)\s+liability\b[^.;]{0,60}?\b(?:shall|will|does|do)\s+not\s+apply\s+to\b/i;
/** A limitation of liability, or a waiver of consequential damages: what it carves out ("except for indemnification obligations") survives it. */
const LIMITS_LIABILITY =
  /\b(?:limited to|(?:shall|will) not exceed|in no event|not be liable|(?:maximum|aggregate|total) (?:aggregate )?liability|disclaim|(?:consequential|incidental|indirect|special|punitive)\s+(?:or\s+\w+\s+)?damages)/i;

/**
 * Where a sentence carves its subject out ("indemnify … against third-party
 * claims, excluding claims arising from data breaches"; "return all materials,
 * except Customer Data"): from the exception word to the end of the clause, or
 * to the comma after which the main clause resumes ("Save and except for
 * liability under Clause 6, the aggregate liability … shall not exceed").
 * "But not later than 24 hours" bounds a time and "including but not limited
 * to" widens; neither carves anything out.
 */
const EXCEPTION =
  /\b(?:except(?:\s+(?:for|that))?|excluding|other than|save (?:for|as)|with the exception of|but not(?!\s+(?:limited|later|earlier|more|less|fewer|before|after|exceeding|to exceed)\b)|not including|(?:does|shall|will) not (?:apply to|cover|include))\b/gi;

/** The end of an exception: a full stop or semicolon, or a comma followed by a main clause's verb. */
const MAIN_CLAUSE_RESUMES = /[.;)]|,(?=[^,.;]{0,140}\b(?:shall|will|must|may|is|are)\b)/i;

/** What may come before an exception that opens a sentence: an item number, "Subject to clause 10.2,", "and". */
const OPENS_THE_SENTENCE = /^\W*(?:\(?[a-z0-9]{1,4}[.)]\s+)?(?:subject to [^,;]{0,80},\s*)?(?:and\s+)?$/i;
/** ", Acme permanently deletes …", ", Acme shall …": a party named by its name, then its verb. */
const NAME_ACTS_AFTER_COMMA = /,\s*(?=[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)?\s+(?:[a-z]+ly\s+)?(?:shall|will|must|may|[a-z]+s)\b)/;
/** ", each party's …", ", in no event shall …", ", the Supplier's …": a comma after which a main clause begins, not the exception's next item. */
const MAIN_SUBJECT_AFTER_COMMA =
  /,\s*(?=(?:each|either|neither|no|nothing|in no event|under no circumstances|its|their|our|we|you|(?:the\s+)?(?:supplier|provider|vendor|customer|client|company|licensor|licensee|processor|controller|(?:sub-?)?contractor|consultant|part(?:y|ies))(?:['’]s?)?|the\s+(?:aggregate|total|maximum|entire|cumulative|liability)|[\w-]+['’]s\s+(?:(?:aggregate|total|maximum|entire|cumulative)\s+)?liabilit)\b)/i;

/**
 * ", upon termination …, the Supplier shall": the main clause's time, which the exception before it does not carve out.
 * The main clause's subject and modal must follow the time: in "Except for records that the Provider, on termination,
 * must keep …" the time is the exception's own.
 */
const TIME_AFTER_COMMA =
  /,\s*(?=(?:upon|on|within|after|following|(?:no|not)\s+later\s+than|at\s+the\s+(?:end|expiry|expiration|termination)|as\s+soon\s+as)\b[^,;.]{0,160},\s*(?:the\s+)?[A-Z][\w&'’-]*(?:\s+[A-Z][\w&'’-]*)?\s+(?:shall|will|must)\b)/;

/** Where an exception that opens the sentence ends: at the main clause's subject, or at its time if that comes first. */
function mainClauseAfterComma(rest: string): RegExpExecArray | null {
  const subject = MAIN_SUBJECT_AFTER_COMMA.exec(rest) ?? NAME_ACTS_AFTER_COMMA.exec(rest);
  const time = TIME_AFTER_COMMA.exec(rest);
  return time && (!subject || time.index < subject.index) ? time : subject;
}

function exceptionSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(EXCEPTION)) {
    // "will not disclose … to anyone other than employees bound by confidentiality": under a negation the exception is what is allowed.
    if (/\b(?:not|no|never|nor|neither)\b/i.test(text.slice(0, m.index).split(/[.;]/).pop() ?? "")) continue;
    const from = m.index + m[0].length;
    // "Except in the case of …, each party's aggregate liability … shall not exceed": an exception that opens the sentence
    // ends at the comma after which the main clause's subject comes, however long that subject is.
    const opening = OPENS_THE_SENTENCE.test(text.slice(0, m.index));
    const subject = opening ? mainClauseAfterComma(text.slice(from)) : null;
    if (subject) {
      spans.push([m.index, from + subject.index]);
      continue;
    }
    const end = MAIN_CLAUSE_RESUMES.exec(text.slice(from));
    spans.push([m.index, end ? from + end.index : text.length]);
  }
  return spans;
}

/**
 * The sentence states the clause only inside an exception: every core signal
 * the sentence itself carries names its subject (the patterns after the
 * action) only within carved-out text. Such a sentence excludes the protection.
 */
function onlyExcepted(clause: CompiledClause, text: string): boolean {
  const spans = exceptionSpans(text);
  if (spans.length === 0) return false;
  const inside = (i: number) => spans.some(([a, b]) => i >= a && i < b);
  let carried = false;
  for (const signal of clause.signals) {
    if (!signal.core || signal.all.length < 2 || !signal.all.every((re) => re.test(text))) continue;
    carried = true;
    const carvedOut = signal.all.slice(1).some((re) => {
      const hits = [...text.matchAll(new RegExp(re.source, `${re.flags.replace("g", "")}g`))];
      return hits.length > 0 && hits.every((h) => inside(h.index));
    });
    if (!carvedOut) return false;
  }
  return carried;
}

/**
 * A deferral of the clause to another document. Under a heading that names
 * the subject ("§ 11 Liability"), the sentence may leave it out: "The
 * provisions of the Main Agreement apply."
 */
function defersElsewhere(clause: CompiledClause, p: Passage): boolean {
  const underHeading = p.heading ? `${p.heading}: ${p.text}` : undefined;
  return clause.byReference.some((re) => re.test(p.text) || (underHeading !== undefined && re.test(underHeading)));
}

function scorePassage(
  clause: CompiledClause,
  p: Passage,
  context: PassageContext,
  descriptiveHeadings: RegExp[],
  descriptivePenalty: number,
): number {
  // A deferral to another document is the clause by reference, whatever else the sentence says.
  if (defersElsewhere(clause, p)) return clause.entry.finder.threshold;
  let score = 0;
  let core = false;
  for (const signal of clause.signals) {
    if (signalMatches(clause, signal, p, context)) {
      score += signal.weight;
      if (signal.core) core = true;
    }
  }
  // Without a core signal the passage is not about this clause, whatever else it mentions.
  if (!core) return 0;
  if (p.heading) {
    if (clause.headings.some((re) => re.test(p.heading as string))) score += clause.entry.finder.headingWeight;
    if (descriptiveHeadings.some((re) => re.test(p.heading as string))) score -= descriptivePenalty;
  }
  return Math.max(0, score);
}

/**
 * Every pattern of the signal in the passage; or, for a core signal of two or
 * more patterns, all but one in the passage and that one supplied by the
 * passage's context:
 * - its section's heading, when the heading is one of the clause's own: under
 *   "Security Breach Notification", "Provider will notify Customer within 48
 *   hours" names the incident; under "Effect of Termination", "Processor shall
 *   delete all Customer Data" the termination ("Network Security" does not make
 *   a policy sentence about cyber insurance);
 * - the time its paragraph opens with: after "On termination, …", "Thereafter
 *   the Processor will delete the data" deletes at the end (a sentence that
 *   does not carry the time on keeps its own);
 * - the definition of a term the sentence uses bare: "notify the Covered Entity
 *   of any Breach", where "Breach" means the unauthorised access to PHI.
 * Context supplies the subject, never the duty: at least one pattern must match
 * the sentence itself.
 */
function signalMatches(clause: CompiledClause, signal: CompiledClause["signals"][number], p: Passage, context: PassageContext): boolean {
  const missing = signal.all.filter((re) => !re.test(p.text));
  if (missing.length === 0) return true;
  // The first pattern is the signal's action (notify, indemnify, delete): context may name what it is about, never supply the duty itself.
  if (!signal.core || missing.length !== 1 || signal.all.length < 2 || missing[0] === signal.all[0]) return false;
  const pattern = missing[0]!;
  const heading = p.heading;
  if (heading !== undefined && pattern.test(heading) && clause.headings.some((re) => re.test(heading))) return true;
  const opening = context.openingOf(p);
  if (opening !== undefined && pattern.test(opening)) return true;
  return context.termsIn(p).some((t) => pattern.test(t.genus));
}

interface PassageContext {
  termsIn: (p: Passage) => DefinedTerm[];
  /** The time a passage's paragraph opens with, for the sentences after the first. */
  openingOf: (p: Passage) => string | undefined;
}

/** "Thereafter the Processor will delete …": a sentence that carries its paragraph's time on (any other keeps its own). */
const CARRIES_TIME_ON = /^\W*(?:thereafter|after that|afterwards|subsequently|then|following (?:this|that|such)|at that (?:time|point)|in (?:that|such) (?:case|event))\b/i;
/** "On termination, …", "Upon expiry of the Agreement, …": the time a paragraph opens with. */
const TIME_OPENING = /^\W*(?:\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)*\.?\s+)?((?:on|upon|after|following|at)\s+[^,;.]{3,80}?),/i;

/**
 * "On termination, the Controller may ask for its data within 14 days. …
 * Thereafter the Processor will permanently delete it": a sentence that
 * carries the time on ("thereafter", "after that") takes it from the nearest
 * sentence before it in the paragraph that opens with one ("After your
 * subscription ends, you'll still have 30 days to export. After that, we'll
 * delete your data").
 */
function paragraphOpenings(passages: Passage[]): (p: Passage) => string | undefined {
  return (p) => {
    if (!CARRIES_TIME_ON.test(p.text)) return undefined;
    for (let i = p.index - 1; i >= 0 && passages[i]!.paragraph === p.paragraph; i--) {
      const time = TIME_OPENING.exec(passages[i]!.text)?.[1];
      if (time) return time;
    }
    return undefined;
  };
}

/**
 * "7.1 … within 24 hours" and, in a schedule, "S2.4 … within seven (7) days":
 * the value shown is the first passage's, and a contract that states another
 * deadline for the same duty says so, so legal reads which one governs.
 */
function otherDeadlines(kind: string, value: ExtractedValue | undefined, passages: Passage[], rules: CompiledClause["value"], quoteOf: QuoteOf): ClauseProposal["hints"] {
  if (!value || (value.kind !== "hours" && value.kind !== "days")) return [];
  const amount = (v: ExtractedValue) => (v.kind === "hours" ? v.hours : v.kind === "days" ? v.days : undefined);
  const seen = new Set([amount(value)]);
  const out: ClauseProposal["hints"] = [];
  for (const p of passages) {
    const other = extractClauseValue(kind as "hours" | "days", [p.text], rules);
    if (!other || other.kind !== value.kind || seen.has(amount(other))) continue;
    seen.add(amount(other));
    out.push({ code: "other_deadline", label: `The contract also states ${other.quote} for this duty; check which deadline governs.`, quote: quoteOf(p) });
  }
  return out;
}

function hintsFor(clause: CompiledClause, passages: Passage[], quoteOf: QuoteOf): ClauseProposal["hints"] {
  const out: ClauseProposal["hints"] = [];
  for (const hint of clause.hints) {
    const hit = passages.find((p) => hint.all.every((re) => re.test(p.text)));
    if (hit) out.push({ code: hint.code, label: hint.label, quote: quoteOf(hit) });
  }
  return out;
}

function quote(text: string): string {
  return text.length <= MAX_QUOTE ? text : `${text.slice(0, MAX_QUOTE - 1)}…`;
}
