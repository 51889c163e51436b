// Every legal finding for one vendor (docs/rules.md §4-5): clause checklist,
// DPA, international transfers, contract term and sub-processors. Pure:
// the caller passes the dossier, the vendor's profile, settings and `now`.
import { daysBetween, formatIsoDay } from "@/lib/domain/dates";
import type { Finding } from "@/lib/domain/findings/finding";
import { type DataCategory, type Industry, type Tier, SEVERITY_RANK, TIER_LABELS, isElevatedTier } from "@/lib/domain/vocabulary";
import type { LegalDossier, StoredContract } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { AdequacyReference } from "./adequacy";
import { type ClauseCatalogue, CLAUSE_CATALOGUE } from "./clause-catalogue";
import { computeClauseStatus } from "./clause-deviation";
import { CONTRACT_TYPE_LABELS } from "./legal-vocabulary";
import { transferMatrixFor } from "./transfer-matrix";
import type { ProcessingSite } from "./transfers";

export interface LegalContext {
  tier: Tier;
  dataCategories: readonly DataCategory[];
  industries: readonly Industry[];
  /** The vendor's delivery sites: where its agents work on our data. */
  sites: readonly ProcessingSite[];
  /** Per-occurrence insurance minimum for this vendor (docs/rules.md §3), minor units. */
  insuranceMinimumMinor: number;
  currency: string;
  /** Defaults to the seeded catalogue and adequacy list. */
  catalogue?: ClauseCatalogue;
  adequacy?: AdequacyReference;
}

export function legalFindingsFor(dossier: LegalDossier, context: LegalContext, settings: Settings, now: Date): Finding[] {
  const findings = [
    ...clauseFindings(dossier, context, settings),
    ...dpaFindings(dossier, context),
    ...transferFindings(dossier, context),
    ...contractTermFindings(dossier.contracts, now),
    ...subProcessorFindings(dossier),
  ];
  return findings.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.code.localeCompare(b.code));
}

function clauseFindings(dossier: LegalDossier, context: LegalContext, settings: Settings): Finding[] {
  const catalogue = context.catalogue ?? CLAUSE_CATALOGUE;
  const elevated = isElevatedTier(context.tier);
  const out: Finding[] = [];
  for (const clause of catalogue.clauses) {
    const row = dossier.clauseReviews.find((r) => r.clauseCode === clause.code);
    const subject = { kind: "clause", id: clause.code, label: clause.title };
    // An unreviewed clause counts as missing: unknown is never a pass (docs/rules.md §6, §8).
    // Fields spelled out rather than spread: object spread is slow on our Node and this runs for every clause of every vendor scored.
    const clauseContext = { clause, dataCategories: context.dataCategories, industries: context.industries, insuranceMinimumMinor: context.insuranceMinimumMinor, currency: context.currency };
    const result = row ? computeClauseStatus(row, clauseContext, settings) : { status: "missing" as const, checks: [] };
    if (result.status === "missing") {
      // docs/rules.md §4: missing right-to-audit or incident notification is a blocker for Critical/High.
      const blocker = clause.blockerForElevatedTier && elevated;
      out.push({
        code: "legal.clause.missing",
        severity: blocker ? "blocker" : clause.severityWhenMissing,
        message: `${clause.title}: ${row ? "missing from the contract" : "not reviewed yet"}${blocker ? `, a blocker for a ${TIER_LABELS[context.tier]} vendor` : ""}.`,
        observed: row ? "missing" : "not reviewed",
        threshold: "present",
        source: clause.source,
        subject,
      });
    } else if (result.status === "deviating") {
      // Clause catalogue: severity of a deviation is per clause (severityWhenDeviating).
      out.push({
        code: "legal.clause.deviating",
        severity: clause.severityWhenDeviating,
        message: `${clause.title} deviates: ${result.reason}`,
        observed: result.checks.map((c) => c.observed).join("; "),
        threshold: result.checks.map((c) => c.threshold).join("; "),
        source: clause.source,
        subject,
      });
    }
  }
  return out;
}

