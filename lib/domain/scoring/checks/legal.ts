import { countryName } from "@/lib/domain/reference/countries";
import type { StoredContract } from "@/lib/schemas/legal";
import { daysBetween, formatDayForPeople } from "../../dates";
import { CLAUSE_CATALOGUE } from "../../legal/clause-catalogue";
import { computeClauseStatus } from "../../legal/clause-deviation";
import { TRANSFER_MECHANISM_LABELS } from "../../legal/legal-vocabulary";
import { transferMatrixFor } from "../../legal/transfer-matrix";
import { EU_TRANSFER_CATEGORIES } from "../../legal/transfers";
import { clauseScoringDomain } from "../domains";
import type { CheckResult, ScoreCheck } from "../types";
import type { ScoringContext } from "../context";
import { makeCheck, type CheckFamily } from "./make-check";

// Contractual protections (§4, weight 20) and data protection & transfers
// (§5, weight 15), from the legal review. A dossier without a legal review
// scores every one of these as unknown.

const NO_LEGAL = "no legal review in the dossier";

const CLAUSE_THRESHOLD = "present in the contract and meeting its requirements (deviating: partial)";

/** One check per catalogue clause: present 1, deviating 0.5, missing 0, not reviewed unknown, not applicable excluded. */
function clauseChecks(ctx: ScoringContext): ScoreCheck[] {
  const checks: ScoreCheck[] = [];
  const context = ctx.legalContext;
  for (const clause of CLAUSE_CATALOGUE.clauses) {
    const base = {
      domain: clauseScoringDomain(clause.code),
      code: `clause.${clause.code}`,
      title: clause.title,
      source: clause.source,
      threshold: CLAUSE_THRESHOLD,
      subject: { kind: "clause", id: clause.code, label: clause.title },
    };
    if (!ctx.legal) {
      checks.push(makeCheck(base, "unknown", NO_LEGAL));
      continue;
    }
    const row = ctx.legal.clauseReviews.find((r) => r.clauseCode === clause.code);
    if (!row) {
      checks.push(makeCheck(base, "unknown", "not reviewed yet"));
      continue;
    }
    const clauseContext = {
      clause,
      dataCategories: context.dataCategories,
      industries: context.industries,
      insuranceMinimumMinor: context.insuranceMinimumMinor,
      currency: context.currency,
    };
    const status = computeClauseStatus(row, clauseContext, ctx.settings);
    if (status.status === "present") checks.push(makeCheck(base, "pass", "present"));
    else if (status.status === "missing") checks.push(makeCheck(base, "fail", "missing from the contract"));
    else if (status.status === "not_applicable") checks.push(makeCheck(base, "not_applicable", "marked not applicable by legal"));
    else {
      checks.push(
        makeCheck(base, "partial", `deviating: ${status.checks.map((c) => c.observed).join("; ")}`, {
          threshold: `present and ${status.checks.map((c) => c.threshold).join("; ")} (deviating: partial)`,
          note: status.reason,
        }),
      );
    }
  }
  return checks;
}

/** docs/rules.md §4-5: the clauses only protect us under a signed agreement that is in force. */
function msaCheck(ctx: ScoringContext): ScoreCheck {
  const base = {
    domain: "contractual" as const,
    code: "contract.msa_in_force",
    title: "Signed master services agreement in force",
    source: "organisation policy (contract clauses and term)",
    threshold: "a signed MSA that has not ended and is not inside its notice period (inside the notice period: partial)",
    subject: { kind: "contract" },
  };
  if (!ctx.legal) return makeCheck(base, "unknown", NO_LEGAL);
  const msas = ctx.legal.contracts.filter((c) => c.type === "msa");
  if (msas.length === 0) return makeCheck(base, "unknown", "no MSA recorded");
  const today = ctx.today;
  const daysLeft = (c: StoredContract) => (c.termEnd ? daysBetween(today, c.termEnd) : Infinity);
  // Same reading as legal-findings: an auto-renewing or open-ended contract does not end.
  const signed = msas.filter((c) => c.status === "signed" && (c.renewal === "auto" || daysLeft(c) >= 0));
  const clear = signed.find((c) => c.renewal === "auto" || daysLeft(c) > (c.noticePeriodDays ?? 0));
  const label = (c: StoredContract) => c.title ?? "MSA";
  if (clear) {
    const term = clear.renewal === "auto" ? "renews automatically" : clear.termEnd ? `runs to ${formatDayForPeople(clear.termEnd)}` : "has no end date";
    return makeCheck(base, "pass", `${label(clear)} signed, ${term}`, { subject: { kind: "contract", id: clear.id, label: label(clear) } });
  }
  const [closing] = signed;
  if (closing) {
    return makeCheck(base, "partial", `${label(closing)} ends on ${formatDayForPeople(closing.termEnd!)}, inside its ${closing.noticePeriodDays ?? 0}-day notice period`, {
      subject: { kind: "contract", id: closing.id, label: label(closing) },
    });
  }
  const states = msas.map((c) => (c.status === "signed" ? `${label(c)} ended ${formatDayForPeople(c.termEnd!)}` : `${label(c)} ${c.status}`));
  return makeCheck(base, "fail", states.join("; "));
}

