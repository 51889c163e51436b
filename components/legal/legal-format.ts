import { countryName } from "@/lib/domain/reference/countries";

// Words for legal values, shared by the Legal tab, the review screen and the queue.
// Clause words come from the clause review projection (lib/domain/legal/clause-review.ts).
export { citationText, clauseValueText, contractLabel } from "@/lib/domain/legal/clause-review";

/** "Philippines (PH)". */
export function countryLabel(code: string): string {
  const name = countryName(code);
  return name && name !== code ? `${name} (${code})` : code;
}
