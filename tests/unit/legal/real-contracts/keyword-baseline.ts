// The simple baseline the clause finder is compared with: the catalogue's own
// core keyword patterns, matched sentence by sentence on the file as published,
// with nothing else (no markup parsing, no structure or lead-ins, no reading of
// who is bound or whether the right is excluded, no negative signals, no
// headings). It shows what the finder's reading adds to its vocabulary.
// Test tooling only.
import { type ClauseCatalogue, CLAUSE_CATALOGUE, compileCatalogue } from "@/lib/domain/legal/clause-catalogue";
import type { ClauseProposal } from "@/lib/domain/legal/clause-finder";

export type PresenceProposal = Pick<ClauseProposal, "clauseCode" | "found" | "byReference" | "value">;

export function keywordProposals(text: string, catalogue: ClauseCatalogue = CLAUSE_CATALOGUE): PresenceProposal[] {
  const sentences = text.split(/(?<=[.!?;:])\s+|\n\s*\n/);
  return compileCatalogue(catalogue).clauses.map((clause) => ({
    clauseCode: clause.entry.code,
    found: clause.signals.some((signal) => signal.core && sentences.some((s) => signal.all.every((re) => re.test(s)))),
  }));
}
