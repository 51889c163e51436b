import type { Finding } from "../finding";
import { formatDayForPeople, hoursBetween, plural } from "../dates";
import { notificationDelayHours } from "../incident-notification";
import type { FindingRule } from "./context";
import { SOURCES } from "./sources";

/**
 * "24 hours", "24 hours 1 minute", "45 minutes". Elapsed time rounds up to the
 * minute so a late notice never reads as on time; time left rounds down.
 */
function hours(n: number, round: "up" | "down" = "up"): string {
  const totalMinutes = round === "up" ? Math.ceil(n * 60 - 1e-9) : Math.floor(n * 60 + 1e-9);
  const h = Math.floor(totalMinutes / 60);
  const m = totalMinutes % 60;
  if (h === 0) return plural(m, "minute");
  return m === 0 ? plural(h, "hour") : `${plural(h, "hour")} ${plural(m, "minute")}`;
}

/**
 * Incident notification (domain.md §7, contract SLA §4): the vendor must tell
 * us within incidentNotificationMaxHours of detection (exactly on the limit
 * passes). An incident not yet notified is late once the window has passed.
 */
export const incidentRules: FindingRule = (ctx) => {
  const maxHours = ctx.settings.contract.incidentNotificationMaxHours;
  const findings: Finding[] = [];
  for (const incident of ctx.dossier.incidents) {
    const detected = formatDayForPeople(incident.detectedAt);
    const subject = { kind: "incident", id: incident.id, label: `Incident detected ${detected}` };
    const gdpr = incident.personalDataInvolved
      ? " Personal data was involved, so our GDPR Art. 33 72-hour clock was running."
      : "";
    const delay = notificationDelayHours(incident);
    if (delay === null) {
      const waited = hoursBetween(incident.detectedAt, ctx.now);
      if (waited > maxHours) {
        findings.push({
          code: "incident.not_notified",
          severity: "high",
          message: `The vendor has not notified us of the incident detected on ${detected}, ${hours(waited)} ago; the contract requires notice within ${hours(maxHours)}.${gdpr}`,
          observed: `not notified after ${hours(waited)}`,
          threshold: `notified within ${hours(maxHours)}`,
          source: SOURCES.incidentNotification,
          subject,
        });
      } else {
        findings.push({
          code: "incident.notification_pending",
          severity: "low",
          message: `The incident detected on ${detected} has not been notified yet; ${hours(maxHours - waited, "down")} of the ${hours(maxHours)} window remain.${gdpr}`,
          observed: `${hours(waited)} since detection`,
          threshold: `notified within ${hours(maxHours)}`,
          source: SOURCES.incidentNotification,
          subject,
        });
      }
    } else if (delay > maxHours) {
      findings.push({
        code: "incident.notified_late",
        severity: "high",
        message: `The incident detected on ${detected} was notified after ${hours(delay)}; the contract allows ${hours(maxHours)}.${gdpr}`,
        observed: `notified after ${hours(delay)}`,
        threshold: `within ${hours(maxHours)}`,
        source: SOURCES.incidentNotification,
        subject,
      });
    }
  }
  return findings;
};
