import type { ContinuityPlan, Dossier, IncidentResponsePlan, InsurancePolicy, IsoCertificate, Pentest, Soc2Report } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import {
  addMonthsToDay,
  daysUntil,
  describeAge,
  describeDue,
  describeRelative,
  formatDayForPeople,
  isMoreThanMonthsAfter,
} from "../dates";
import { ISO_2013_LAST_VALID_DAY, isoCertificateState } from "./iso-status";
import { soc2CurrencyState } from "./soc2-status";

// The one projection of every evidence record's state (docs/rules.md §2, §3).
// Badges, the evidence timeline, the sites tab and the PDF all read these, and
// each one is computed with the same helpers as the findings engine
// (soc2-status.ts, iso-status.ts, the document and insurance rules), so a badge
// can never say "Valid" while a finding says "superseded" or "stale".

/** How a status reads at a glance; the words carry the meaning, the colour repeats it. */
export type Tone = "ok" | "warn" | "bad" | "blocker" | "muted" | "info";

/** The lifecycle a person sees, shared by every record kind. */
export type RecordStateKey = "valid" | "expiring" | "expired" | "superseded" | "stale" | "untested";

export interface RecordState {
  state: RecordStateKey;
  label: string;
  tone: Tone;
  /** Relative wording for people: "stale for 3 months", "expires in 12 days". */
  detail: string;
}

/** Still counts as evidence (valid or expiring soon, not yet lapsed). */
export function isCurrentState(s: RecordState): boolean {
  return s.state === "valid" || s.state === "expiring";
}

/** SOC 2: current / due for renewal / stale, counted from the audit period end (§2). */
export function soc2RecordState(report: Pick<Soc2Report, "periodEnd">, settings: Settings, now: Date): RecordState & { validUntil: string } {
  const { soc2StaleMonths, soc2DueMonths } = settings.assurance;
  const validUntil = addMonthsToDay(report.periodEnd, soc2StaleMonths);
  switch (soc2CurrencyState(report, settings, now)) {
    case "stale":
      return { state: "stale", label: "Stale", tone: "bad", detail: describeAge(validUntil, now), validUntil };
    case "due":
      return { state: "expiring", label: "Due for renewal", tone: "warn", detail: staleAfter(validUntil, now), validUntil };
    default:
      return { state: "valid", label: "Current", tone: "ok", detail: describeDue(addMonthsToDay(report.periodEnd, soc2DueMonths), now, "renewal"), validUntil };
  }
}

/** ISO/IEC 27001: expired / superseded (2013 edition after the transition) / expiring / valid (§2). */
export function isoRecordState(cert: Pick<IsoCertificate, "expiryDate" | "standardVersion">, settings: Settings, now: Date): RecordState {
  const detail = describeDue(cert.expiryDate, now, "expiry");
  switch (isoCertificateState(cert, now)) {
    case "expired":
      return { state: "expired", label: "Expired", tone: "bad", detail };
    case "superseded":
      return {
        state: "superseded",
        label: "Superseded",
        tone: "bad",
        detail: `2013 edition; such certificates lapsed after ${formatDayForPeople(ISO_2013_LAST_VALID_DAY)}`,
      };
    default:
      if (daysUntil(cert.expiryDate, now) <= settings.assurance.isoExpiringDays) return { state: "expiring", label: "Expiring", tone: "warn", detail };
      return { state: "valid", label: "Valid", tone: "ok", detail };
  }
}

/** Insurance: in force / expiring (within expiringDays) / expired (§3). */
export function insuranceRecordState(policy: Pick<InsurancePolicy, "expiryDate">, settings: Settings, now: Date): RecordState {
  const days = daysUntil(policy.expiryDate, now);
  const detail = describeDue(policy.expiryDate, now, "expiry");
  if (days < 0) return { state: "expired", label: "Expired", tone: "bad", detail };
  if (days <= settings.insurance.expiringDays) return { state: "expiring", label: "Expiring", tone: "warn", detail };
  return { state: "valid", label: "In force", tone: "ok", detail };
}

/** Pen test: recent / stale after pentestMaxAgeMonths (§2). */
export function pentestRecordState(test: Pick<Pentest, "performedOn">, settings: Settings, now: Date): RecordState & { validUntil: string } {
  const max = settings.assurance.pentestMaxAgeMonths;
  const validUntil = addMonthsToDay(test.performedOn, max);
  if (isMoreThanMonthsAfter(test.performedOn, max, now)) {
    return { state: "stale", label: "Stale", tone: "bad", detail: describeAge(validUntil, now), validUntil };
  }
  return { state: "valid", label: "Recent", tone: "ok", detail: staleAfter(validUntil, now), validUntil };
}

/**
 * Incident response plan: tested within incidentResponseTestMaxAgeMonths, overdue,
 * or never tested (§2). A business continuity plan has no test rule: on file is enough.
 */
export function planRecordState(
  kind: "ir_plan" | "bcp",
  plan: Pick<IncidentResponsePlan | ContinuityPlan, "lastTestedOn">,
  settings: Settings,
  now: Date,
): RecordState {
  if (plan.lastTestedOn === undefined) {
    return { state: "untested", label: "Never tested", tone: "warn", detail: "" };
  }
  const max = settings.assurance.incidentResponseTestMaxAgeMonths;
  if (kind === "ir_plan" && isMoreThanMonthsAfter(plan.lastTestedOn, max, now)) {
    return { state: "stale", label: "Test overdue", tone: "warn", detail: describeAge(addMonthsToDay(plan.lastTestedOn, max), now, "overdue") };
  }
  return { state: "valid", label: "Tested", tone: "ok", detail: "" };
}

/** "stale after 31 May 2026 (in 2 months)": the last good day is validUntil. */
function staleAfter(validUntil: string, now: Date): string {
  return `stale after ${formatDayForPeople(validUntil)} (${describeRelative(validUntil, now)})`;
}

export interface EvidenceRecordState extends RecordState {
  kind: "soc2" | "iso" | "pentest" | "insurance" | "ir_plan" | "bcp";
  id: string;
}

/** Every evidence record's state in one list (the CLI prints it; the tabs show the same badges). */
export function evidenceRecordStates(
  dossier: Pick<Dossier, "soc2Reports" | "isoCertificates" | "pentests" | "insurancePolicies" | "incidentResponsePlans" | "continuityPlans">,
  settings: Settings,
  now: Date,
): EvidenceRecordState[] {
  const strip = ({ state, label, tone, detail }: RecordState) => ({ state, label, tone, detail });
  return [
    ...dossier.soc2Reports.map((r) => ({ kind: "soc2" as const, id: r.id, ...strip(soc2RecordState(r, settings, now)) })),
    ...dossier.isoCertificates.map((c) => ({ kind: "iso" as const, id: c.id, ...strip(isoRecordState(c, settings, now)) })),
    ...dossier.pentests.map((p) => ({ kind: "pentest" as const, id: p.id, ...strip(pentestRecordState(p, settings, now)) })),
    ...dossier.insurancePolicies.map((p) => ({ kind: "insurance" as const, id: p.id, ...strip(insuranceRecordState(p, settings, now)) })),
    ...dossier.incidentResponsePlans.map((p) => ({ kind: "ir_plan" as const, id: p.id, ...strip(planRecordState("ir_plan", p, settings, now)) })),
    ...dossier.continuityPlans.map((p) => ({ kind: "bcp" as const, id: p.id, ...strip(planRecordState("bcp", p, settings, now)) })),
  ];
}
