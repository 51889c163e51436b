// The one projection of the clause review (docs/rules.md §4): one row per
// catalogue clause with its computed status, why it deviates, its value and
// where the contract says it. The Legal tab's checklist, the PDF and the audit
// pack all read these rows, so the three can never disagree.
import type { ClauseReviewRow, LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import { formatHours } from "../durations";
import { formatMoney } from "../money";
import { CLAUSE_CATALOGUE, type ClauseCatalogueEntry } from "./clause-catalogue";
import { computeClauseStatus, type DeviationCheck } from "./clause-deviation";
import type { LegalContext } from "./legal-findings";
import { AUDIT_SCOPE_LABELS, CLAUSE_STATUS_LABELS, CONTRACT_TYPE_LABELS, type ClauseStatus, type ContractType } from "./legal-vocabulary";

type Contract = LegalDossier["contracts"][number];

export interface ClauseReviewView {
  clause: ClauseCatalogueEntry;
  /** The reviewer's record; absent when the clause is not reviewed yet. */
  row?: ClauseReviewRow;
  /** Computed, never typed. A clause not reviewed counts as missing (an empty review is never a pass). */
  status: ClauseStatus;
  reviewed: boolean;
  /** "Deviating: notification within 72 hours exceeds …", "Not reviewed (counts as missing)". */
  statusLabel: string;
  reason?: string;
  checks: DeviationCheck[];
  /** The structured value in words, only for a clause recorded as present. */
  valueText?: string;
  contract?: Contract;
  /** "MSA 2024, Section 7.4, p. 12". */
  citationLabel?: string;
}

export function clauseReviewRows(legal: Pick<LegalDossier, "clauseReviews" | "contracts">, context: LegalContext, settings: Settings): ClauseReviewView[] {
  const contracts = new Map(legal.contracts.map((c) => [c.id, c]));
  return CLAUSE_CATALOGUE.clauses.map((clause) => {
    const row = legal.clauseReviews.find((r) => r.clauseCode === clause.code);
    if (!row) return { clause, status: "missing", reviewed: false, statusLabel: "Not reviewed (counts as missing)", checks: [] };
    const result = computeClauseStatus(row, { ...context, clause }, settings);
    const contract = row.citation ? contracts.get(row.citation.contractId) : undefined;
    return {
      clause,
      row,
      status: result.status,
      reviewed: true,
      statusLabel: CLAUSE_STATUS_LABELS[result.status] + (result.reason ? `: ${result.reason}` : ""),
      reason: result.reason,
      checks: result.checks,
      valueText: row.presence === "present" ? clauseValueText(row) : undefined,
      contract,
      citationLabel: row.citation
        ? [contract ? contractLabel(contract) : "Contract", citationText(row.citation)].filter(Boolean).join(", ")
        : undefined,
    };
  });
}

export function contractLabel(c: { type: string; title?: string }): string {
  return c.title ?? CONTRACT_TYPE_LABELS[c.type as ContractType] ?? c.type;
}

/** "Section 7.4, p. 12": the section as the contract names it. */
export function citationText(citation: { section?: string; page?: number } | undefined): string {
  if (!citation) return "";
  return [citation.section, citation.page ? `p. ${citation.page}` : undefined].filter(Boolean).join(", ");
}

/** The structured value of a clause row in words, or undefined when it has none. */
export function clauseValueText(row: Pick<ClauseReviewRow, "hours" | "days" | "months" | "amountMinor" | "currency" | "auditScope">): string | undefined {
  const parts: string[] = [];
  if (row.hours !== undefined) parts.push(`within ${formatHours(row.hours)}`);
  if (row.days !== undefined) parts.push(`${row.days} days' notice`);
  if (row.months !== undefined) parts.push(`every ${row.months} month${row.months === 1 ? "" : "s"}`);
  if (row.amountMinor !== undefined) parts.push(formatMoney(row.amountMinor, row.currency ?? "USD"));
  if (row.auditScope) parts.push(AUDIT_SCOPE_LABELS[row.auditScope]);
  return parts.length > 0 ? parts.join("; ") : undefined;
}
