import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import { addDaysToDay, addMonthsToDay } from "../dates";
import type { Finding } from "../findings/finding";
import { soc2Status, type Soc2State } from "../assurance/soc2-status";

/** The per-vendor figures the vendors list filters and sorts on. */
export interface VendorSummary {
  blockerCount: number;
  highCount: number;
  mediumCount: number;
  lowCount: number;
  soc2State: Soc2State;
  /** First day the current report is stale: the day after period end + N months. */
  soc2StaleFrom: string | null;
}

export function summariseVendor(dossier: Dossier, findings: readonly Finding[], settings: Settings, now: Date): VendorSummary {
  const count = (severity: Finding["severity"]) => findings.filter((f) => f.severity === severity).length;
  const soc2 = soc2Status(dossier, settings, now);
  const staleBoundary = soc2.report ? addMonthsToDay(soc2.report.periodEnd, settings.assurance.soc2StaleMonths) : null;
  return {
    blockerCount: count("blocker"),
    highCount: count("high"),
    mediumCount: count("medium"),
    lowCount: count("low"),
    soc2State: soc2.state,
    // "More than N months" is strictly after the boundary day (see isMoreThanMonthsAfter).
    soc2StaleFrom: staleBoundary ? addDaysToDay(staleBoundary, 1) : null,
  };
}
