// The clause review and the transfer matrix as an auditor reads them in an
// audit pack (CSV for a spreadsheet, JSON for tools). Computed by the same
// domain rules as the Legal tab and the findings engine (computeClauseStatus,
// deriveTransferMatrix, legalContextFor), so the pack cannot disagree with the
// screen. Pure: no I/O.
import { ADEQUACY_REFERENCE } from "@/lib/domain/legal/adequacy";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { computeClauseStatus } from "@/lib/domain/legal/clause-deviation";
import { legalContextFor } from "@/lib/domain/legal/legal-context";
import { deriveTransferMatrix } from "@/lib/domain/legal/transfers";
import type { Dossier } from "@/lib/schemas/dossier";
import { emptyLegalDossier, type ClauseReviewRow, type LegalDossier } from "@/lib/schemas/legal";
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
  const legal = legalOf(dossier);
  const context = legalContextFor(dossier, settings);
  const contracts = new Map(legal.contracts.map((c) => [c.id, c]));
  return CLAUSE_CATALOGUE.clauses.map((clause) => {
    const row = legal.clauseReviews.find((r) => r.clauseCode === clause.code);
    // Not reviewed counts as missing (legal-findings.ts): an empty review is never a pass.
    const result = row ? computeClauseStatus(row, { ...context, clause }, settings) : { status: "missing" as const, checks: [], reason: undefined };
    const contract = row?.citation ? contracts.get(row.citation.contractId) : undefined;
    return {
      clauseCode: clause.code,
      title: clause.title,
      status: result.status,
      reviewed: row !== undefined,
      reason: result.reason ?? (row ? null : "not reviewed yet"),
      observed: result.checks.length ? result.checks.map((c) => c.observed).join("; ") : null,
      threshold: result.checks.length ? result.checks.map((c) => c.threshold).join("; ") : null,
      value: row ? clauseValue(row) : null,
      contract: row?.citation ? (contract?.title ?? contract?.type ?? row.citation.contractId) : null,
      section: row?.citation?.section ?? null,
      page: row?.citation?.page ?? null,
      reviewerNote: row?.reviewerNote ?? null,
      blockerForElevatedTier: clause.blockerForElevatedTier,
      source: clause.source,
    };
  });
}

function clauseValue(row: ClauseReviewRow): string | null {
  const parts = [
    row.hours !== undefined ? `${row.hours} h` : null,
    row.days !== undefined ? `${row.days} days` : null,
    row.months !== undefined ? `${row.months} months` : null,
    row.amountMinor !== undefined ? `${row.amountMinor} ${row.currency ?? ""} (minor units)`.trim() : null,
    row.auditScope !== undefined ? `audit scope: ${row.auditScope}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length ? parts.join("; ") : null;
}

export function transferLines(dossier: Dossier, settings: Settings): TransferLine[] {
  const legal = legalOf(dossier);
  const context = legalContextFor(dossier, settings);
  return deriveTransferMatrix(context.sites, legal.subProcessors, context.dataCategories, ADEQUACY_REFERENCE, legal.transferMechanisms).map((r) => ({
    country: r.country,
    countryName: r.countryName ?? null,
    regime: r.regime,
    mechanism: r.mechanism,
    recordedMechanism: r.recorded?.mechanism ?? null,
    sccModule: r.recorded?.sccModule ?? null,
    tiaDate: r.recorded?.tiaDate ?? null,
    processedBy: r.processedBy.map((p) => `${p.kind}: ${p.label}`).join("; "),
    adequacyDecision: r.adequacy ? `${r.adequacy.decision} (${r.adequacy.date}) ${r.adequacy.source}` : null,
    finding: r.finding?.message ?? null,
    findingSeverity: r.finding?.severity ?? null,
  }));
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
