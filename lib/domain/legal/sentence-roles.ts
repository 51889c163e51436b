// Who a contract sentence binds or entitles, and how: the difference between
// "the Customer may audit" and "the Provider may audit the Customer's code",
// between "Processor shall notify" and "the Customer shall bear the costs",
// and between a right granted and one excluded ("shall not be entitled to
// conduct any audit"). Word co-occurrence cannot tell these apart; the clause
// finder uses this reading to drop sentences about the wrong party and to
// report exclusions. Pure: no I/O.
import { escapeRegExp } from "./escape-regexp";

export type Actor = "customer" | "vendor" | "mutual" | "unknown";
export type Modality = "shall" | "may" | "will" | "must" | "other" | "none";
export type Polarity = "granted" | "prohibited";

export interface SentenceReading {
  /** The party the main verb binds or entitles. */
  actor: Actor;
  modality: Modality;
  polarity: Polarity;
  /** The customer is what the verb acts on ("audit Licensee's compliance"). */
  customerIsObject: boolean;
  /** States a duty or right at all (a modal, "agrees to", "is responsible"). */
  binding: boolean;
  /** The verb gives the actor an option ("may", "is entitled", "retains the right"), not a duty. */
  entitles: boolean;
  /** After the main verb the vendor is made to act ("the Customer may require the Supplier to delete"), not just named ("notify the Provider"). */
  vendorActsAfter: boolean;
  /** The vendor is what the verb acts on or protects ("Creator agrees to indemnify and hold Mulerun harmless"). */
  vendorIsObject: boolean;
  /** The sentence lifts a duty rather than forbidding an act ("shall not be obliged to notify", "has no obligation to delete"). */
  relievesDuty: boolean;
}

// "we"/"us" is the vendor in terms written by the vendor; "you" is the customer.
// "Customer Data" and "Licensee's remedy" name a thing, not the party acting.
const NOT_THE_PARTY = String.raw`(?!'s\b|\s+(?:data|personal|content|information|materials?|account|systems?|property|confidential|instructions?)\b)`;
// "your" names the customer only where it qualifies the customer's own side ("your organisation", "your staff");
// "your records will be erased" is about a thing of the customer's, not the customer acting.
// "Customer service representatives" and "customer support agents" are the vendor's people in an outsourcing contract.
const CUSTOMER_WORD = String.raw`\b(?:customers?(?!\s+(?:service|support|care|experience|success|contact)\b)|licensees?|clients?|(?:data )?controllers?|subscribers?|you|your(?=\s+(?:own\s+)?(?:company|organi[sz]ation|business|firm|entity|institution|team|personnel|staff|employees|users|agents|affiliates|representatives)\b)|buyers?|purchasers?|covered entit(?:y|ies)|data exporters?|end users?|merchants?)\b`;
const CUSTOMER = new RegExp(CUSTOMER_WORD + NOT_THE_PARTY, "gi");
const CUSTOMER_PEOPLE = new RegExp(
  String.raw`\b(?:customer|client|licensee|controller|buyer|purchaser|subscriber)(?:'s|s')\s+(?:own\s+)?(?:employees|staff|personnel|users|agents|representatives|workforce)\b`,
  "gi",
);
const VENDOR = new RegExp(
  String.raw`\b(?:(?:service )?providers?|(?:sub-?)?processors?|vendors?|suppliers?|contractors?|we|us|business associates?|licensors?|consultants?|data importers?|agency|developers?|hosts?|resellers?)\b` + NOT_THE_PARTY,
  "gi",
);
// Non-global copies for a yes/no test, built once rather than for every sentence read.
const NAMES_CUSTOMER = new RegExp(CUSTOMER.source, "i");
/** The customer's side, but not the customer's things: "training for Customer's staff", not "access to Customer Personal Information". */
const NAMES_CUSTOMER_SIDE = new RegExp(CUSTOMER_WORD + String.raw`(?!\s+(?:personal\s+)?(?:data|information|content|materials?|systems?)\b)`, "i");
const NAMES_VENDOR = new RegExp(VENDOR.source, "i");
/**
 * "… audit the Customer", "audit the books and records of the Client", "audit the use of the Software by the Customer",
 * "… carry out an audit at Your facilities to ensure Your compliance", "… examine and audit Your records": the act is done
 * to the customer, at its premises or of its compliance.
 */
const CUSTOMER_AS_OBJECT = new RegExp(
  String.raw`^\s*\S+\s+(?:(?:the\s+)?` +
    CUSTOMER_WORD +
    String.raw`|(?:(?!(?:supplier|provider|vendor|processor)\b)[\w'’-]+\s+){1,10}?(?:of|by)\s+(?:the\s+)?` +
    CUSTOMER_WORD +
    String.raw`)|^(?:(?!\b(?:supplier|provider|vendor|processor)\b)[^.;]){0,80}?\b(?:at|on|in|of|to\s+(?:ensure|verify|confirm|check)|audit|inspect|examine)\s+(?:the\s+)?(?:your|(?:customer|client|licensee|buyer|purchaser)(?:['’]s|s['’]))\s+(?:(?:own|[\w-]+)\s+)?(?:facilities|premises|sites|offices|locations|systems|records|books|compliance)\b`,
  "i",
);
/** "… require the Supplier to delete", "… permit Canonical and its duly authorised representatives to inspect": a party, then its verb. */
const THEN_ITS_VERB = String.raw`(?:'s)?(?:\s+(?:and|or)\s+(?:its|their)\s+(?:\w+\s+){0,2}?(?:representatives|auditors|agents|affiliates|designees))?\s+(?:\w+\s+){0,2}?(?:to|shall|will|must)\b`;
const VENDOR_THEN_VERB = new RegExp(VENDOR.source + THEN_ITS_VERB, "i");
const THAT_VENDOR = new RegExp(String.raw`\bthat\s+(?:the\s+)?` + VENDOR.source, "i");
/** A label or lead-in on the customer's side ("Customer responsibilities:", "Client Staff:"). */
const CUSTOMER_SIDE = String.raw`\b(?:customer|client|licensee|user|your)\b`;
const CUSTOMER_SIDE_LABEL = new RegExp(String.raw`^[^:]*${CUSTOMER_SIDE}[^:]*:`, "i");
/** A list item's bullet, check marks included. */
const BULLET = String.raw`[•●▪◦‣∙·○■□►➢✓✔☑*-]`;
const LEADING_BULLET = new RegExp(String.raw`^${BULLET}\s*`);
/** A list item's letter or number: "g) ", "(iv) ", "3. ". */
const ITEM_MARKER = /^\(?(?:[a-z]|[ivx]+|\d{1,2})[.)]\s+/i;
// "Recipient"/"Discloser" and "Indemnifying Party" are roles either party can take (standard-form terms define them so).
const MUTUAL =
  /\b(?:either party|each party|both parties|a party|the parties|neither party|receiving party|disclosing party|each of the parties|recipients?|disclosers?|indemnifying party|protected party)\b/gi;

