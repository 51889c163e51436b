// What accepting a clause-finder proposal writes into the checklist: a found
// clause becomes "present" with the citation of its best passage and the
// extracted value; a clause not found becomes "missing". Deviation is then
// computed from the row like for any other (clause-deviation.ts). Pure.
import type { ClauseReviewRow } from "@/lib/schemas/legal";
import type { ClauseProposal } from "./clause-finder";

type Proposal = Pick<ClauseProposal, "clauseCode" | "found" | "passages" | "value" | "hints">;

/** Citation sections are short labels (max 80 characters in the schema); headings can be longer. */
const MAX_SECTION = 80;

export function clauseRowFromProposal(proposal: Proposal, contractId: string, keep: Pick<ClauseReviewRow, "reviewerNote"> = {}): ClauseReviewRow {
  const base = { clauseCode: proposal.clauseCode, ...(keep.reviewerNote ? { reviewerNote: keep.reviewerNote } : {}) };
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
