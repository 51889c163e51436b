import { CLAUSE_CATALOGUE, catalogueEntry } from "@/lib/domain/legal/clause-catalogue";
import { type LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import type { Tx } from "../db";
import { AppError } from "../errors";
import { recordSignOffOutdated } from "../webhooks/portfolio-events";

// The legal-only rules of the generic record service (dossier-records.ts):
// one row per clause, country and vendor; citations that resolve; contracts
// that stay while something cites them; and the revision that outdates a
// legal sign-off.

/**
 * Every legal change moves the vendor's legal revision on, in the same
 * transaction, so a sign-off taken at an older revision shows as outdated.
 * It is the first write of the transaction on purpose: on PostgreSQL the row
 * lock it takes serialises concurrent legal edits of one vendor, which makes
 * the checks that follow race-free (SQLite has one writer anyway).
 */
export async function bumpLegalRevision(tx: Tx, vendorId: string): Promise<number> {
  const vendor = await tx.vendor.update({ where: { id: vendorId }, data: { legalRevision: { increment: 1 } }, select: { legalRevision: true } });
  await recordSignOffOutdated(tx, vendorId, vendor.legalRevision);
  return vendor.legalRevision;
}

/** Legal rules beyond "one per …", which the record service checks for every kind (record-uniqueness.ts). */
export async function assertLegalRecordAllowed(tx: Tx, vendorId: string, kind: LegalRecordKindKey, data: Record<string, unknown>) {
  if (kind === "clause" && !catalogueEntry(CLAUSE_CATALOGUE, String(data.clauseCode))) {
    throw new AppError("VALIDATION", "Unknown clause.", { clauseCode: "This clause is not in the clause catalogue" });
  }
  const citation = data.citation as { contractId?: unknown } | undefined;
  if (kind === "clause" && citation?.contractId !== undefined) {
    await assertContractOfVendor(tx, vendorId, String(citation.contractId), "citation.contractId");
  }
  if (kind === "dpa" && typeof data.contractId === "string") {
    await assertContractOfVendor(tx, vendorId, data.contractId, "contractId");
  }
}

/** A citation (clause row, DPA, clause finder run) must name a contract recorded for the same vendor. */
export async function assertContractOfVendor(tx: Tx, vendorId: string, contractId: string, field: string, message = "Check the highlighted field.") {
  const contract = await tx.contract.findFirst({ where: { id: contractId, vendorId }, select: { id: true } });
  if (!contract) throw new AppError("VALIDATION", message, { [field]: "Choose a contract recorded for this vendor" });
}

/** A contract cited by a clause row or the DPA cannot go: the citation would point nowhere. */
export async function assertContractNotCited(tx: Tx, vendorId: string, contractId: string) {
  // The foreign keys refuse the delete anyway; this says which citations stand in the way.
  const clauses = await tx.clauseReview.findMany({ where: { vendorId, citationContractId: contractId }, select: { clauseCode: true }, orderBy: { clauseCode: "asc" } });
  const dpa = await tx.dpaStatus.findFirst({ where: { vendorId, contractId }, select: { id: true } });
  if (clauses.length === 0 && !dpa) return;
  const what = [...clauses.map((c) => catalogueEntry(CLAUSE_CATALOGUE, c.clauseCode)?.title ?? "a clause"), ...(dpa ? ["the DPA status"] : [])];
  throw new AppError("INVALID_STATE", `This contract is cited by ${what.join(", ")}. Change those citations first, then delete the contract.`);
}
