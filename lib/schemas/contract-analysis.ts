import { z } from "zod";
import { CONTRACT_TYPES } from "@/lib/domain/legal/legal-vocabulary";
import { clauseReviewRowSchema } from "./legal";

// The clause finder's proposals for one uploaded contract file, as stored in
// ContractAnalysis.proposals, and the per-clause decisions a legal user
// takes on them. Proposals are suggestions: nothing reaches the clause
// checklist until someone accepts or edits it.

const id = z.string().trim().min(1);

const extractedValueSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("hours"), hours: z.number(), quote: z.string(), basis: z.string() }),
  z.object({ kind: z.literal("days"), days: z.number(), quote: z.string(), basis: z.string() }),
  z.object({ kind: z.literal("months"), months: z.number(), quote: z.string(), basis: z.string() }),
  z.object({ kind: z.literal("money"), amountMinor: z.number(), currency: z.string(), quote: z.string(), basis: z.string() }),
]);

export const PROPOSAL_DECISIONS = ["accepted", "edited", "rejected"] as const;
export type ProposalDecisionState = (typeof PROPOSAL_DECISIONS)[number];

const proposalDecisionSchema = z.object({
  state: z.enum(PROPOSAL_DECISIONS),
  byId: z.string(),
  byName: z.string(),
  at: z.string(),
});

export const storedProposalSchema = z.object({
  clauseCode: z.string(),
  title: z.string(),
  found: z.boolean(),
  confidence: z.number(),
  score: z.number(),
  threshold: z.number(),
  passages: z.array(z.object({ quote: z.string(), page: z.number().optional(), section: z.string().optional(), score: z.number() })),
  value: extractedValueSchema.optional(),
  hints: z.array(z.object({ code: z.string(), label: z.string(), quote: z.string() })),
  /** Incorporated from another document, not stated in this file. */
  byReference: z.boolean().optional(),
  /** The contract expressly excludes the protection: a deviation for legal to read. */
  exclusion: z.object({ quote: z.string(), page: z.number().optional(), section: z.string().optional(), score: z.number() }).optional(),
  /** Absent while the proposal is still a suggestion. */
  decision: proposalDecisionSchema.optional(),
});
export type StoredProposal = z.infer<typeof storedProposalSchema>;

export const ANALYSIS_FORMAT_VERSION = 1;

export const contractAnalysisDataSchema = z.object({
  formatVersion: z.literal(ANALYSIS_FORMAT_VERSION),
  format: z.enum(["pdf", "docx", "txt", "md", "html"]),
  pageCount: z.number().int().optional(),
  catalogueVersion: z.number().int(),
  /** Extraction plus finder time on the server, for the record. */
  elapsedMs: z.number(),
  proposals: z.array(storedProposalSchema),
  /** Standard Contractual Clauses found in the text (lib/domain/legal/scc-detection.ts): a suggestion for the transfer matrix. */
  sccs: z
    .object({
      set: z.enum(["2021", "legacy"]),
      modules: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])),
      dockingClause: z.boolean(),
      ukAddendum: z.boolean(),
      evidence: z.string(),
    })
    .optional(),
  /** What the text says about itself (lib/domain/legal/contract-facts.ts): prefills the contract form. */
  facts: z
    .object({
      title: z.string().optional(),
      type: z.enum(CONTRACT_TYPES).optional(),
      effectiveDate: z.string().optional(),
      governingLaw: z.string().optional(),
      parties: z.array(z.string()).optional(),
    })
    .optional(),
});
export type ContractAnalysisData = z.infer<typeof contractAnalysisDataSchema>;

// ---------------------------------------------------------------- inputs

export const runClauseFinderInputSchema = z.object({ vendorId: id, documentId: id });

/** The checklist row a decision overwrites, at the version the reviewer saw (optimistic lock). */
const clauseRecordRef = z.object({ id, version: z.number().int().positive() }).optional();

const decisionBase = {
  analysisId: id,
  clauseCode: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** The decision state the reviewer saw; a different one means someone else decided meanwhile. */
  expected: z.enum(["pending", ...PROPOSAL_DECISIONS]),
  clauseRecord: clauseRecordRef,
};

export const clauseDecisionInputSchema = z.discriminatedUnion("decision", [
  /** Record the proposal as it stands: found → present with its citation and value; not found → missing. */
  z.object({ decision: z.literal("accept"), ...decisionBase, contractId: id }),
  /** Record the reviewer's corrected row instead. */
  z.object({ decision: z.literal("edit"), ...decisionBase, row: clauseReviewRowSchema }),
  /** Leave the checklist as it is. */
  z.object({ decision: z.literal("reject"), ...decisionBase }),
]);
export type ClauseDecisionInput = z.input<typeof clauseDecisionInputSchema>;

export const acceptAllProposalsInputSchema = z.object({
  analysisId: id,
  contractId: id,
  /** The analysis version the reviewer saw: the bulk accept refuses if anything was decided since. */
  analysisVersion: z.number().int().positive(),
  /** Version of each checklist row the reviewer saw, by clause code (absent: no row yet), so no edit made since is overwritten. */
  checklistVersions: z.record(z.string(), z.number().int().positive()),
});
