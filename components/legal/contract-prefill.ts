import type { ContractFacts } from "@/lib/domain/legal/contract-facts";
import type { ContractInput } from "@/lib/schemas/legal";

/**
 * The new-contract form for an uploaded file: what the clause finder read in
 * it (title, type, effective date, governing law) as starting values the
 * reviewer checks before saving; the rest are the form's usual defaults.
 */
export function contractPrefill(facts: ContractFacts | undefined, evidenceId: string): ContractInput {
  return {
    type: facts?.type ?? "msa",
    status: "draft",
    renewal: "auto",
    evidenceId,
    ...(facts?.title ? { title: facts.title } : {}),
    ...(facts?.effectiveDate ? { effectiveDate: facts.effectiveDate } : {}),
    ...(facts?.governingLaw ? { governingLaw: facts.governingLaw } : {}),
  };
}

/** "Read from hosting-terms.md: parties Acme Ltd and Northwind plc. Check each field before saving." */
export function prefillNote(fileName: string, facts: ContractFacts): string {
  const parties = facts.parties && facts.parties.length > 0 ? `; it names the parties ${facts.parties.join(" and ")}` : "";
  return `Filled in from what the clause finder read in ${fileName}${parties}. Check each field before saving.`;
}
