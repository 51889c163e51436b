import { sccSuggestion } from "@/lib/domain/legal/scc-detection";
import type { ContractAnalysisData } from "@/lib/schemas/contract-analysis";

/**
 * The SCCs the clause finder found in the contract, as a suggestion for the
 * transfer matrix: nothing is recorded until legal records it on a transfer
 * (docs/rules.md §5).
 */
export function SccSuggestion({ sccs }: { sccs: NonNullable<ContractAnalysisData["sccs"]> }) {
  return (
    <aside className="alert alert-ok" role="note" aria-label="Standard contractual clauses">
      <p>
        <strong>Suggestion for the transfer matrix.</strong> {sccSuggestion(sccs)}
      </p>
      <blockquote className="muted">{sccs.evidence}</blockquote>
    </aside>
  );
}
