import { readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { runClauseFinder } from "@/lib/server/services/clause-finder";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import type { CaseContext, CaseTable } from "./types";

// Legal review: records, sign-off and the clause finder.

const CONTRACT_TEXT = readFileSync(path.resolve(__dirname, "../../../fixtures/contracts/05-sow-chat-cebu.txt"));

/** A fresh vendor with a plain-text contract uploaded as evidence, recorded as a signed MSA, and one clause-finder run. */
async function analysedContract(ctx: CaseContext) {
  const vendor = await ctx.freshVendor();
  const { document } = await uploadEvidence({
    actor: ctx.actors.legal,
    input: { vendorId: vendor.id, kind: "contract", effectiveDate: "2025-01-01", title: "Statement of work" },
    stream: Readable.from([CONTRACT_TEXT]),
    declaredName: "sow.txt",
    store: evidenceStore(),
  });
  const contract = await saveDossierRecord({
    actor: ctx.actors.legal,
    input: { vendorId: vendor.id, kind: "contract", data: { type: "sow", status: "signed", effectiveDate: "2025-01-01", renewal: "auto", evidenceId: document.id } },
  });
  const analysis = await runClauseFinder({ actor: ctx.actors.legal, input: { vendorId: vendor.id, documentId: document.id }, store: evidenceStore() });
  const row = await ctx.db.contractAnalysis.findUniqueOrThrow({ where: { id: analysis.id } });
  const proposals = (row.proposals as { proposals: { clauseCode: string }[] }).proposals;
  return { vendorId: vendor.id, documentId: document.id, contractId: contract.id, analysisId: analysis.id, analysisVersion: row.version, firstClause: proposals[0]!.clauseCode };
}

export const cases: CaseTable = {
  "app/(app)/vendors/[id]/legal-actions.ts#saveLegalRecordAction": {
    kind: "mutation",
    permission: "legal.manage",
    audit: "dossier.dpa.create",
    arrange: async (ctx) => ({ input: { vendorId: (await ctx.freshVendor()).id, kind: "dpa", data: { status: "draft" } } }),
  },
  "app/(app)/vendors/[id]/legal-actions.ts#deleteLegalRecordAction": {
    kind: "mutation",
    permission: "legal.manage",
    audit: "dossier.transfer.delete",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      const saved = await saveDossierRecord({ actor: ctx.actors.legal, input: { vendorId: vendor.id, kind: "transfer", data: { country: "PH", mechanism: "sccs", sccModule: 2, tiaDate: "2025-02-01" } } });
      return { input: { vendorId: vendor.id, kind: "transfer", id: saved.id, version: saved.version } };
    },
  },
  "app/(app)/vendors/[id]/legal-actions.ts#signOffLegalReviewAction": {
    kind: "mutation",
    permission: "legal.signoff",
    audit: "legal.signoff",
    arrange: async (ctx) => {
      const vendor = await ctx.freshVendor();
      const { legalRevision } = await ctx.db.vendor.findUniqueOrThrow({ where: { id: vendor.id }, select: { legalRevision: true } });
      return { input: { vendorId: vendor.id, legalRevision, decision: "approved_with_conditions", comment: "Accepted for the pilot; clauses to be renegotiated at renewal." } };
    },
  },
  "app/(app)/vendors/[id]/legal-actions.ts#runClauseFinderAction": {
    kind: "mutation",
    permission: "legal.manage",
    audit: "legal.clause_finder.run",
    arrange: async (ctx) => {
      const { vendorId, documentId } = await analysedContract(ctx);
      return { input: { vendorId, documentId } };
    },
  },
  "app/(app)/vendors/[id]/legal-actions.ts#decideClauseProposalAction": {
    kind: "mutation",
    permission: "legal.manage",
    audit: "legal.clause_finder.reject",
    arrange: async (ctx) => {
      const a = await analysedContract(ctx);
      return { input: { decision: "reject", analysisId: a.analysisId, clauseCode: a.firstClause, expected: "pending" } };
    },
  },
  "app/(app)/vendors/[id]/legal-actions.ts#acceptAllProposalsAction": {
    kind: "mutation",
    permission: "legal.manage",
    audit: "legal.clause_finder.accept_all",
    arrange: async (ctx) => {
      const a = await analysedContract(ctx);
      return { input: { analysisId: a.analysisId, contractId: a.contractId, analysisVersion: a.analysisVersion, checklistVersions: {} } };
    },
  },
};
