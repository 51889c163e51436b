"use server";

import type { DossierRecordDeleteInput, DossierRecordSaveInput } from "@/lib/server/services/dossier-records";
import type { legalSignOffInputSchema } from "@/lib/schemas/legal-review";
import type { acceptAllProposalsInputSchema, clauseDecisionInputSchema, runClauseFinderInputSchema } from "@/lib/schemas/contract-analysis";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { isLegalRecordKind } from "@/lib/schemas/dossier-record-kinds";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth";
import { AppError } from "@/lib/server/errors";
import { acceptAllProposals, decideClauseProposal, runClauseFinder } from "@/lib/server/services/clause-finder";
import { deleteDossierRecord, saveDossierRecord } from "@/lib/server/services/dossier-records";
import { signOffLegalReview } from "@/lib/server/services/legal-signoff";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

// Thin entry points for the Legal tab, the clause finder review and the
// sign-off. The services check legal.manage / legal.signoff, validate with
// the shared schemas, lock, audit and move the legal revision; these only
// find the actor and refresh the pages that show legal state.

function refreshLegalPages() {
  revalidatePath("/vendors", "layout");
  revalidatePath("/legal");
}

/** Only legal kinds go through here; the generic dossier action serves the others. */
function assertLegalKind(input: unknown) {
  const kind = z.object({ kind: z.string() }).safeParse(input);
  if (!kind.success || !isLegalRecordKind(kind.data.kind)) throw new AppError("VALIDATION", "Unknown legal record kind.");
}

/** input: { vendorId, kind: contract|clause|dpa|transfer|subprocessor, id?, version?, data } */
export async function saveLegalRecordAction(input: DossierRecordSaveInput) {
  return runAction(async () => {
    const actor = await requireActor();
    assertLegalKind(input);
    const saved = await saveDossierRecord({ actor, input });
    refreshLegalPages();
    return saved;
  });
}

/** input: { vendorId, kind, id, version } */
export async function deleteLegalRecordAction(input: DossierRecordDeleteInput) {
  return runAction(async () => {
    const actor = await requireActor();
    assertLegalKind(input);
    const deleted = await deleteDossierRecord({ actor, input });
    refreshLegalPages();
    return deleted;
  });
}

/** input: { vendorId, comment, legalRevision } */
export async function signOffLegalReviewAction(input: z.input<typeof legalSignOffInputSchema>) {
  return runAction(async () => {
    const signed = await signOffLegalReview({ actor: await requireActor(), input });
    refreshLegalPages();
    return signed;
  });
}

/** input: { vendorId, documentId } */
export async function runClauseFinderAction(input: z.input<typeof runClauseFinderInputSchema>) {
  return runAction(async () => {
    const result = await runClauseFinder({ actor: await requireActor(), input, store: evidenceStore() });
    refreshLegalPages();
    return result;
  });
}

/** input: { decision: accept|edit|reject, analysisId, clauseCode, expected, clauseRecord?, contractId? | row? } */
export async function decideClauseProposalAction(input: z.input<typeof clauseDecisionInputSchema>) {
  return runAction(async () => {
    const result = await decideClauseProposal({ actor: await requireActor(), input });
    refreshLegalPages();
    return result;
  });
}

/** input: { analysisId, contractId, analysisVersion, checklistVersions } */
export async function acceptAllProposalsAction(input: z.input<typeof acceptAllProposalsInputSchema>) {
  return runAction(async () => {
    const result = await acceptAllProposals({ actor: await requireActor(), input });
    refreshLegalPages();
    return result;
  });
}
