// The clause finder as the server runs it: the document is read once, then
// each catalogue clause is proposed in turns of a few thousand passages, so
// other requests are answered in between instead of waiting for the whole
// contract (a thousand-page contract holds the thread for seconds in one go).
// Same proposals as findClauses, in the same order.
import { setImmediate as nextTurn } from "node:timers/promises";
import type { ClauseCatalogue } from "@/lib/domain/legal/clause-catalogue";
import { type ClauseProposal, prepareClauseFinder } from "@/lib/domain/legal/clause-finder";
import type { ContractTextInput } from "@/lib/domain/legal/contract-passages";
import type { CalibrationTable } from "@/lib/domain/legal/finder-calibration";

export async function findClausesInTurns(document: ContractTextInput, catalogue?: ClauseCatalogue, calibration?: CalibrationTable): Promise<ClauseProposal[]> {
  await nextTurn();
  const finder = prepareClauseFinder(document, catalogue, calibration);
  const proposals: ClauseProposal[] = [];
  for (const clause of finder.clauses) {
    const steps = finder.propose(clause);
    for (;;) {
      await nextTurn();
      const step = steps.next();
      if (step.done) {
        proposals.push(step.value);
        break;
      }
    }
  }
  return proposals;
}
