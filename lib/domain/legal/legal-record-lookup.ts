/**
 * Finds the stored record behind a row of the Legal tab. Clause, DPA and
 * transfer rows are keyed by what they describe (clause code, the one DPA,
 * destination country) rather than by id, so the lookup differs per kind.
 * Pure, so the Legal tab's components and the server's pages share it.
 */
export interface LegalRecordRef {
  id: string;
  kind: string;
  data: Record<string, unknown>;
}

export function legalRecordOf<R extends LegalRecordRef>(review: { records: readonly R[] }, kind: R["kind"], key?: string): R | undefined {
  return review.records.find((r) => {
    if (r.kind !== kind) return false;
    if (kind === "clause") return r.data.clauseCode === key;
    if (kind === "transfer") return r.data.country === key;
    if (kind === "dpa") return true;
    return r.id === key;
  });
}
