// Standard Contractual Clauses found in a contract's text, proposed for the
// transfer matrix as a suggestion (docs/rules.md §5, transfers): which set
// (the 2021 clauses of Commission Implementing Decision (EU) 2021/914, or the
// repealed 2001/2004/2010 sets), the module(s) named, whether the Clause 7
// docking clause is there, and whether the UK Addendum is attached.
//
// A bare mention of "standard contractual clauses" is not enough: a DPA that
// says the processor signs SCCs with its own sub-processors, or promises to
// "rely on" unspecified clauses, incorporates none. Only text that names the
// decision, a module or the legacy Directive 95/46 wording counts.
// Pure: no I/O.
import { SCC_MODULES, type SccModule } from "./legal-vocabulary";

export type SccSet = "2021" | "legacy";

export interface SccDetection {
  set: SccSet;
  /** Modules named in the text, ascending (2021 set only; empty when none is named). */
  modules: SccModule[];
  /** The text contains Clause 7, the optional docking clause, and does not switch it off. */
  dockingClause: boolean;
  /** The UK International Data Transfer Addendum is attached or incorporated. */
  ukAddendum: boolean;
  /** The passage that names the clauses, whitespace collapsed, at most 300 characters. */
  evidence: string;
}

const SCC_PHRASE = /standard\s+contractual\s+clauses|\bSCCs\b/i;
// Implementing Decision (EU) 2021/914 of 4 June 2021, however a drafter cites it.
const DECISION_2021 = /2021\s*\/\s*914|implementing\s+decision\s+(?:\(EU\)\s+)?of\s+(?:4(?:th)?\s+june|june\s+4(?:th)?),?\s+2021/i;
// The sets 2021/914 repealed: 2001/497/EC, 2004/915/EC, 2010/87/EU, all made under Directive 95/46/EC.
const DECISION_LEGACY = /2010\s*\/\s*87|2004\s*\/\s*915|2001\s*\/\s*497|2002\s*\/\s*16|article\s+26\s*\(\s*[24]\s*\)\s+of\s+directive\s+95\s*\/\s*46/i;
const NUMBER_WORDS: Record<string, SccModule> = { one: 1, two: 2, three: 3, four: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
// "Module Two", "MODULE 2", "Modules Two and Three", "Modules 2 and/or 3".
const MODULES = /\bmodules?\s+((?:one|two|three|four|[1-4])\b(?:\s*(?:,|and\/or|and|or|&)\s*(?:one|two|three|four|[1-4])\b)*)/gi;
const DOCKING = /docking\s+clause/gi;
// "In Clause 7, the optional docking clause will not apply", "Clause 7 (Docking clause) is deleted".
const SWITCHED_OFF = /\b(?:(?:shall|will|does|do)\s+not\s+apply|not\s+(?:applicable|used|included|incorporated)|(?:is|are|shall\s+be)\s+(?:deleted|omitted|removed|excluded)|does\s+not\s+form\s+part)\b/i;

/** The docking clause is named and not switched off: one mention that keeps it is enough. */
function hasDockingClause(text: string): boolean {
  return [...text.matchAll(DOCKING)].some((m) => !SWITCHED_OFF.test(sentenceAround(text, m.index)));
}

function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf(".", at), text.lastIndexOf(";", at), text.lastIndexOf("\n", at)) + 1;
  const ends = [".", ";", "\n"].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : text.length);
}
const UK_ADDENDUM = /international\s+data\s+transfer\s+addendum/i;

export function detectSccs(text: string): SccDetection | null {
  if (!SCC_PHRASE.test(text)) return null;
  const decision2021 = DECISION_2021.exec(text);
  const modules = namedModules(text);
  const legacy = DECISION_LEGACY.exec(text);
  // Modules exist only in the 2021 set; a module named next to the SCCs means that set.
  const anchor = decision2021 ?? (modules.length > 0 ? firstModule(text) : null);
  if (anchor) {
    return { set: "2021", modules, dockingClause: hasDockingClause(text), ukAddendum: UK_ADDENDUM.test(text), evidence: excerpt(text, anchor.index) };
  }
  if (legacy) return { set: "legacy", modules: [], dockingClause: false, ukAddendum: UK_ADDENDUM.test(text), evidence: excerpt(text, legacy.index) };
  return null;
}

function namedModules(text: string): SccModule[] {
  const found = new Set<SccModule>();
  for (const m of text.matchAll(MODULES)) {
    for (const word of m[1]!.toLowerCase().split(/[^a-z0-9]+/)) {
      const named = NUMBER_WORDS[word];
      if (named) found.add(named);
    }
  }
  return SCC_MODULES.filter((m) => found.has(m));
}

function firstModule(text: string): RegExpExecArray | null {
  MODULES.lastIndex = 0;
  const m = MODULES.exec(text);
  MODULES.lastIndex = 0;
  return m;
}

/** The line around the citation, at most about 150 characters either side, cut between words. */
function excerpt(text: string, at: number): string {
  const lineStart = text.lastIndexOf("\n", at) + 1;
  const lineEnd = text.indexOf("\n", at) === -1 ? text.length : text.indexOf("\n", at);
  let start = Math.max(lineStart, at - 150);
  if (start > lineStart) start = text.indexOf(" ", start) + 1 || at;
  let end = Math.min(lineEnd, at + 150);
  if (end < lineEnd) end = Math.max(text.lastIndexOf(" ", end), at);
  const passage = text.slice(start, end).replace(/\s+/g, " ").trim();
  return `${start > lineStart ? "… " : ""}${passage}${end < lineEnd ? " …" : ""}`;
}

const MODULE_WORDS: Record<SccModule, string> = { 1: "one", 2: "two", 3: "three", 4: "four" };

/** The suggestion the clause-finder review shows, in words legal reads. */
export function sccSuggestion(d: SccDetection): string {
  if (d.set === "legacy") {
    return "This contract incorporates the pre-2021 SCCs (Directive 95/46/EC era), which Implementing Decision (EU) 2021/914 repealed: transfers may no longer rely on them. Ask for the 2021 SCCs before recording SCCs on a transfer.";
  }
  const modules =
    d.modules.length === 0
      ? "no module named"
      : `${d.modules.length === 1 ? "module" : "modules"} ${d.modules.map((m) => MODULE_WORDS[m]).join(d.modules.length === 2 ? " and " : ", ")}`;
  const extras = [d.dockingClause ? "with the docking clause" : null, d.ukAddendum ? "with the UK Addendum" : null].filter(Boolean).join(", ");
  return `This contract incorporates the 2021 SCCs (Implementing Decision (EU) 2021/914), ${modules}${extras ? `, ${extras}` : ""}; record it on the transfers that rely on it.`;
}