/**
 * "Each party indemnifies the other": a performative present binds as "shall indemnify" does; so do "Contractor agrees
 * that all its staff sign …" and "the Processor's policies require that new employees enter into …", commitments about
 * the vendor's people in the subjunctive.
 */
const MODAL =
  /\b(shall|will|must|may|can|cannot|agrees? to|(?:agrees?|(?:policies|procedures|standards)\s+requires?)\s+that(?=\s+(?:all\s+|any\s+|each\s+|every\s+|its\s+|new\s+|of\s+)*(?:[\w'’-]+\s+){0,2}?(?:staff|personnel|employees|agents|workers|workforce)\b)|promises? to|undertakes?(?=\s+(?:[\w,]+\s+){0,8}?to\b)|commits? to|(?:is|are) (?:not |solely |fully |entirely )?responsible|(?:is|are) (?:not )?(?:entitled|required|obliged|obligated|permitted|authori[sz]ed)|(?:has|have|retains?|reserves?) (?:the|a|no) right|(?:has|have) no obligation|(?:is|are) under no obligation|indemnifies|(?<=\b(?:we|you|they|parties)\s+(?:hereby\s+)?)indemnify|waives?|(?:hereby )?waive)\b/i;
// "shall have no right to audit", "will be under no obligation to indemnify" deny as "shall not" does.
/** "shall not", "shall be under no"; a floor or a deadline ("shall be no less than $2M", "not later than 24 hours") denies nothing. */
const NEGATED_AFTER_MODAL =
  /^\s*(?!(?:not\s+(?:be\s+)?|be\s+no\s+)(?:less|fewer|lower|smaller|later|earlier)\s+than\b)(?:not|never|in no (?:event|case)|under no circumstances|no longer|(?:have|has|be)\s+no|be\s+under\s+no)\b/i;
/**
 * "shall not be obliged to notify", "has no obligation to return", "is not
 * responsible for ensuring", "cannot guarantee that it will notify": a duty
 * lifted, unlike "shall not retain", which forbids and so protects.
 */
const RELIEF = /\b(?:obligation|required|obliged|obligated|responsible)\b/i;
const RELIEF_AFTER_MODAL =
  /^\s*(?:not\s+|never\s+)?(?:be\s+|have\s+|has\s+)?(?:(?:not\s+)?(?:required|obliged|obligated|responsible|liable\s+for\s+(?:any\s+)?failure)|under\s+no\s+obligation|no\s+obligation|guarantee|promise|warrant)\b/i;
/** "Nothing in this Agreement shall require the Supplier to: (a) permit … audit": the duty lifted. */
const NOTHING_REQUIRES = /\bnothing\b[^.;:]{0,60}\b(?:shall|will|does|is\s+intended\s+to)\s+(?:require|oblige|obligate|compel)\b/i;
const ITEM_WITH_OWN_SUBJECT =
  /^[^]*?:\s*\((?:[a-z]|[ivx]+|\d+(?:\.\d+)*)\)\s+((?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s+(?:shall|will|must|may|agrees?)\b[^]*)$/;
// "Customer waives any right to audit" gives the right up.
const NEGATIVE_MODAL = /^(?:cannot|(?:is|are) not\b|(?:has|have) no\b|(?:is|are) under no\b|(?:hereby )?waives?\b)/i;
/** "Under no circumstances will the Customer be permitted to …", "neither party will be responsible": the denial comes before the modal. */
/** "In no event shall", "No party may", and a subject opened by "No" ("6.2 No Client Data may be transferred …"). */
const NEGATED_BEFORE_MODAL =
  /\b(?:under no circumstances|in no (?:event|case|circumstances)|at no time|(?:neither|no)\s+(?:party|parties|of the parties)\b(?!['’]s))[^.;]{0,20}$|^\W*(?:\d+(?:\.\d+)*\.?\s+|\(?[a-z0-9]{1,4}[.)]\s+)?no\s+(?:[\w'’-]+\s+){1,5}$/i;

const SUBJECT_WINDOW = 12;
/** "shall (not) be entitled to", "will have the right to". */
const ENTITLED_AFTER_MODAL = /^\s*(?:not\s+)?(?:be\s+)?(?:entitled|permitted|authori[sz]ed|allowed)\b|^\s*(?:not\s+)?have\s+(?:the|a|any|no)\s+right\b|^\s*(?:the\s+|a\s+|any\s+|all\s+|its\s+)?rights?\b/i;
const ENTITLING = /^(?:may|can|cannot|(?:is|are) (?:not )?(?:entitled|permitted|authori[sz]ed)|(?:has|have|retains?|reserves?) (?:the|a|no) right)$/i;

/**
 * "The Contractor may engage subcontractors, provided such persons are bound by
 * equivalent confidentiality obligations": the permission comes with a duty on
 * the people it lets in, which the one permitted must see to.
 */
const PERSONS_BOUND_PROVISO =
  /\bprovided\s+(?:always\s+)?(?:that\s+)?(?:such|the|these|those|all|any)?\s*(?:persons?|personnel|staff|employees|subcontractors|sub-?processors|contractors|agents|representatives|individuals|they)\b[^.;]{0,40}\b(?:are|is|be|been|shall|will|must|agree|have)\b/i;

/**
 * A schedule of security measures lists them without verbs ("Regular data
 * protection and security training for all relevant employees", "Employee
 * training on data protection", "Annual penetration testing", "Trained staff
 * on data privacy", "Personnel. Background checks, confidentiality
 * obligations, and security awareness training for personnel with access",
 * "Employee Controls: …, confidentiality agreements, initial & annual
 * security/privacy training"): a
 * recurring or staff practice named so is one the vendor keeps. A line that
 * goes on to a verb ("Regular training ensures that …") or describes who may
 * act ("access only for staff having followed training") is read as any
 * sentence is.
 */
const NO_VERB = String.raw`(?!\b(?:is|are|was|were|will|shall|may|can|must|has|have|having|be)\b)`;
/** "Personnel:" or a run-in "Personnel." before the line. */
const MEASURE_LABEL = String.raw`(?:[\w ]{1,30}[:.]\s*)?`;
/** Other measures named first, without verbs: "Background checks (where permitted), confidentiality obligations, and". */
const MEASURES_BEFORE = String.raw`(?:(?:${NO_VERB}[\w-]+\s+){0,4}?${NO_VERB}[\w-]+(?:\s*\([^)]*\))?,\s*){1,4}(?:and\s+)?`;
const MEASURE_NOUN = String.raw`(?:training|awareness(?:[- ]raising)?|testing|reviews?|audits?|assessments?|scans?|scanning|exercises?)`;
const MEASURE_HEAD = String.raw`(?:(?:(?:initial|onboarding|induction|new[- ]hire)\s+(?:and|&)\s+)?(?:regular|regularly|annual|annually|periodic|mandatory|ongoing|recurring|yearly|quarterly|continuous)\s+(?:[\w/-]+\s+){0,5}?${MEASURE_NOUN}|(?:employee|staff|personnel|workforce|security|data protection|privacy|confidentiality|phishing|cyber\w*)\s+(?:[\w-]+\s+){0,3}?${MEASURE_NOUN}|trained\s+(?:staff|personnel|employees|workforce|team(?:\s+members)?)\s+(?:on|in)\s+(?:[\w-]+\s+){0,2}?(?:security|privacy|data protection|confidentiality|gdpr)\b(?:${NO_VERB}[^.:]){0,80})`;
const MEASURE_TAIL = String.raw`(?:\s*\([^)]*\))?(?:\s+(?:for|of|on|in|with|at|covering|including)\b(?:${NO_VERB}[^.:]){0,120})?`;
/** After a list of other measures, the training must be for the vendor's people, if it names whom it is for ("… for the subscribing organisation" is a service sold). */
const FOR_OWN_PEOPLE = String.raw`(?:\s+(?:for|of)\s+(?:all\s+)?(?:[\w-]+\s+){0,2}?(?:staff|personnel|employees|team\s+members|agents|workforce|persons|individuals)\b(?:${NO_VERB}[^.:]){0,100})?`;
const RECURRING_MEASURE = new RegExp(
  String.raw`^${MEASURE_LABEL}(?:${MEASURE_HEAD}\b${MEASURE_TAIL}|${MEASURES_BEFORE}${MEASURE_HEAD}\b${FOR_OWN_PEOPLE})\s*[.;]?$`,
  "i",
);
/** "Breach Notification: Data security incidents reported to customers within 72 hours": a practice of notice, stated so. */
const NOTICE_PRACTICE = new RegExp(
  String.raw`^${MEASURE_LABEL}(?:[\w-]+\s+){0,2}?(?:(?:security|data|privacy|personal data)\s+(?:[\w-]+\s+)?incidents?|breach(?:es)?)\s+(?:are\s+)?(?:reported|notified|communicated|escalated)\s+to\s+(?:the\s+)?(?:affected\s+)?(?:customers?|clients?|controllers?)\b(?:${NO_VERB}[^.:]){0,80}?\b(?:within|without undue delay|promptly|immediately)\b(?:${NO_VERB}[^.:]){0,80}[.;]?$`,
  "i",
);

/** "Employees' obligation to maintain data secrecy", "Obligation of staff to confidentiality": a measures line that binds the staff, stated as a noun. */
const SECRECY_PRACTICE = new RegExp(
  String.raw`^${MEASURE_LABEL}(?:(?:employees|staff|personnel)(?:['’]s?)?\s+(?:written\s+|contractual\s+)?(?:obligations?|commitments?|undertakings?)|(?:written\s+|contractual\s+)?(?:obligations?|commitments?)\s+of\s+(?:all\s+)?(?:employees|staff|personnel))\s+(?:to\s+(?:maintain|keep|observe|preserve)\s+|to\s+)?(?:data\s+)?(?:secrecy|confidentiality)\b(?:${NO_VERB}[^.:]){0,80}[.;]?$`,
  "i",
);

/** "Excluded services.", "Optional add-ons:", "Premium Support.": a label that puts what follows outside what the vendor undertakes. */
const NOT_UNDERTAKEN_LABEL =
  /^\W*[^:.]{0,40}\b(?:excluded|optional|additional|chargeable|not included|add-?ons?|extras?|extra cost|additional cost|on request|premium|recommend\w*|suggested|best practices?)\b[^:.]{0,40}[:.]/i;

/** A measures line, alone or after its lead-in ("… measures implemented by the data importer: Employee training on data protection"), unless the lead-in is the customer's. */
function measureOfVendor(text: string, vendors: ReadonlySet<string>): boolean {
  if (CUSTOMER_SIDE_LABEL.test(text) || NOT_UNDERTAKEN_LABEL.test(text)) return false;
  const colon = text.lastIndexOf(": ");
  // "… training for Customer's staff" is the customer's side; "incidents reported to customers" serves it.
  const forCustomerSide = NAMES_CUSTOMER_SIDE.test(text.slice(colon + 1));
  const measure = (line: string) => {
    const item = line.trim().replace(LEADING_BULLET, "").replace(ITEM_MARKER, "");
    return ((RECURRING_MEASURE.test(item) || SECRECY_PRACTICE.test(item)) && !forCustomerSide) || NOTICE_PRACTICE.test(item);
  };
  if (measure(text)) return true;
  return colon > 0 && measure(text.slice(colon + 2)) && actorOf(text.slice(0, colon), vendors) !== "customer";
}

/** Names a document uses for the vendor: capitalised words that act as a subject and are no customer word. */
export function vendorNames(sentences: string[]): Set<string> {
  const counts = new Map<string, number>();
  const count = (s: string, re: RegExp) => {
    for (const m of s.matchAll(re)) {
      const name = m[1] as string;
      // "Covered Entity may": the last word of the customer's own name is not a vendor's name.
      // A bounded look back: splitting all the text before each name is quadratic in a sentence of many names.
      const previous = /(\S+)\s*$/.exec(s.slice(Math.max(0, m.index - 60), m.index))?.[1] ?? "";
      const withPrevious = `${previous} ${name}`;
      if (GENERIC_SUBJECTS.has(name.toLowerCase()) || NAMES_CUSTOMER.test(name) || NAMES_CUSTOMER.test(withPrevious)) continue;
      counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  };
  for (const s of sentences) count(s, NAME_WITH_MODAL);
  // Security schedules state practice in the present tense ("Airfold requires all employees to …"). Where the
  // document calls the vendor by its role ("the Supplier shall"), a name so used is the customer's, so it counts only otherwise.
  const rolesNameTheVendor = sentences.filter((s) => VENDOR_ROLE_SUBJECT.test(s)).length >= 3;
  if (!rolesNameTheVendor) for (const s of sentences) count(s, NAME_IN_PRACTICE);
  return new Set([...counts].filter(([, n]) => n >= 3).map(([name]) => name));
}
const NAME_WITH_MODAL = /(?<=\S\s+)([A-Z][A-Za-z0-9&.-]{1,30}|npm)(?:'s)?\s+(?:shall|will|may|must|agrees|retains|reserves)\b/g;
const NAME_IN_PRACTICE = /(?<=\S\s+|^)([A-Z][A-Za-z0-9&.-]{1,30})\s+(?:requires|maintains|implements|employs|performs|conducts|encrypts|monitors)\b/g;
const VENDOR_ROLE_SUBJECT = /\b(?:supplier|provider|vendor|contractor|processor|consultant|agency)\s+(?:shall|will|must)\b/i;

const GENERIC_SUBJECTS = new Set([
  "agreement", "it", "this", "that", "which", "who", "party", "parties", "services", "service", "data", "section", "term",
  "terms", "fees", "order", "they", "he", "she", "there", "such", "notice", "dpa", "addendum", "schedule", "exhibit", "clause",
  "company", "i", "information", "software", "subscription", "account", "law", "laws", "provisions", "obligations", "and", "or",
  "recipient", "discloser", "phi", "ephi", "pii", "gdpr", "ccpa", "cpra", "hipaa", "pdpa", "lgpd", "pipeda", "act", "regulation",
  "directive", "statute",
]);

/**
 * Plain-language terms state the vendor's duties in the present tense: "All
 * personnel receive … training", "Our team members complete security training
 * every year", "All staff sign confidentiality undertakings", "Staff handling
 * Customer Data are trained", "Personnel of the Processor who have access … are
 * bound by confidentiality obligations". The subject is the vendor's people
 * (qualified by whose they are, what they handle, or both) and the verb is
 * finite, so it is a commitment; "staff having followed training" (a
 * participle in an annex) is not.
 */
const PRESENT_TENSE_DUTY = new RegExp(
  String.raw`^(?:(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?)\s+)?(?:(?![^:.]*${CUSTOMER_SIDE})[A-Z][\w ]{1,30}:\s*|(?<=\d\.?\s+)(?![^:.]*${CUSTOMER_SIDE})[A-Z][\w ]{1,30}\.\s+)?(?:(?:upon|on|after|during|before|within)\b[^.;:]{0,80},\s*)?(?:all\s+of\s+|each\s+of\s+|all\s+|each\s+|every\s+|these\s+|such\s+|the\s+)?(?:(?:the\s+)?(?:provider|processor|vendor|supplier|contractor|our|its)(?:'s)?\s+)?(?:personnel|staff(?:\s+members)?|employees|team\s+members|agents|workforce|privileged\s+users|persons\s+(?:authori[sz]ed|engaged|employed|involved))(?:\s+(?:and|or)\s+(?:contractors|subcontractors|agents|consultants))?(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:provider|processor|vendor|supplier|contractor|company))?(?:\s+(?:by|who|that|with|handling|processing|engaged|involved|authori[sz]ed|having|holding|granted)\b[^.;]{0,160}?)?\s+(?:receive|complete|undergo|undertake|attend|participate\s+in|take\s+part\s+in|sign|execute|have\s+(?:all\s+|each\s+|also\s+)?(?:signed|executed|agreed|committed|received|completed|undergone|been\s+(?:trained|informed|instructed))|are\s+(?:all\s+|also\s+|each\s+|regularly\s+)?(?:\([^()]{0,60}\)\s+)?(?:trained|informed|instructed|briefed|educated|committed\s+(?:in\s+writing\s+)?to\s+(?:maintain|keep|observe|preserve|protect)|made\s+aware|given\s+(?:\w+\s+){0,2}?(?:training|instruction|briefings?)|required|bound|subject|obliged|obligated|contractually\s+bound|under\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}?(?:obligations?|duty|duties))|bound\s+by)\b`,
  "i",
);

/** "Security courses are mandatory for all employees": a requirement the vendor sets its own people, unless they are the customer's. */
const MANDATORY_FOR_STAFF = new RegExp(
  String.raw`\b(?:is|are)\s+(?:mandatory|compulsory|obligatory)\s+for\s+(?:all\s+|every\s+|each\s+)?(?:new\s+)?(?:employees?|staff(?:\s+members?)?|personnel|team\s+members?|workforce(?:\s+members?)?)\b(?![^.;]{0,40}${CUSTOMER_WORD})`,
  "i",
);

/** "Every employee and contractor at Acme signs a confidentiality agreement": the same duty, stated of each of the vendor's people. */
const EACH_OF_THE_PEOPLE_DOES =
  /^(?:(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?)\s+)?(?:(?:every|each)\s+(?:employee|staff\s+member|team\s+member|member\s+of\s+(?:the\s+)?(?:[\w'’-]+\s+)?staff|contractor|person|individual)(?:\s+(?:and|or)\s+(?:employee|contractor|subcontractor|agent))?|everyone)\b[^.;]{0,100}?\s+(?:signs|receives|completes|undergoes|attends|executes|is\s+(?:trained|bound|required|subject|obliged)|is\s+under\s+(?:an?\s+)?(?:[\w-]+\s+){0,3}?(?:obligations?|duty|duties)|has\s+(?:signed|executed|completed|received|undergone))\b/i;

/**
 * The vendor's people, unless the customer's side is named in who they are
 * ("Privileged users having administrator rights in the Customer's tenant",
 * "authorised by the Customer"), in who trains them ("delivered by the
 * Customer"), or the label excludes or sells it ("Optional.").
 */
function presentTenseDutyOfVendor(text: string): boolean {
  // "• Employees are regularly made aware …": a bulleted list of measures states each as much as a sentence does.
  const t = text.trim().replace(LEADING_BULLET, "");
  const m = PRESENT_TENSE_DUTY.exec(t);
  if (!m || NOT_UNDERTAKEN_LABEL.test(t)) return false;
  // "Processor's employees who process Personal Data on behalf of the Controller are …": whom the processing serves, not whose employees.
  const who = m[0].replace(/^[^:]*:/, "").replace(ON_BEHALF_OF, "");
  // "Provider personnel holding administrative access to the Customer's environment": whose people they are is said first.
  return (VENDORS_OWN_PEOPLE.test(who) || !NAMES_CUSTOMER_SIDE.test(who)) && !BY_THE_CUSTOMER.test(t.replace(ON_BEHALF_OF, ""));
}
const VENDORS_OWN_PEOPLE =
  /^\W*(?:(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?)\s+)?(?:all\s+|each\s+|every\s+)?(?:the\s+)?(?:provider|processor|vendor|supplier|contractor)(?:['’]s)?\s+(?:personnel|staff|employees)\b/i;
const ON_BEHALF_OF = /\bon\s+behalf\s+of\s+(?:the\s+)?(?:customer|client|controller|licensee)\b(?!['’]s)/gi;
const BY_THE_CUSTOMER = /\b(?:by|from)\s+(?:the\s+)?(?:customer|client|controller|licensee)\b(?!['’]s)/i;

/**
 * "Every employee of the Customer signs …", "Every employee who logs in to your
 * workspace …" are the customer's people; "Every employee and contractor at
 * Globex …" is the vendor's only where Globex is the vendor's name.
 */
function eachOfVendorPeopleDoes(text: string, vendors: ReadonlySet<string>): boolean {
  const m = EACH_OF_THE_PEOPLE_DOES.exec(text.trim());
  // "… who works on your project" serves the customer; "… who logs in to your workspace" is the customer's.
  if (!m || NAMES_CUSTOMER_SIDE.test(m[0]) || /\byour\b(?!\s+(?:project|projects|files|data|content|site|website|matter|work)\b)/i.test(m[0])) return false;
  const whose = /\b(?:at|of|with|for|by)\s+((?:[A-Z][\w&.'’-]*\s*){1,3})/.exec(m[0]);
  // In terms the vendor writes as "we", "… at Actually Reliable … to our codebase" names the writer.
  const writerNamed = vendors.has("We") && /\bour\b/i.test(text);
  return !whose || writerNamed || namesVendor(whose[1]!, vendors);
}

/**
 * "The Customer's total liability … shall not exceed …", "Your total liability
 * to us …", "the liability of the Client is limited to …", "You are not liable
 * for more than …": every liability the
 * sentence limits is the customer's, so it caps nothing the vendor owes.
 * "Each party's liability", "the liability of the Customer or the Supplier"
 * and a liability with no owner named do.
 */
export function limitsOnlyCustomerLiability(text: string, vendors: ReadonlySet<string>): boolean {
  const owners: string[] = [];
  for (const m of text.matchAll(LIABILITY_OWNER)) owners.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5] ?? "").trim());
  // Every liability the sentence names must be owned, save the one whose time is told ("in which the liability arose").
  if (owners.length === 0 || owners.length < [...text.matchAll(/\bliab(?:le|ility|ilities)\b(?!\s+(?:arose|arises|arising|accrued|accrues|occurred|first\s+arose)\b)/gi)].length) return false;
  // "your liability": the customer, in terms the vendor writes as "we". "The liability of the Authority … the fees payable by
  // the Authority": whoever pays the fees is the customer, whatever the contract calls it.
  const named = FEE_PAYER.exec(text)?.[1];
  const payer = named && actorOf(named, vendors) !== "vendor" ? bareName(named) : undefined;
  const isPayer = (o: string) => payer !== undefined && bareName(o) === payer;
  return owners.every((o) => (/^your$/i.test(o) || isPayer(o) || actorOf(o, vendors) === "customer") && !MUTUAL_OWNER.test(o));
}
/** "the fees payable by the Authority": what the customer pays for the services, not sums the vendor owes ("sums payable by the Supplier"). */
const bareName = (name: string) => name.replace(/^the\s+/i, "").toLowerCase();
const FEE_PAYER = /\b(?:fees|charges|prices?)\s+(?:paid|payable|due)\s+by\s+((?:the\s+)?[A-Z][\w-]*)/;
const LIABILITY_OWNER =
  /\b(?:(?<=[,;]\s*)(?:and|or)\s+)?((?:the\s+)?[\w-]+(?:\s+[\w-]+)?)(?:'s|’s|s')\s+(?:(?:total|aggregate|entire|maximum|cumulative|overall|whole|sole)\s+)*liabilit(?:y|ies)\b|\b(your|our|its|their)\s+(?:(?:total|aggregate|entire|maximum|cumulative|overall|whole|sole)\s+)*liabilit(?:y|ies)\b|\bliabilit(?:y|ies)\s+of\s+((?:[\w'’-]+\s+){0,4}?[\w'’-]+)(?=\s*,|\s+(?:under|in|for|arising|to|towards|with|shall|will|hereunder|pursuant|whether|is|are)\b)|\b((?:the\s+)?[\w-]+)\s+(?:is|are|will|shall)\s+not(?:\s+be)?\s+liable\b|\b(?:shall|will)\s+((?:the\s+)?[\w-]+)\s+be\s+liable\b/gi;
const MUTUAL_OWNER = /\b(?:each|either|neither|both|any|a)\s+part(?:y|ies)\b|\bparties\b|\b(?:or|and)\b/i;

/**
 * A sentence that only spells out the one before it ("This includes giving
 * training to Provider's workforce", "Such measures shall include …") states
 * no duty of its own: it carries the previous sentence's.
 */
export function elaboratesPrevious(text: string): boolean {
  return /^(?:this|these|such|that|it)\b[^.;]{0,40}?\b(?:includes?|including|comprises?|consists? of)\b/i.test(text.trim());
}

/**
 * The modal of the main clause: "with notice and Licensor approval, which will
 * not be unreasonably withheld, Customer will be entitled to perform an audit"
 * is the Customer's right, not a refusal by the Licensor. A modal that opens a
 * relative clause ("which will", "who may", "as may be agreed") or sits in a
 * condition ("only if such an audit may not …") is skipped when another one is
 * there; in "If …, then …" only the modals after "then" count.
 */
function mainModal(text: string): RegExpExecArray | null {
  const all = new RegExp(MODAL.source, "gi");
  // "If, on the basis of a court decision, X is obliged to disclose …, then X is not obliged to pay": the main clause follows "then".
  const then = /^(?:\(?[a-z0-9]{1,4}[.)]\s+|\d+(?:\.\d+)+\.?\s+)?\W*(?:if|unless|where|should|in the event)\b/i.test(text) ? /,\s*then\b/i.exec(text) : null;
  if (then) all.lastIndex = then.index + then[0].length;
  let first: RegExpExecArray | null = null;
  for (let m = all.exec(text); m; m = all.exec(text)) {
    first ??= m;
    const before = text.slice(0, m.index);
    const relative = /\b(?:which|who|whom|as)\s+$/i.test(before.slice(-12));
    // "… and to allow audits, only if such an audit may not impose a threat": a modal inside a condition is not the main verb.
    const conditional = /\b(?:if|unless|provided(?:\s+that)?|in case)\b[^,;:()]{0,80}$/i.test(before);
    if (!relative && !conditional) return m;
  }
  return first;
}

/** A commitment stated without a modal verb (present tense, a passive with a deadline, "ensures that"). */
function committed(actor: Actor, polarity: Polarity = "granted"): SentenceReading {
  return { actor, modality: "other", polarity, customerIsObject: false, binding: true, entitles: false, vendorActsAfter: false, vendorIsObject: false, relievesDuty: false };
}

/**
 * "- Notify Controller within 24 hours of becoming aware", "- Ensure personnel
 * are bound by confidentiality": a checklist of duties in the imperative under
 * a heading ("3.6 Data Breach"). Whose duties they are is the heading's to say
 * ("Controller Obligations"); a heading that names no party leaves them to the
 * clause's own role.
 */
const IMPERATIVE_VERBS = String.raw`Notify|Inform|Ensure|Delete|Return|Destroy|Erase|Purge|Provide|Maintain|Implement|Keep|Assist|Allow|Permit|Make|Restrict|Limit|Encrypt|Report|Cooperate|Co-operate|Bind|Require|Procure|Certify|Comply|Obtain|Give|Grant|Submit|Train`;
/** Capitalised as an item's first word, or after a bullet in either case ("• notify Customer within 48 hours", as security exhibits list them). */
const IMPERATIVE_ITEM = new RegExp(String.raw`^(?:(?:${BULLET}\s*)?(?:${IMPERATIVE_VERBS})|${BULLET}\s*(?:${IMPERATIVE_VERBS.toLowerCase()}))\b`);

/**
 * Instructions to the reader ("Notify us if …", "Report any incident to
 * support@…", "Inform the Provider of …", "Return to the dashboard") and a
 * licence's "Delete all copies of the Software" are the customer's to follow.
 */
function imperativeDuty(item: string, vendors: ReadonlySet<string>): boolean {
  if (!IMPERATIVE_ITEM.test(item) || /^\W*return\s+to\b/i.test(item)) return false;
  // "… in Mulerun's possession" names what the vendor holds, not whom the reader should tell.
  const t = item.replace(VENDORS_THING, "");
  if (/\b(?:you|your|we|us|our)\b/i.test(t) || NAMES_VENDOR.test(t) || [...vendors].some((n) => t.includes(n))) return false;
  return /\b(?:data|information|records|breach\w*|incidents?|personnel|staff|employees|controller|customer|client)\b/i.test(t);
}
const VENDORS_THING = /\b[\w-]+['’]s\s+(?:possession|custody|control|systems?)\b/gi;

/**
 * "5. Mulerun's Obligations (5.3) At your request, delete or return all Customer
 * Data …": an imperative item under a title that names its owner, after the
 * customer's choice that sets it going.
 */
function imperativeItem(text: string): { item: string; title?: string } {
  // A table row of duties ("Notify security incidents … | Customer"): the party column says whose duty it is.
  const cells = text.split(" | ").map((c) => c.trim());
  const party = cells.length > 1 ? cells.slice(1).find((c) => PARTY_CELL.test(c)) : undefined;
  if (party) return { item: cells[0]!, title: party };
  const titled = TITLE_THEN_ITEM.exec(text.trim());
  const own = titled ? titled[2]! : text.trim();
  const afterRequest = own.replace(AT_CUSTOMERS_REQUEST, "");
  // The imperative is capitalised as an item's first word: "At your request, delete" → "Delete".
  const item = afterRequest === own ? own : afterRequest.charAt(0).toUpperCase() + afterRequest.slice(1);
  return titled ? { item, title: titled[1] } : { item };
}
const PARTY_CELL = /^(?:the\s+)?(?:customer|client|controller|supplier|provider|vendor|processor|contractor|both(?:\s+parties)?|joint(?:ly)?)$/i;
const TITLE_THEN_ITEM = /^((?:\d+(?:\.\d+)*\.?\s+)?(?:[A-Z][\w'’-]*\s+){0,3}(?:obligations|duties|responsibilities|commitments))\s+\((?:\d+(?:\.\d+)*|[a-z]|[ivx]+)\)\s+(.*)$/is;
const AT_CUSTOMERS_REQUEST = /^(?:at|upon|on)\s+(?:your|the\s+(?:customer|client|controller)['’]s)\s+(?:written\s+)?(?:request|instruction|election|choice|option),\s*/i;

export function readSentence(row: string, vendors: ReadonlySet<string> = new Set(), heading?: string): SentenceReading {
  // "Security awareness | All staff complete security awareness training annually": a table's label cell reads as a run-in label.
  // A last cell naming a party says whose duty the row is (imperativeItem), and is no content.
  const cells = row.split(" | ");
  const whole = cells.length === 2 && !PARTY_CELL.test(cells[1]!.trim()) ? row.replace(LABEL_CELL, "$1: ") : row;
  // "Upon termination, the Customer shall: (15.2) The Supplier shall return …": an item with its own subject and verb is read alone.
  const text = ITEM_WITH_OWN_SUBJECT.exec(whole)?.[1] ?? whole;
  const m = mainModal(text);
  const imperative = m ? undefined : imperativeItem(text);
  if (imperative && imperativeDuty(imperative.item, vendors)) {
    const owner = imperative.title ?? heading;
    return committed(owner ? actorOf(owner, vendors) : "unknown");
  }
  if (!m && (presentTenseDutyOfVendor(text) || eachOfVendorPeopleDoes(text, vendors) || measureOfVendor(text, vendors) || MANDATORY_FOR_STAFF.test(text))) {
    return committed("vendor");
  }
  if (!m) {
    const performative = partyAssures(text, vendors) ?? partyDoes(text, vendors);
    if (performative) return performative;
    // "All personal data is erased within 30 days": a passive with a deadline commits the one who holds the data, whoever asked.
    if (PASSIVE_WITH_DEADLINE.test(text) || DATA_GONE_BY_DEADLINE.test(text)) {
      return committed("unknown");
    }
  }
  if (!m) return { actor: actorOf(text, vendors), modality: "none", polarity: "granted", customerIsObject: false, binding: false, entitles: false, vendorActsAfter: false, vendorIsObject: false, relievesDuty: false };
  const modalWord = (m[1] ?? "").toLowerCase();
  const before = withoutAsides(ownClause(text.slice(0, m.index))).split(/\s+/).slice(-SUBJECT_WINDOW).join(" ");
  const after = text.slice(m.index + m[0].length);
  const negated = NEGATIVE_MODAL.test(modalWord) || NEGATED_AFTER_MODAL.test(after) || NEGATED_BEFORE_MODAL.test(text.slice(0, m.index));
  const modality: Modality = /^(shall|will|must|may)$/.test(modalWord) ? (modalWord as Modality) : modalWord === "cannot" || modalWord === "can" ? "may" : "other";
  const object = after.trim().split(/\s+/).slice(0, 16).join(" ");
  // "All affected customers will be notified": the customer told; "the Customer's end users will be notified": the customer's own notice.
  const told = TOLD.test(after);
  const customerTold = told && !CUSTOMERS_OWN.test(before);
  // "The Supplier must be informed within 24 hours …": the vendor is told, so the other party tells.
  const vendorTold = told && actorOf(before, vendors) === "vendor";
  return {
    actor: passiveAgent(after, vendors) ?? (vendorTold ? "customer" : customerTold ? "unknown" : (warrantor(text.slice(0, m.index), vendors) ?? enumeratedSubject(text, before, vendors))),
    modality,
    polarity: negated ? "prohibited" : "granted",
    customerIsObject: CUSTOMER_AS_OBJECT.test(object),
    vendorIsObject: vendorProtected(after, vendors),
    relievesDuty: (negated && (RELIEF.test(modalWord) || RELIEF_AFTER_MODAL.test(after))) || NOTHING_REQUIRES.test(text.slice(0, m.index + m[0].length + 20)),
    binding: true,
    entitles: (ENTITLING.test(modalWord) || ENTITLED_AFTER_MODAL.test(after)) && !PERSONS_BOUND_PROVISO.test(after),
    vendorActsAfter: vendorActs(after, vendors),
  };
}

/**
 * "SPCDC warrants that Licensee's Data … will be delivered to Licensee": the party that warrants is bound by what it
 * warrants, whoever the clause after "that" names first; "… warrants that the Software is free of viruses and the
 * Customer shall delete …" gives the next clause a subject of its own.
 */
function warrantor(beforeModal: string, vendors: ReadonlySet<string>): Actor | undefined {
  const m = [...beforeModal.matchAll(WARRANTS_THAT)].pop();
  if (!m || COORDINATED_SUBJECT.test(beforeModal.slice(m.index + m[0].length))) return undefined;
  return actorOf(m[1] ?? "", vendors);
}
// A name starts where a token does: from every capital of "A-B-A-B-…" the pattern would be tried again (quadratic).
const WARRANTS_THAT = /(?<![\w&'’-])((?:the\s+)?[A-Z][\w&'’-]{0,40})\s+(?:hereby\s+)?(?:represents\s+and\s+)?(?:warrants|guarantees|covenants)\s+that\b/g;
const COORDINATED_SUBJECT = /\b(?:and|but|while|whereas)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s*$/i;

/**
 * "Customer (i) is responsible for its account; (ii) must prevent unauthorised
 * access and will notify the Provider …": enumerated predicates share the
 * subject named before "(i)", however far the modal is from it.
 */
function enumeratedSubject(text: string, before: string, vendors: ReadonlySet<string>): Actor {
  const own = actorOf(before, vendors);
  if (own !== "unknown") return own;
  const shared = /^\W*((?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?)\s+\((?:i|a|1)\)\s/i.exec(text);
  return shared ? actorOf(shared[1] ?? "", vendors) : own;
}

/**
 * "The Customer shall be informed by the Provider of …": in a passive the party
 * after "by" acts. "All affected customers will be notified within 72 hours":
 * in a passive of being told, with no agent, the customer is who is told, and
 * the one who tells is left unnamed.
 */
function passiveAgent(after: string, vendors: ReadonlySet<string>): Actor | null {
  // "shall be indemnified and held harmless by the Customer", "shall be notified to the Provider by the Customer".
  // "shall be kept confidential by the Supplier": irregular participles too; "by the Client's own staff": whose people, read whole.
  const m = /^\s*(?:be|been)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en)|kept|held|made|bound|paid|borne|done|sent|told)\b(?:\s+(?!by\b)[\w'’-]+){0,4}?\s+by\s+((?:the\s+)?\S+(?:\s+\S+){0,2})/i.exec(after);
  if (!m) return null;
  const actor = actorOf(m[1] ?? "", vendors);
  return actor === "unknown" ? null : actor;
}
/** Who is told is not the customer, or the notice is the customer's own: "the Customer's end users", "the Supplier's other customers". */
const CUSTOMERS_OWN =
  /\b(?:(?:customer|client|controller|licensee)['’]s|your|its\s+own|other\s+customers|(?:supplier|provider|vendor|processor|company)['’]s)\b/i;
const TOLD = /^\s*(?:promptly\s+|immediately\s+)?be\s+(?:\w+ly\s+)?(?:notified|informed|told|advised|alerted|contacted)\b/i;

/** "Data on termination: Customer Data deleted within 30 days of termination": a schedule's line, its verb left out. */
const DATA_GONE_BY_DEADLINE =
  /^(?:[\w ]{1,30}:\s*)?(?:all\s+)?(?:[\w-]+\s+){0,2}?data\s+(?:\w+ly\s+)?(?:deleted|destroyed|erased|purged|returned)\s+within\s+(?:\w+\s+){0,2}?(?:\(?\d+\)?\s+)?(?:hours?|days?|business days?|working days?|weeks?|months?)\b/i;
/** A table row whose first cell is a short label (a verbless name of at most five words). */
const LABEL_CELL = /^((?:(?!(?:shall|will|must|may)\b)[\w'’-]+\s+){0,4}(?!(?:shall|will|must|may)\b)[\w'’-]+)\s+\|\s+/;

/**
 * "… is securely deleted from active systems within 30 days": a present-tense
 * passive of a data action bounded by a deadline states a commitment; without a
 * deadline ("is deleted when no longer needed") it may only describe. Notices
 * are left out: in "Supervisory authorities are notified within 72 hours" the
 * subject is who is told, not what is done.
 */
const PASSIVE_WITH_DEADLINE =
  /\b(?:is|are)\s+(?:\w+ly\s+)?(?:deleted|destroyed|erased|purged|returned)\b(?![^.;]{0,80}?\bby\s+(?:the\s+)?(?:customer|client|controller|you)\b)[^.;]{0,80}?\bwithin\s+(?:\w+\s+){0,2}?(?:\(?\d+\)?\s+)?(?:hours?|days?|business days?|working days?|weeks?|months?)\b/i;

/** "… agrees to defend, indemnify and hold Mulerun harmless", "… shall reimburse the Provider": the vendor is who the verb protects. */
function vendorProtected(after: string, vendors: ReadonlySet<string>): boolean {
  const m = PROTECTING_VERB.exec(after.slice(0, 60));
  if (!m) return false;
  const protectedOne = after.slice(m.index + m[0].length).split(/[.;,]/)[0]!.slice(0, 60);
  if (NAMES_CUSTOMER.test(protectedOne)) return false;
  return namesVendor(protectedOne, vendors);
}

/** The vendor by its role or by a name the document gives it. */
function namesVendor(text: string, vendors: ReadonlySet<string>): boolean {
  return NAMES_VENDOR.test(text) || [...vendors].some((name) => new RegExp(String.raw`\b${escapeRegExp(name)}\b`).test(text));
}
const PROTECTING_VERB = /\b(?:indemnif(?:y|ies)|hold|reimburse|compensate)\b/i;

/** "The Customer shall be entitled to recover from the Supplier all costs …": the vendor pays. */
const RECOVER_FROM_VENDOR = new RegExp(String.raw`^[^.;]{0,40}?\b(?:recover|claim|be\s+(?:reimbursed|compensated|indemnified))\b[^.;]{0,20}?\bfrom\s+(?:the\s+)?` + VENDOR.source, "i");

/** "… require the Supplier to delete", "… request that the Processor shall return": the vendor, then its verb. */
function vendorActs(after: string, vendors: ReadonlySet<string>): boolean {
  if (VENDOR_THEN_VERB.test(after) || RECOVER_FROM_VENDOR.test(after)) return true;
  // "request that the Supplier notify it": the vendor as the subject of a that-clause.
  if (THAT_VENDOR.test(after)) return true;
  return [...vendors].some((name) => new RegExp(`\\b${escapeRegExp(name)}\\b${THEN_ITS_VERB}`).test(after));
}

/**
 * "The Processor ensures that its employees receive regular training", "The
 * Supplier guarantees that …": a party that assures something in the present
 * tense binds itself as "shall ensure" does (drafting translated from German
 * or French often reads so). Only a named party assures: in "Regular training
 * ensures that staff understand …" nobody is bound.
 */
const ASSURES = /\b(?:ensures?|guarantees?|warrants?|(?:hereby\s+)?confirms?)\s+(?:that\b|to\b)/i;

function partyAssures(text: string, vendors: ReadonlySet<string>): SentenceReading | null {
  const a = ASSURES.exec(text);
  if (!a) return null;
  const before = withoutAsides(ownClause(text.slice(0, a.index))).split(/\s+/).slice(-SUBJECT_WINDOW).join(" ");
  const actor = actorOf(before, vendors);
  if (actor === "unknown") return null;
  const negated = /\b(?:not|never|no longer)\s*$/i.test(before);
  return committed(actor, negated ? "prohibited" : "granted");
}

/**
 * "Vendor provides annual security awareness training to all employees", "We
 * conduct data protection training each year", "After the subscription ends
 * we delete all of your content": a party that, in the present tense, gives
 * or requires something of its own people, or deletes or returns what it
 * holds, or informs the customer, states what it does under the agreement, as
 * "shall provide" does; so does one that "entrusts only" staff bound to
 * confidentiality with the data, restricts or limits access, or carries or
 * maintains insurance ("We carry cyber insurance of at least £2 million"). The subject must be a party and come first, after at
 * most a clause of time: "Customer provides training to its own employees"
 * binds the customer, and a verb deep in a description binds nobody. "Offers"
 * is left out: training offered for sale is a product, not a duty.
 */
const PARTY_DOES = /^(?:(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?)\s+)?(?:(?:after|upon|on|when|once|following|within|at)\b[^.;]{0,100}?,?\s+)?((?:[^\s;:]+\s+){0,3}?[^\s;:]+)\s+(?:also\s+|regularly\s+|annually\s+|permanently\s+|securely\s+|promptly\s+|automatically\s+)?(?:only\s+(?:uses|employs|deploys|engages)|(?:uses|employs|deploys|engages)\s+only|provides?|conducts?|delivers?|gives?|runs?|trains?|requires?|organi[sz]es?|deletes?|erases?|destroys?|returns?|informs?|notifies|notify|reports?|entrusts?\s+only|restricts?|limits?|carr(?:y|ies)|maintains?|holds?)\b(?!\s+no\b)/i;

/**
 * "The Practice processes such data only for the Engagement, applies …
 * measures, and returns or deletes it on termination": the last of a series
 * of present-tense acts of one subject.
 */
const PARTY_DOES_LAST_IN_SERIES =
  /^(?:(?:\(?[a-z0-9]{1,4}[.)]|\d+(?:\.\d+)+\.?)\s+)?((?:[^\s;:,]+\s+){0,3}?[^\s;:,]+)\s+[a-z]+s\b[^.;]{0,160}?,\s+and\s+(?:also\s+)?(?:deletes?|erases?|destroys?|returns?)\b/i;

function partyDoes(text: string, vendors: ReadonlySet<string>): SentenceReading | null {
  // "Upon termination: (2) Deletion: After 30 days, Processor permanently deletes …": the item after its lead-in of time and its label.
  const afterLeadIn = END_LEAD_IN.exec(text.trim()) ?? SHORT_LEAD_IN.exec(text.trim());
  const item = afterLeadIn ? afterLeadIn[1]!.replace(ITEM_LABEL, "") : text.trim();
  const m = PARTY_DOES.exec(item) ?? PARTY_DOES_LAST_IN_SERIES.exec(item);
  if (!m) return null;
  const actor = actorOf(m[1] ?? "", vendors);
  if (actor === "unknown") return null;
  return committed(actor);
}

/**
 * "Upon termination of the agreement between the Company and the Client: (b)
 * The Company will return ...": the item names its own subject, so the parties
 * of the lead-in do not act in it.
 */
/** A run-in label before an item's text ("Deletion: "). */
const ITEM_LABEL = /^[A-Z][\w ]{1,30}:\s+/;
/** "This means: We notify you …", "In practice: …": a few words and a colon, then the act. */
const SHORT_LEAD_IN = /^(?![^:]*\b(?:excluded|not included|optional|chargeable|additional)\b)[^:]{1,40}:\s+(.*)$/is;
/**
 * A lead-in about the end of the contract, then an item: "… Upon termination of
 * Service: (2) …". A lead-in that excludes or sells what follows ("excluded
 * from the Services and available as chargeable services:") lends no duty.
 */
const END_LEAD_IN =
  /^(?![^:]*\b(?:excluded|not included|optional|chargeable|additional fees?)\b)[^:]*\b(?:upon|on|after|following|at the end of|within)\b[^:]*\b(?:termination|expiry|expiration|end)\b[^:]*:\s*\(?(?:[a-z]|[ivx]+|\d{1,2})\)\s+(.*)$/is;

function ownClause(before: string): string {
  let cut = -1;
  for (const m of before.matchAll(/(?:^|[\s:;])\(?(?:[a-z]|[ivx]+|\d{1,2})\)\s/gi)) cut = m.index + m[0].length;
  return cut >= 0 && /\w/.test(before.slice(cut)) ? before.slice(cut) : before;
}

/**
 * "The Customer or an auditor authorised by the Customer (however, not a
 * competitor of the Provider) is entitled to audit": a parenthetical aside in
 * the subject names no one who acts, so it is left out before the actor is read.
 */
function withoutAsides(before: string): string {
  let out = before;
  for (let prev = ""; prev !== out; ) {
    prev = out;
    out = out.replace(/\([^()]*\)/g, " ");
  }
  return out;
}

/** The last party named before the verb: "If Processor becomes aware ..., it shall" binds the Processor. */
function actorOf(subject: string, vendors: ReadonlySet<string>): Actor {
  // "The termination of the relationship between the Client and Dexilion will entail deletion": the parties named there qualify the subject.
  const window = subject.replace(BETWEEN_THE_PARTIES, " ");
  let best: { at: number; actor: Actor } | undefined;
  const consider = (re: RegExp, actor: Actor) => {
    for (const m of window.matchAll(re)) if (!best || m.index >= best.at) best = { at: m.index, actor };
  };
  consider(CUSTOMER, "customer");
  // "The Customer's employees shall …": the customer's people act for the customer.
  consider(CUSTOMER_PEOPLE, "customer");
  consider(VENDOR, "vendor");
  for (const name of vendors) consider(new RegExp(`\\b${escapeRegExp(name)}\\b`, "g"), "vendor");
  consider(MUTUAL, "mutual");
  if (best && bothPartiesTogether(window, vendors)) return "mutual";
  return best?.actor ?? "unknown";
}

const BETWEEN_THE_PARTIES = /\bbetween\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:and|&)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+)?/gi;

/** "Dojo4 and Client will each indemnify", "the Customer and the Supplier shall": the two parties as one subject. */
function bothPartiesTogether(window: string, vendors: ReadonlySet<string>): boolean {
  // Most subjects join no two words: skip building the patterns for them (this runs for every sentence read).
  if (!/\s(?:and|&)\s/i.test(window)) return false;
  const vendor = [VENDOR.source, ...[...vendors].map((n) => `\\b${escapeRegExp(n)}\\b`)].join("|");
  const customer = CUSTOMER.source;
  const pair = (a: string, b: string) => new RegExp(String.raw`(?:${a})\s+(?:and|&)\s+(?:the\s+)?(?:${b})\s*$`, "i");
  return pair(vendor, customer).test(window) || pair(customer, vendor).test(window);
}
