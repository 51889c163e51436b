// The names a contract gives the customer beside "you": terms of a platform
// made "available to you ("Supplier" or "you")", or a DPA "between you (the
// "Creator", "you" or "your") and …". Words such as "Supplier" or "Creator"
// would otherwise read as the vendor, or as nobody, so the sentence reader is
// given the text with those names as "Customer" when it reads who holds a
// duty or right. Quotes and scores are taken from the text as written. Pure: no I/O.
import { escapeRegExp } from "./escape-regexp";

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

/** Writes the customer's other names as "Customer" in a sentence, for reading who acts; the patterns are built once per document. */
export function customerNamer(aliases: readonly string[]): (text: string) => string {
  const patterns = aliases.map((alias) => new RegExp(String.raw`\b${escapeRegExp(alias)}\b`, "g"));
  return (text) => patterns.reduce((out, re) => out.replace(re, "Customer"), text);
}

/**
 * A name the document uses as a subject that acts on the vendor ("Northwind
 * shall notify the Supplier …", "the Authority may audit the Supplier …"):
 * where the other party is called by its role, the named one is the customer.
 */
export function customerNamesByUse(passages: readonly string[]): string[] {
  const uses = new Map<string, { all: number; onTheVendor: number }>();
  for (const text of passages) {
    for (const m of text.matchAll(NAME_THEN_MODAL)) {
      const name = m[1] as string;
      // "Affiliates shall", "Sub-processors will": plural nouns, not a party's name.
      if (ROLE_WORD.test(name) || NOT_A_NAME.has(name.toLowerCase()) || /[a-z]s$/.test(name)) continue;
      const u = uses.get(name) ?? { all: 0, onTheVendor: 0 };
      u.all += 1;
      if (VENDOR_BY_ROLE.test(text.slice(m.index + m[0].length).split(/[.;]/)[0] ?? "")) u.onTheVendor += 1;
      uses.set(name, u);
    }
  }
  return [...uses].filter(([, u]) => u.all >= 3 && u.onTheVendor * 2 >= u.all).map(([name]) => name);
}
const NAME_THEN_MODAL = /\b([A-Z][A-Za-z0-9&-]{1,30})\s+(?:shall|will|may|must)\b/g;
const ROLE_WORD = /^(?:supplier|provider|vendor|contractor|subcontractor|processor|sub-?processor|consultant|agency|customer|client|controller|licensee|licensor|party|parties|it|this|each|either|neither|nothing|the|we|you)$/i;
const NOT_A_NAME = new Set(["agreement", "service", "data", "notice", "section", "clause", "schedule", "order", "dpa", "baa", "company", "addendum"]);
/** The vendor by its role, not a sub-processor or subcontractor of it. */
const VENDOR_BY_ROLE = /\b(?<!sub-?)(?:supplier|provider|vendor|contractor|processor|consultant)['’]?s?\b/i;

/**
 * A buyer's contract written as "we": "Koala Energy Retail Pty Ltd (we, us or
 * Koala) … Sahyadri CX Services (you or Supplier)", or "Kestrel Retail Group
 * ("we", "us", "our") … a supplier of contact centre services (the
 * "Supplier")". There "we" is the customer, the reverse of a vendor's own
 * terms, so the sentence reader is given the pronouns by role and the buyer's
 * own name as "Customer". Undefined where no party list makes "you" or a
 * separately named party the supplier, or where "we" is itself the supplier.
 * "You" is read as the supplier only where the party list says so.
 */
export function buyerWritingAsWe(passages: readonly string[]): { customerNames: string[]; youSupply: boolean } | undefined {
  let youSupplies = false;
  let supplierNamed = false;
  let weNamed = false;
  let youBuy = false;
  const customerNames: string[] = [];
  for (const text of passages.slice(0, PREAMBLE_PASSAGES)) {
    if (SERVES_YOU.test(text)) continue;
    for (const g of text.matchAll(QUOTED_NAMES)) {
      const names = (g[1] ?? "").split(/,|\bor\b|\band\b/).map((n) => n.replace(/["“”'‘’*_]/g, "").trim()).filter(Boolean);
      const supplies = names.some((n) => SUPPLIER_ROLE.test(n));
      if (names.some((n) => YOU.test(n))) {
        if (supplies) youSupplies = true;
        if (names.some((n) => CUSTOMER_ROLE.test(n))) youBuy = true;
      }
      if (names.some((n) => WE.test(n))) {
        if (supplies) return undefined;
        weNamed = true;
        customerNames.push(...names.filter((n) => !WE.test(n) && /^[A-Z][\w&-]*$/.test(n)));
      } else if (supplies) supplierNamed = true;
    }
  }
  if (youSupplies) return { customerNames, youSupply: true };
  return weNamed && supplierNamed && !youBuy ? { customerNames, youSupply: false } : undefined;
}
const CUSTOMER_ROLE = /^(?:the\s+)?(?:customer|client|controller|licensee|subscriber|buyer|purchaser)$/i;
const SUPPLIER_ROLE = /^(?:the\s+)?(?:supplier|vendor|contractor|(?:service\s+)?provider|seller|consultant|agency|processor)$/i;

/** "we will notify you" read by role in a buyer's contract: "Customer will notify Supplier" ("you" only where it is the supplier). */
export function pronounsByRole(text: string, youSupply: boolean): string {
  const asCustomer = text.replace(/\b(?:we|us)\b/gi, "Customer").replace(/\bour\b/gi, "Customer's");
  return youSupply ? asCustomer.replace(/\byou\b/gi, "Supplier").replace(/\byour\b/gi, "Supplier's") : asCustomer;
}

/**
 * "… between Ticketry B.V., a private limited company … ("Ticketry"), and the
 * customer identified in the Order Form (the "Customer")": where a party list
 * quotes the customer by its role, the other party's short name, quoted after
 * its company name, is the vendor's. Plain-language DPAs state every duty in the
 * present tense ("Ticketry notifies the Customer within 48 hours"), so the name
 * never shows up with a modal for the sentence reader to learn it from.
 */
export function vendorNamesInPartyList(passages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const { text, groups } of partyLists(passages)) {
    if (!groups.some((g) => g.names.some((n) => CUSTOMER_ROLE.test(n)))) continue;
    for (const { at, names } of groups) {
      if (names.some((n) => CUSTOMER_ROLE.test(n) || YOU.test(n) || WE.test(n))) continue;
      const before = text.slice(Math.max(0, at - 200), at);
      for (const n of names) if (isShortName(n) && companyNamed(before, n)) out.add(n);
    }
  }
  return [...out];
}
/**
 * "Between North Tyneside Hospitals NHS Foundation Trust (the "Authority") and
 * Medibyte Solutions Ltd … (the "Contractor")": where a party list quotes the
 * vendor by its role, the other party's quoted name is the customer's, so
 * "The Authority's total liability … shall not exceed" caps the customer's.
 */
export function customerNamesInPartyList(passages: readonly string[]): string[] {
  const out = new Set<string>();
  for (const { groups } of partyLists(passages)) {
    // A party list that names the customer by its role, or "you" and "we", is read elsewhere.
    if (groups.some((g) => g.names.some((n) => CUSTOMER_ROLE.test(n) || YOU.test(n) || WE.test(n)))) continue;
    // "Polar Software, Inc. ("Polar") and its customer ("Provider")": a role word given to the customer names no vendor.
    const vendorNamed = groups.some((g) => g.names.some((n) => SUPPLIER_ROLE.test(n)) && !CUSTOMER_DESCRIBED.test(g.before));
    if (!vendorNamed) continue;
    for (const { names } of groups) {
      if (names.some((n) => SUPPLIER_ROLE.test(n))) continue;
      for (const n of names) if (isShortName(n) && !NOT_A_NAME.has(n.toLowerCase()) && !DOCUMENT_WORD.test(n)) out.add(n);
    }
  }
  return [...out];
}
const CUSTOMER_DESCRIBED = /\b(?:customer|client|subscriber|licensee|controller|buyer|purchaser)s?\b/i;
/** Quoted names of the document and its parts, not of a party: ("Agreement"), ("DPA"), ("Effective Date"). */
const DOCUMENT_WORD = /^(?:agreement|contract|dpa|addendum|schedule|annex|services?|terms|order|sow|msa|baa|gtcs?|effective|commencement|term|charges|fees|platform|software|deliverables?|data|policy|framework|call-off)$/i;

const PARTY_LIST = /\b(?:between|by and among|entered into by)\b/i;

/**
 * The preamble's party lists, each with its parentheses of quoted names: where
 * a group stands, and the words since the group before it (the party it names,
 * "and Medibyte Solutions Ltd, a company incorporated …").
 */
function* partyLists(passages: readonly string[]): Generator<{ text: string; groups: { at: number; before: string; names: string[] }[] }> {
  for (const text of passages.slice(0, PREAMBLE_PASSAGES)) {
    if (!PARTY_LIST.test(text)) continue;
    const groups = [...text.matchAll(QUOTED_NAMES)].map((g, i, all) => {
      const previous = all[i - 1];
      const from = previous ? (previous.index ?? 0) + previous[0].length : 0;
      return { at: g.index ?? 0, before: text.slice(from, g.index), names: quotedNames(g[1] ?? "") };
    });
    yield { text, groups };
  }
}
/** "Ticketry", "Authority": one capitalised word that is no role word ("Supplier", "Customer"). */
function isShortName(name: string): boolean {
  return /^[A-Z][\w&-]{1,30}$/.test(name) && !ROLE_WORD.test(name);
}
/** "Ticketry B.V.", "Acme Cloud, Inc.": the name opens a company name with its legal form. */
const COMPANY_FORM = String.raw`(?:\s+[A-Z][\w&.-]*){0,3},?\s+(?:B\.?V\.?|N\.?V\.?|GmbH|AG|SA|S\.A\.|SAS|SARL|S\.r\.l\.|Ltd\.?|Limited|LLC|L\.L\.C\.|LLP|Inc\.?|Corp\.?|Corporation|plc|PLC|Pty|AS|ASA|AB|Oy|ApS|A\/S|Sp\. z o\.o\.|KG|UG|OÜ)(?![\w])`;
function companyNamed(before: string, name: string): boolean {
  return new RegExp(String.raw`\b${escapeRegExp(name)}${COMPANY_FORM}`).test(before);
}
function quotedNames(group: string): string[] {
  return [...group.matchAll(/["“]([^"“”]{1,40})["”]/g)].map((m) => (m[1] as string).replace(/[*_]/g, "").trim());
}
