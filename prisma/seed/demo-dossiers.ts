import type { Dossier } from "@/lib/schemas/dossier";
import { buildDossier } from "./demo-builder";
import { DEMO_VENDORS } from "./vendors";

export { DEMO_EVIDENCE_MIME_TYPE, demoEvidenceText, type DemoEvidenceSource } from "./demo-builder";

// Demo vendor dossiers: fictional BPOs (every name, firm, insurer, policy and
// certificate number is invented; websites use .example) that together
// exercise every rule of the findings engine (lib/domain/findings/*.ts). One
// file per vendor in ./vendors/ (the design of each in its opening comment),
// the shared builder in demo-builder.ts.
//
// Demo data must stay meaningful whenever someone runs the seed, so no date
// in a vendor file is absolute: every date is written relative to the `now` passed to
// demoDossiers() ("SOC 2 period ended at the end of the month 17 months
// before now", "insurance expires 30 days after now"). Margins are kept wide
// enough (and month ends are used where a month boundary matters) that the
// intended state holds for any `now`: a "due" SOC 2 is always between 12 and
// 14 months old, a "fresh" one never needs a bridge letter, and so on.
//
// The one exception is in the engine itself: ISO/IEC 27001:2013 certificates
// lapsed on 2025-10-31 (IAF MD 26), so the "superseded version" case only
// fires for a `now` after that day, which every real run is.

/**
 * The instant the demo set was designed against: the tests and the table in
 * the hand-over use it, and DEMO_FINDING_EXPECTATIONS was written for it. It is
 * not the seed's clock; the seed passes the real current time to
 * demoDossiers(), and the expectations hold for any `now` (the tests run a
 * second, different `now` to prove it).
 */
export const DEMO_NOW_ANCHOR: Date = new Date("2026-11-22T12:00:00Z");

/**
 * The findings deliberately built into each vendor, by vendor name (each
 * vendor file's expectedFindings). findingsFor() may raise more; the test
 * checks each of these is among them.
 */
export const DEMO_FINDING_EXPECTATIONS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  DEMO_VENDORS.map((v) => [v.name, v.expectedFindings]),
);

/**
 * The demo dossiers, every date relative to `now` (pass the real current time
 * when seeding). Pure apart from hashing: same `now`, same output.
 */
export function demoDossiers(now: Date): Dossier[] {
  if (Number.isNaN(now.getTime())) throw new RangeError("demoDossiers needs a valid date");
  return DEMO_VENDORS.map((spec) => buildDossier(spec, now));
}
