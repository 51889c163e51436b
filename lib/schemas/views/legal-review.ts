import type { ContractAnalysisData } from "../contract-analysis";
import type { LegalRecordKindKey } from "../dossier-record-kinds";

// What the Legal tab receives from the server (services/legal-view.ts and
// legal-signoff.ts), declared here so the tab's components can type their
// props without importing lib/server.

/** A legal change since the sign-off, read from the audit log. */
export interface LegalChange {
  auditId: number;
  at: Date;
  actorName: string;
  action: string;
  description: string;
}

export interface SignOffSummary {
  id: string;
  signedAt: Date;
  signedByName: string;
  comment: string;
  legalRevision: number;
}

export type LegalSignOffState =
  | { state: "missing" }
  | { state: "current"; signOff: SignOffSummary }
  /** `changes` oldest first: the first one is the change that outdated the sign-off. */
  | { state: "outdated"; signOff: SignOffSummary; changes: LegalChange[] };

/** One clause finder run, with how many of its suggestions are still open. */
export interface ContractAnalysisSummary {
  id: string;
  documentId: string;
  createdAt: Date;
  createdByName: string;
  found: number;
  total: number;
  pending: number;
  /** What the contract's text says about itself, to prefill a new contract record from this file. */
  facts: ContractAnalysisData["facts"] | undefined;
}

/** A stored legal record: clause, DPA and transfer rows have no id in the Dossier. */
export interface LegalReviewRecord {
  id: string;
  kind: LegalRecordKindKey;
  version: number;
  data: Record<string, unknown>;
}

/**
 * What the Legal tab adds to the vendor dossier view: each legal record's id
 * and version, the sign-off state with the changes that outdated it, the
 * clause finder runs, and what the signed-in user may do.
 */
export interface LegalReview {
  legalRevision: number;
  records: LegalReviewRecord[];
  signOff: LegalSignOffState;
  analyses: ContractAnalysisSummary[];
  may: { manage: boolean; signOff: boolean; upload: boolean };
}
