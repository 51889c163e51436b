import { AUDIT_SCOPE_LABELS, CONTRACT_TYPE_LABELS, type ContractType } from "@/lib/domain/legal/legal-vocabulary";
import { formatMoney } from "@/lib/domain/money";
import { countryName } from "@/lib/domain/reference/countries";
import type { ClauseReviewRow } from "@/lib/schemas/legal";

// Words for legal values, shared by the Legal tab, the review screen and the queue.

export function contractLabel(c: { type: string; title?: string }): string {
  return c.title ?? CONTRACT_TYPE_LABELS[c.type as ContractType] ?? c.type;
}

/** "Philippines (PH)". */
export function countryLabel(code: string): string {
  const name = countryName(code);
  return name && name !== code ? `${name} (${code})` : code;
}

/** The structured value of a clause row in words, or undefined when it has none. */
export function clauseValueText(row: Pick<ClauseReviewRow, "hours" | "days" | "months" | "amountMinor" | "currency" | "auditScope">): string | undefined {
  const parts: string[] = [];
  if (row.hours !== undefined) parts.push(`within ${row.hours} h`);
  if (row.days !== undefined) parts.push(`${row.days} days' notice`);
  if (row.months !== undefined) parts.push(`every ${row.months} month${row.months === 1 ? "" : "s"}`);
  if (row.amountMinor !== undefined) parts.push(formatMoney(row.amountMinor, row.currency ?? "USD"));
  if (row.auditScope) parts.push(AUDIT_SCOPE_LABELS[row.auditScope]);
  return parts.length > 0 ? parts.join("; ") : undefined;
}

export function citationText(citation: { section?: string; page?: number } | undefined): string {
  if (!citation) return "";
  return [citation.section, citation.page ? `p. ${citation.page}` : undefined].filter(Boolean).join(", ");
}
