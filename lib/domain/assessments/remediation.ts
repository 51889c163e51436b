import { daysUntil, describeDue, formatDayForPeople, type IsoDate } from "../dates";
import type { Finding } from "../findings/finding";

// Remediation items (docs/rules.md §9): the conditions of an approval turned into
// work with an owner and a due date. An item still open after its due day is
// overdue, and overdue items feed the vendor's findings as
// "remediation.overdue" (composed with the dossier rules by vendorFindingsFor,
// lib/domain/findings/vendor-findings.ts, from items the service loads, because
// remediation is workflow data, not part of the dossier interchange format).

export const REMEDIATION_STATUSES = ["open", "in_progress", "done", "waived"] as const;
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number];
export const REMEDIATION_STATUS_LABELS: Record<RemediationStatus, string> = {
  open: "Open",
  in_progress: "In progress",
  done: "Done",
  waived: "Waived",
};
/** Still work to do. */
export const OPEN_REMEDIATION_STATUSES: readonly RemediationStatus[] = ["open", "in_progress"];

export const REMEDIATION_SOURCE = "organisation policy (conditions of approval become remediation items with an owner and a due date)";

export interface RemediationLike {
  id: string;
  title: string;
  status: string;
  /** "YYYY-MM-DD": the last day to finish. */
  dueDate: IsoDate;
  findingCode?: string | null;
}

export function isRemediationOpen(item: Pick<RemediationLike, "status">): boolean {
  return (OPEN_REMEDIATION_STATUSES as readonly string[]).includes(item.status);
}

/** Open after its due day (the due day itself is still in time). */
export function isRemediationOverdue(item: Pick<RemediationLike, "status" | "dueDate">, now: Date): boolean {
  return isRemediationOpen(item) && daysUntil(item.dueDate, now) < 0;
}

export function remediationFindings(items: readonly RemediationLike[], now: Date): Finding[] {
  return items
    .filter((item) => isRemediationOverdue(item, now))
    .map((item) => {
      const due = formatDayForPeople(item.dueDate);
      const status = REMEDIATION_STATUS_LABELS[item.status as RemediationStatus]?.toLowerCase() ?? item.status;
      return {
        code: "remediation.overdue",
        severity: "high" as const,
        message: `Remediation "${item.title}" was due on ${due} and is ${describeDue(item.dueDate, now, "deadline")} (still ${status}).`,
        observed: `${status}, ${describeDue(item.dueDate, now, "deadline")}`,
        threshold: `done or waived by ${due}`,
        source: REMEDIATION_SOURCE,
        subject: { kind: "remediation", id: item.id, label: item.title },
      };
    });
}