/** GDPR Art. 28(3): processing personal data for us needs a signed DPA. */
function dpaCheck(ctx: ScoringContext): ScoreCheck {
  const base = {
    domain: "dataProtection" as const,
    code: "data.dpa_signed",
    title: "Signed data processing agreement",
    source: "GDPR Art. 28(3)",
    threshold: "a signed DPA whenever the vendor processes personal data for us (draft: partial)",
    subject: { kind: "dpa", label: "Data processing agreement" },
  };
  const categories = ctx.dossier.profile.dataCategories;
  if (categories.length === 0) return makeCheck(base, "not_applicable", "the vendor processes no personal data for us");
  if (!ctx.legal) return makeCheck(base, "unknown", NO_LEGAL);
  const dpa = ctx.legal.dpa;
  if (dpa.status === "signed") {
    return makeCheck(base, "pass", `signed${dpa.signedDate ? ` on ${formatDayForPeople(dpa.signedDate)}` : ""}${dpa.version ? `, version ${dpa.version}` : ""}`);
  }
  return makeCheck(base, dpa.status === "draft" ? "partial" : "fail", dpa.status === "draft" ? "draft, not signed" : "no DPA");
}

/** GDPR Chapter V (Art. 44-46): every country processing EU residents' data needs EU/EEA, adequacy, SCCs or BCRs. */
function transferCheck(ctx: ScoringContext): ScoreCheck {
  const base = {
    domain: "dataProtection" as const,
    code: "data.transfer_mechanisms",
    title: "Lawful mechanism for every EU data transfer",
    source: "GDPR Chapter V, Art. 44-46; CJEU C-311/18 (Schrems II)",
    threshold: "EU/EEA, an adequacy decision, SCCs with a transfer impact assessment, or BCRs for every country (SCCs without TIA: partial)",
    subject: { kind: "transfer" },
  };
  const legal = ctx.legal;
  const rows = transferMatrixFor(
    { subProcessors: legal?.subProcessors ?? [], transferMechanisms: legal?.transferMechanisms ?? [] },
    { sites: ctx.legalContext.sites, dataCategories: ctx.dossier.profile.dataCategories },
  );
  const euData = ctx.dossier.profile.dataCategories.some((d) => EU_TRANSFER_CATEGORIES.includes(d));
  if (rows.length === 0) {
    if (euData && ctx.dossier.sites.length === 0 && !legal) return makeCheck(base, "unknown", `no delivery site and ${NO_LEGAL}`);
    if (euData && ctx.dossier.sites.length === 0) return makeCheck(base, "unknown", "EU residents' data, but no delivery site recorded");
    return makeCheck(base, "not_applicable", "no EU residents' personal data is processed");
  }
  const describe = (r: (typeof rows)[number]) => `${countryName(r.country)}: ${TRANSFER_MECHANISM_LABELS[r.mechanism]}`;
  const observed = rows.map(describe).join("; ");
  const codes = new Set(rows.flatMap((r) => (r.finding ? [r.finding.code] : [])));
  const result: CheckResult = codes.has("legal.transfer.no_mechanism") ? "fail" : codes.size > 0 ? "partial" : "pass";
  // Without a legal review no mechanism was ever recorded: that is unknown, not a finding of fact.
  if (!legal && result !== "pass") return makeCheck(base, "unknown", `${observed}; ${NO_LEGAL}`);
  const problems = rows.filter((r) => r.finding).map((r) => r.finding!.observed ?? r.finding!.code);
  return makeCheck(base, result, problems.length > 0 ? `${observed} (${problems.join("; ")})` : observed);
}

/** GDPR Art. 28(2): every sub-processor consented to, or notified with a chance to object. */
function subProcessorCheck(ctx: ScoringContext): ScoreCheck {
  const base = {
    domain: "dataProtection" as const,
    code: "data.subprocessors_authorised",
    title: "Sub-processors consented to or notified",
    source: "GDPR Art. 28(2)",
    threshold: "every sub-processor with our prior consent or notified in advance",
    subject: { kind: "sub_processor" },
  };
  if (!ctx.legal) return makeCheck(base, "unknown", NO_LEGAL);
  const subs = ctx.legal.subProcessors;
  if (subs.length === 0) return makeCheck(base, "not_applicable", "no sub-processors recorded");
  const bad = subs.filter((s) => !s.consented && !s.notified);
  if (bad.length === 0) return makeCheck(base, "pass", `all ${subs.length} authorised`);
  return makeCheck(base, "fail", `${bad.length} of ${subs.length} neither consented nor notified (${bad.map((s) => s.name).join(", ")})`);
}

export const legalChecks: CheckFamily = (ctx) => [msaCheck(ctx), ...clauseChecks(ctx), dpaCheck(ctx), transferCheck(ctx), subProcessorCheck(ctx)];
