import { formatIsoDay } from "../dates";

// Evidence dated in the future (docs/assessments.md, "Evidence dated in the
// future"; docs/rules.md §8) is invalid input, not current evidence: a SOC 2
// period that ends after today, a certificate issued after today, a pen test
// performed tomorrow. The record save service refuses it with a field error
// at the time of saving, and the rules never count such a record as current
// (a dossier imported or frozen before the check keeps it, so the domain must
// hold the line too).

/** Per record kind, the fields that must not lie after today, with the message shown next to the field. */
export const NOT_AFTER_TODAY: Readonly<Record<string, readonly { field: string; message: string }[]>> = {
  soc2: [
    { field: "periodEnd", message: "The audit period cannot end after today" },
    { field: "issueDate", message: "A report cannot be issued after today" },
    { field: "bridgeLetterDate", message: "A bridge letter cannot be dated after today" },
  ],
  iso: [{ field: "issueDate", message: "A certificate cannot be issued after today" }],
  pentest: [{ field: "performedOn", message: "A penetration test cannot be dated after today" }],
  security_policy: [{ field: "approvedOn", message: "A policy cannot be approved after today" }],
  ir_plan: [{ field: "lastTestedOn", message: "A plan cannot have been tested after today" }],
  bcp: [{ field: "lastTestedOn", message: "A plan cannot have been tested after today" }],
  review: [{ field: "heldOn", message: "A review cannot be held after today" }],
  incident: [
    { field: "detectedAt", message: "An incident cannot be detected after now" },
    { field: "notifiedAt", message: "An incident cannot be notified after now" },
  ],
};

/** A "YYYY-MM-DD" day after today, or an ISO date-time after now. */
export function isAfterNow(value: string, now: Date): boolean {
  return value.length === 10 ? value > formatIsoDay(now) : Date.parse(value) > now.getTime();
}

/** Field errors for a record of `kind` whose dates lie in the future at `now` (empty when none). */
export function futureDatedFieldErrors(kind: string, data: Record<string, unknown>, now: Date): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of NOT_AFTER_TODAY[kind] ?? []) {
    const value = data[field];
    if (typeof value === "string" && value !== "" && isAfterNow(value, now)) errors[field] = message;
  }
  return errors;
}

/**
 * A SOC 2 report whose audit period ends after today never counts as current:
 * its age (what currency is measured by) would be negative. The save service
 * also refuses an issue date after today.
 */
export function isFutureDatedSoc2(r: { periodEnd: string }, now: Date): boolean {
  return isAfterNow(r.periodEnd, now);
}
