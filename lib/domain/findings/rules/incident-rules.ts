import type { Finding } from "../finding";
import { formatDayForPeople, hoursBetween } from "../../dates";
import { formatHours as hours } from "../../durations";
import { notificationDelayHours } from "../../kpis/incident-notification";
import type { FindingRule } from "./context";
import { SOURCES } from "./sources";

/**
 * Incident notification (docs/rules.md §7, contract SLA §4): the vendor must tell
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
