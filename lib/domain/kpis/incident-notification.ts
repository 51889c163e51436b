import type { Incident } from "@/lib/schemas/dossier";
import { hoursBetween } from "../dates";

/**
 * Hours from the vendor detecting an incident to notifying us (exact,
 * fractional); null while we have not been notified. Compared with the
 * contract's 24h SLA (docs/rules.md), which leaves room in GDPR Art. 33's 72 hours.
 */
export function notificationDelayHours(incident: Pick<Incident, "detectedAt" | "notifiedAt">): number | null {
  if (incident.notifiedAt === undefined) return null;
  return hoursBetween(incident.detectedAt, incident.notifiedAt);
}
