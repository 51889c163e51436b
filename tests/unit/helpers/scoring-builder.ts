import type { ScoreCheck, ScoreResult } from "@/lib/domain/scoring/types";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { Dossier } from "@/lib/schemas/dossier";
import type { LegalDossier } from "@/lib/schemas/legal";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";
import { buildDossier, NOW } from "./dossier-builder";

// A dossier that passes every scoring check: the clean builder dossier
// (Critical: fintech, card data, billing write access; sites in Manila and
// Pune) plus a clean legal review. Scoring tests change one thing at a time.

const cite = { contractId: "contract-msa", section: "7" };

export function cleanLegal(): LegalDossier {
  return {
    contracts: [
      { id: "contract-msa", type: "msa", status: "signed", effectiveDate: "2025-01-01", renewal: "auto", noticePeriodDays: 90 },
      { id: "contract-dpa", type: "dpa", status: "signed", effectiveDate: "2025-01-01", renewal: "auto" },
    ],
    clauseReviews: [
      { clauseCode: "right_to_audit", presence: "present", citation: cite, days: 30, auditScope: "direct_or_third_party" },
      { clauseCode: "incident_notification", presence: "present", citation: cite, hours: 24 },
      { clauseCode: "data_residency", presence: "present", citation: cite },
      { clauseCode: "liability_indemnification", presence: "present", citation: cite },
      { clauseCode: "liability_cap", presence: "present", citation: cite, amountMinor: 500_000_000, currency: "USD" },
      { clauseCode: "cyber_insurance", presence: "present", citation: cite },
      { clauseCode: "security_training", presence: "present", citation: cite, months: 3 },
      { clauseCode: "subprocessor_consent", presence: "present", citation: cite },
      { clauseCode: "data_return_deletion", presence: "present", citation: cite },
      { clauseCode: "agent_access_confidentiality", presence: "present", citation: cite },
    ],
    dpa: { status: "signed", signedDate: "2025-01-01", version: "2.0", contractId: "contract-dpa" },
    transferMechanisms: [
      { country: "PH", mechanism: "sccs", sccModule: 2, tiaDate: "2025-01-10" },
      { country: "IN", mechanism: "sccs", sccModule: 2, tiaDate: "2025-01-10" },
    ],
    subProcessors: [{ id: "sp-1", name: "Ticketdesk", service: "Ticketing", country: "IE", dataCategories: ["eu_personal"], consented: true, notified: true }],
  };
}

/** The clean dossier with a clean legal review: every check passes, score 100. */
export function scoringDossier(): Dossier {
  return { ...buildDossier(), legal: cleanLegal() };
}

/** A copy of the clean scoring dossier changed by `change` (which may mutate it). */
export function changed(change: (d: Dossier) => void): Dossier {
  const d = structuredClone(scoringDossier());
  change(d);
  return d;
}

export function score(d: Dossier, settings: Settings = DEFAULT_SETTINGS, now: Date = NOW): ScoreResult {
  return scoreVendor(d, settings, now);
}

export function checkOf(result: ScoreResult, code: string): ScoreCheck {
  const check = result.checks.find((c) => c.code === code);
  if (!check) throw new Error(`no check ${code}; have ${result.checks.map((c) => c.code).join(", ")}`);
  return check;
}

export function settingsWith(patch: (s: Settings) => void): Settings {
  const copy = structuredClone(DEFAULT_SETTINGS);
  patch(copy);
  return copy;
}
