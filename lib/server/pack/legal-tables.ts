// The clause review and the transfer matrix as an auditor reads them in an
// audit pack (CSV for a spreadsheet, JSON for tools). Read off the same
// projections as the Legal tab and the PDF (clauseReviewRows, transferMatrixFor),
// so the pack cannot disagree with the screen. Pure: no I/O.
import { ADEQUACY_REFERENCE } from "@/lib/domain/legal/adequacy";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { clauseReviewRows, contractLabel } from "@/lib/domain/legal/clause-review";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { transferMatrixFor, transferRowWords } from "@/lib/domain/legal/transfer-matrix";
import type { Dossier } from "@/lib/schemas/dossier";
import { emptyLegalDossier, type LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import { csvDocument } from "../audit-log/event-format";

export interface ClauseReviewLine {
  clauseCode: string;
  title: string;
  /** Computed: present | deviating | missing | not_applicable. */
  status: string;
  reviewed: boolean;
  reason: string | null;
  observed: string | null;
  threshold: string | null;
  value: string | null;
  contract: string | null;
  section: string | null;
  page: number | null;
  reviewerNote: string | null;
  blockerForElevatedTier: boolean;
  source: string;
}

export interface TransferLine {
  country: string;
  countryName: string | null;
  regime: string;
  mechanism: string;
  recordedMechanism: string | null;
  sccModule: number | null;
  tiaDate: string | null;
  processedBy: string;
  adequacyDecision: string | null;
  finding: string | null;
  findingSeverity: string | null;
}

/** dossier.legal, or an empty review for a dossier loaded before legal records existed. */
export function legalOf(dossier: Dossier): LegalDossier {
  return (dossier as Partial<Dossier>).legal ?? emptyLegalDossier();
}

export function clauseReviewLines(dossier: Dossier, settings: Settings): ClauseReviewLine[] {
  return clauseReviewRows(legalOf(dossier), legalContextFor(dossier, settings), settings).map((r) => ({
    clauseCode: r.clause.code,
    title: r.clause.title,
    status: r.status,
    reviewed: r.reviewed,
    reason: r.reason ?? (r.reviewed ? null : "not reviewed yet"),
    observed: r.checks.length ? r.checks.map((c) => c.observed).join("; ") : null,
    threshold: r.checks.length ? r.checks.map((c) => c.threshold).join("; ") : null,
    value: r.valueText ?? null,
    contract: r.row?.citation ? (r.contract ? contractLabel(r.contract) : r.row.citation.contractId) : null,
    section: r.row?.citation?.section ?? null,
    page: r.row?.citation?.page ?? null,
    reviewerNote: r.row?.reviewerNote ?? null,
    blockerForElevatedTier: r.clause.blockerForElevatedTier,
    source: r.clause.source,
  }));
}

export function transferLines(dossier: Dossier, settings: Settings): TransferLine[] {
  return transferMatrixFor(legalOf(dossier), legalContextFor(dossier, settings)).map((r) => {
    const words = transferRowWords(r);
    return {
      country: r.country,
      countryName: r.countryName ?? null,
      regime: r.regime,
      mechanism: r.mechanism,
      recordedMechanism: r.recorded?.mechanism ?? null,
      sccModule: r.recorded?.sccModule ?? null,
      tiaDate: r.recorded?.tiaDate ?? null,
      processedBy: words.processedBy,
      adequacyDecision: r.adequacy ? `${r.adequacy.decision} (${r.adequacy.date}) ${r.adequacy.source}` : null,
      finding: r.finding?.message ?? null,
      findingSeverity: r.finding?.severity ?? null,
    };
  });
}

export function linesToCsv<T extends object>(lines: readonly T[], columns: readonly (keyof T & string)[]): string {
  return csvDocument(columns, lines.map((l) => columns.map((c) => l[c])));
}

export const CLAUSE_REVIEW_COLUMNS: readonly (keyof ClauseReviewLine)[] = [
  "clauseCode", "title", "status", "reviewed", "reason", "observed", "threshold", "value", "contract", "section", "page", "reviewerNote", "blockerForElevatedTier", "source",
];
export const TRANSFER_COLUMNS: readonly (keyof TransferLine)[] = [
  "country", "countryName", "regime", "mechanism", "recordedMechanism", "sccModule", "tiaDate", "processedBy", "adequacyDecision", "finding", "findingSeverity",
];

/** The four legal files of a pack: { path: text }. */
export function legalPackFiles(dossier: Dossier, settings: Settings, meta: { vendorId: string; vendorName: string; generatedAt: string }): Record<string, string> {
  const clauses = clauseReviewLines(dossier, settings);
  const transfers = transferLines(dossier, settings);
  const legal = legalOf(dossier);
  const header = { vendor: { id: meta.vendorId, name: meta.vendorName }, generatedAt: meta.generatedAt };
  return {
    "clause-review.csv": linesToCsv(clauses, CLAUSE_REVIEW_COLUMNS),
    "clause-review.json": JSON.stringify({ ...header, catalogueVersion: CLAUSE_CATALOGUE.version, dpa: legal.dpa, signOff: legal.signOff ?? null, contracts: legal.contracts, clauses }, null, 2) + "\n",
    "transfer-matrix.csv": linesToCsv(transfers, TRANSFER_COLUMNS),
    "transfer-matrix.json": JSON.stringify({ ...header, adequacyReference: { source: ADEQUACY_REFERENCE.source, asOf: ADEQUACY_REFERENCE.asOf }, subProcessors: legal.subProcessors, transfers }, null, 2) + "\n",
  };
}
