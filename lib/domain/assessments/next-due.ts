import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import { addMonthsToDay, dayStartInstant, daysUntil, formatDayForPeople, formatIsoDay, type IsoDate } from "../dates";
import { validIsoCertificates } from "../assurance/iso-status";
import { selectCurrencyReport } from "../assurance/soc2-status";
import { computeInherentTier, effectiveTier, reviewCadenceMonths } from "../vendors/tier";
import { TIER_LABELS, type Tier } from "../vocabulary";

// When the next assessment is due (docs/rules.md §9): the tier
// cadence from the assessment day (quarterly for Critical/High, annual
// otherwise, docs/rules.md §1), pulled earlier by the first piece of evidence that
// will lapse before then. A lapse is dated by the LAST day the evidence still
// counts, so the reassessment happens while it is still valid:
// - SOC 2: the currency report's period end + soc2StaleMonths (stale the day after; docs/rules.md §2);
// - ISO 27001: each valid certificate's expiry date (expired after it; docs/rules.md §2);
// - insurance: the expiry of the policy the findings judge (the one expiring last; docs/rules.md §3);
// - pen test: the latest test + pentestMaxAgeMonths (stale after; docs/rules.md §2).
// Evidence that has already lapsed does not count: it is a finding in the
// assessment being made, and a due date in the past would say nothing.

export type NextDueBasis = "cadence" | "soc2_stale" | "iso_expiry" | "insurance_expiry" | "pentest_age";

export interface NextDueCandidate {
  basis: NextDueBasis;
  /** Last day the assessment (or the evidence) still holds, "YYYY-MM-DD". */
  date: IsoDate;
  /** Sentence for people: "ISO 27001 certificate 12345 expires on 3 Mar 2027". */
  reason: string;
  /** The record that sets the date, when there is one. */
  subject?: { kind: string; id: string };
}

export interface NextDue extends NextDueCandidate {
  /** Every date that was considered, earliest first (the first is the answer). */
  candidates: NextDueCandidate[];
  cadenceMonths: number;
  tier: Tier;
}

/** The tier the rules apply: the override when there is one, otherwise computed from the profile. */
export function dossierTier(dossier: Pick<Dossier, "profile">): Tier {
  return effectiveTier(computeInherentTier(dossier.profile), dossier.profile.tierOverride).tier;
}

export function nextAssessmentDue(dossier: Dossier, settings: Settings, now: Date): NextDue {
  const tier = dossierTier(dossier);
  const cadenceMonths = reviewCadenceMonths(tier, settings);
  const today = formatIsoDay(now);
  const cadence: NextDueCandidate = {
    basis: "cadence",
    date: addMonthsToDay(today, cadenceMonths),
    reason: `${TIER_LABELS[tier]} tier: reassess every ${cadenceMonths} month${cadenceMonths === 1 ? "" : "s"}`,
  };
  const lapses: NextDueCandidate[] = [];

  const soc2 = selectCurrencyReport(dossier.soc2Reports);
  if (soc2) {
    const lastCurrent = addMonthsToDay(soc2.periodEnd, settings.assurance.soc2StaleMonths);
    lapses.push({
      basis: "soc2_stale",
      date: lastCurrent,
      reason: `SOC 2 report for the period ending ${formatDayForPeople(soc2.periodEnd)} becomes stale after ${formatDayForPeople(lastCurrent)} (${settings.assurance.soc2StaleMonths} months)`,
      subject: { kind: "soc2_report", id: soc2.id },
    });
  }

  for (const cert of validIsoCertificates(dossier.isoCertificates, now)) {
    lapses.push({
      basis: "iso_expiry",
      date: formatIsoDay(cert.expiryDate),
      reason: `ISO 27001 certificate ${cert.certificateNumber} expires on ${formatDayForPeople(cert.expiryDate)}`,
      subject: { kind: "iso_certificate", id: cert.id },
    });
  }

  const policy = latest(dossier.insurancePolicies, (p) => p.expiryDate);
  if (policy) {
    lapses.push({
      basis: "insurance_expiry",
      date: formatIsoDay(policy.expiryDate),
      reason: `Cyber insurance policy ${policy.policyNumber} (${policy.carrier}) expires on ${formatDayForPeople(policy.expiryDate)}`,
      subject: { kind: "insurance_policy", id: policy.id },
    });
  }

  const pentest = latest(dossier.pentests, (p) => p.performedOn);
  if (pentest) {
    const lastCurrent = addMonthsToDay(pentest.performedOn, settings.assurance.pentestMaxAgeMonths);
    lapses.push({
      basis: "pentest_age",
      date: lastCurrent,
      reason: `Penetration test of ${formatDayForPeople(pentest.performedOn)} becomes stale after ${formatDayForPeople(lastCurrent)} (${settings.assurance.pentestMaxAgeMonths} months)`,
      subject: { kind: "pentest", id: pentest.id },
    });
  }

  // Ties go to the cadence (listed first, stable sort): evidence lapsing on the
  // cadence day changes nothing.
  const candidates = [cadence, ...lapses.filter((c) => daysUntil(c.date, now) >= 0)].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  const first = candidates[0]!;
  return { ...first, candidates, cadenceMonths, tier };
}

function latest<T>(records: readonly T[], key: (r: T) => string): T | undefined {
  let best: T | undefined;
  for (const r of records) if (best === undefined || key(r) > key(best)) best = r;
  return best;
}

/** The due day as the instant stored in Assessment.nextDueAt / Vendor.nextAssessmentDue (UTC midnight). */
export function dueDayInstant(day: IsoDate): Date {
  return dayStartInstant(day);
}