function dpaFindings(dossier: LegalDossier, context: LegalContext): Finding[] {
  // Every data category in vocabulary.ts is personal data, so any category means processing.
  if (context.dataCategories.length === 0 || dossier.dpa.status === "signed") return [];
  // GDPR Art. 28(3): processing by a processor is governed by a contract (the DPA).
  return [
    {
      code: "legal.dpa.not_signed",
      severity: "blocker",
      message: `No signed DPA (status: ${dossier.dpa.status}) although the vendor processes personal data (${context.dataCategories.join(", ")}).`,
      observed: `DPA ${dossier.dpa.status}`,
      threshold: "signed DPA",
      source: "GDPR Art. 28(3)",
      subject: { kind: "dpa", id: dossier.dpa.contractId, label: "Data processing agreement" },
    },
  ];
}

function transferFindings(dossier: LegalDossier, context: LegalContext): Finding[] {
  const rows = transferMatrixFor(dossier, context);
  return rows.flatMap((r) => (r.finding ? [r.finding] : []));
}

/** Contracts that end on their own; an amendment lives and dies with its agreement. */
const TERM_TYPES = new Set<StoredContract["type"]>(["msa", "dpa", "sow", "other"]);

function contractTermFindings(contracts: readonly StoredContract[], now: Date): Finding[] {
  const today = formatIsoDay(now);
  const out: Finding[] = [];
  const ended = (c: StoredContract) => c.renewal === "manual" && !!c.termEnd && c.termEnd < today;
  // A signed contract of the same type that runs on past this one covers the gap.
  const replaced = (c: StoredContract) =>
    contracts.some(
      (o) => o.id !== c.id && o.type === c.type && o.status === "signed" && !ended(o) && (o.renewal === "auto" || !o.termEnd || o.termEnd > (c.termEnd ?? today)),
    );
  for (const c of contracts) {
    if (!TERM_TYPES.has(c.type) || replaced(c)) continue;
    const label = c.title ?? CONTRACT_TYPE_LABELS[c.type];
    const subject = { kind: "contract", id: c.id, label };
    if (c.status === "expired" || c.status === "terminated") {
      // docs/rules.md §4-5: a contract that has ended no longer protects us unless a signed one of the same type replaces it.
      out.push({
        code: "legal.contract.ended",
        severity: "high",
        message: `${label} is ${c.status} and no signed ${CONTRACT_TYPE_LABELS[c.type]} replaces it.`,
        observed: c.status,
        threshold: "a signed contract in force",
        source: "organisation policy (contract status)",
        subject,
      });
      continue;
    }
    // An auto-renewing contract rolls over at term end, so it does not end; drafts protect nothing yet.
    if (c.status !== "signed" || c.renewal === "auto" || !c.termEnd) continue;
    const daysLeft = daysBetween(today, c.termEnd);
    const notice = c.noticePeriodDays ?? 0;
    if (daysLeft < 0) {
      // a contract already past its term end is a high finding.
      out.push({
        code: "legal.contract.ended",
        severity: "high",
        message: `${label} ended on ${c.termEnd} (${-daysLeft} days ago) and does not renew automatically.`,
        observed: `ended ${-daysLeft} days ago`,
        threshold: "term end in the future",
        source: "organisation policy (contract term)",
        subject,
      });
    } else if (daysLeft <= notice) {
      // inside the notice period the renewal or exit decision can no longer wait.
      out.push({
        code: "legal.contract.in_notice_window",
        severity: "high",
        message: `${label} ends on ${c.termEnd}, in ${daysLeft} days, inside its ${notice}-day notice period and does not renew automatically.`,
        observed: `${daysLeft} days to term end`,
        threshold: `more than the ${notice}-day notice period`,
        source: "organisation policy (contract term)",
        subject,
      });
    }
  }
  return out;
}

function subProcessorFindings(dossier: LegalDossier): Finding[] {
  // GDPR Art. 28(2): prior specific authorisation, or general authorisation with notice of changes.
  return dossier.subProcessors
    .filter((sp) => !sp.consented && !sp.notified)
    .map((sp) => ({
      code: "legal.subprocessor.unauthorised",
      severity: "medium" as const,
      message: `Sub-processor ${sp.name} (${sp.service}, ${sp.country}) was neither consented to nor notified to us.`,
      observed: "no consent, no notice",
      threshold: "prior consent, or notice of the change with a chance to object",
      source: "GDPR Art. 28(2)",
      subject: { kind: "sub_processor", id: sp.id, label: sp.name },
    }));
}
