// Is a frozen assessment snapshot older than the live data?
//
// Compared by content, not by timestamps: each top-level section of the
// dossier (and the settings) is written as canonical JSON (sorted keys, the
// audit chain's format) after a JSON round trip, which is exactly what the
// snapshot column holds, so key order (PostgreSQL jsonb reorders keys) and
// undefined-vs-absent never raise a false alarm, and an edit that is undone
// does not count as a change. Pure: node:crypto is used only as a hash.
import { createHash } from "node:crypto";
import { canonicalJson } from "../audit/canonical-json";

export const DOSSIER_SECTION_LABELS: Record<string, string> = {
  formatVersion: "Dossier format",
  profile: "Profile",
  sites: "Delivery sites",
  documents: "Evidence documents",
  soc2Reports: "SOC 2 reports",
  isoCertificates: "ISO 27001 certificates",
  pentests: "Penetration tests",
  securityPolicies: "Security policies",
  incidentResponsePlans: "Incident response plans",
  continuityPlans: "Business continuity plans",
  insurancePolicies: "Insurance",
  controlCatalogue: "Control catalogue",
  controls: "Controls",
  kpis: "KPIs",
  incidents: "Incidents",
  securityReviews: "Security reviews",
  legal: "Legal review",
};

function canonical(value: unknown): string {
  return value === undefined ? "null" : canonicalJson(JSON.parse(JSON.stringify(value)));
}

/** SHA-256 of the canonical JSON of a dossier (or any snapshot value). */
export function snapshotFingerprint(value: unknown): string {
  return createHash("sha256").update(canonical(value), "utf8").digest("hex");
}

export interface SnapshotFreshness {
  stale: boolean;
  /** Dossier sections that differ, as labels, in the dossier's order. */
  changedSections: string[];
  settingsChanged: boolean;
  snapshotFingerprint: string;
  liveFingerprint: string;
}

export function compareSnapshotWithLive(
  snapshot: { dossier: unknown; settings: unknown },
  live: { dossier: unknown; settings: unknown },
): SnapshotFreshness {
  const frozen = asRecord(snapshot.dossier);
  const current = asRecord(live.dossier);
  const keys = [...new Set([...Object.keys(DOSSIER_SECTION_LABELS), ...Object.keys(frozen), ...Object.keys(current)])];
  const changedSections = keys
    .filter((key) => canonical(frozen[key]) !== canonical(current[key]))
    .map((key) => DOSSIER_SECTION_LABELS[key] ?? key);
  const settingsChanged = canonical(snapshot.settings) !== canonical(live.settings);
  return {
    stale: changedSections.length > 0 || settingsChanged,
    changedSections,
    settingsChanged,
    snapshotFingerprint: snapshotFingerprint(snapshot.dossier),
    liveFingerprint: snapshotFingerprint(live.dossier),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
