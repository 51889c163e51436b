// What accepting a clause-finder proposal writes into the checklist: a found
// clause becomes "present" with the citation of its best passage and the
// extracted value; a clause not found becomes "missing". Deviation is then
// computed from the row like for any other (clause-deviation.ts). Pure.
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import type { ClauseProposal } from "./clause-finder";

type Proposal = Pick<ClauseProposal, "clauseCode" | "found" | "passages" | "value" | "hints">;

/** Citation sections are short labels (max 80 characters in the schema); headings can be longer. */
const MAX_SECTION = 80;
/** The reviewer note's limit in the schema. */
const MAX_NOTE = 4000;
const OTHER_DEADLINE = "other_deadline";

/**
 * A suggestion "Accept all" leaves for one-by-one review: one whose contract
 * states the duty twice with different deadlines, where someone must read
 * which one governs.
 */
export function leftForOneByOne(proposal: Pick<Proposal, "hints">): boolean {
  return proposal.hints.some((h) => h.code === OTHER_DEADLINE);
}

export function clauseRowFromProposal(proposal: Proposal, contractId: string, keep: Pick<ClauseReviewRow, "reviewerNote"> = {}): ClauseReviewRow {
  // "The contract also states seven (7) days for this duty": the checklist keeps saying so after the suggestion is gone.
  const notes = [keep.reviewerNote, ...proposal.hints.filter((h) => h.code === OTHER_DEADLINE).map((h) => h.label)].filter((n): n is string => Boolean(n));
  const reviewerNote = [...new Set(notes)].join(" ").slice(0, MAX_NOTE);
  const base = { clauseCode: proposal.clauseCode, ...(reviewerNote ? { reviewerNote } : {}) };
  if (!proposal.found) return { ...base, presence: "missing" };
  const best = proposal.passages[0];
  const section = best?.section ? (best.section.length > MAX_SECTION ? `${best.section.slice(0, MAX_SECTION - 1)}…` : best.section) : undefined;
  const row: ClauseReviewRow = {
    ...base,
    presence: "present",
    citation: { contractId, ...(section ? { section } : {}), ...(best?.page ? { page: best.page } : {}) },
  };
  const v = proposal.value;
  if (v?.kind === "hours") row.hours = v.hours;
  if (v?.kind === "days") row.days = v.days;
  if (v?.kind === "months") row.months = v.months;
  if (v?.kind === "money") Object.assign(row, { amountMinor: v.amountMinor, currency: v.currency });
  // The finder's "reports only" hint is the weaker audit right (docs/rules.md §4); say so rather than let it pass.
  if (proposal.hints.some((h) => h.code === "reports_only")) row.auditScope = "reports_only";
  return row;
}

/**
 * Why accepting this proposal must not write the checklist row, or undefined
 * when it may. Accepting is the quick path; it never silently weakens or
 * drops what the checklist holds:
 * - a clause incorporated by reference is in another document: recording it
 *   as missing would raise a finding for a clause the vendor has;
 * - a row another contract cites as present (an MSA's 72-hour notice) stays
 *   until someone records, with Edit, which contract's term governs;
 *   replacing it would take the other contract's term out of the findings.
 */
export function keepsTheChecklistRow(proposal: Pick<ClauseProposal, "title" | "byReference">, existing: ClauseReviewRow | undefined, contractId: string): string | undefined {
  if (proposal.byReference) {
    return `${proposal.title} is incorporated by reference from another document, so this file neither gives nor lacks it. Record it from that document, or use Edit.`;
  }
  if (existing?.presence === "present" && existing.citation && existing.citation.contractId !== contractId) {
    return `The checklist records ${proposal.title} from another contract. Accepting would replace that contract's term with this file's; use Edit to record the term that governs.`;
  }
  return undefined;
}
