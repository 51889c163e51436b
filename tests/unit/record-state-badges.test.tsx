import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RecordStateBadge } from "@/components/dossier/status-badges";
import {
  insuranceRecordState,
  isoRecordState,
  pentestRecordState,
  planRecordState,
  soc2RecordState,
  type RecordState,
} from "@/lib/domain/assurance/record-states";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, insurancePolicy, isoCertificate, NOW, pentest, soc2Report } from "./helpers/dossier-builder";
import { findingsOf } from "./helpers/run-findings";

// Every evidence badge comes from one projection (docs/rules.md §2-3) and the
// Assurance/Insurance tabs only format it. NOW is 15 Mar 2026; the thresholds
// are the defaults: SOC 2 due at 12 and stale after 14 months, ISO expiring
// within 90 days, insurance within 60, pen test stale after 12 months, the
// incident response plan tested within 12 months.

const settings = DEFAULT_SETTINGS;
const badge = (state: RecordState) => renderToStaticMarkup(<RecordStateBadge state={state} />);
const TONE_CLASS = { ok: "status-ok", warn: "sev-medium", bad: "sev-high" } as const;

type Case = [kind: string, state: RecordState, key: RecordState["state"], label: string, tone: keyof typeof TONE_CLASS];

const cases: Case[] = [
  ["SOC 2", soc2RecordState(soc2Report({ periodEnd: "2025-12-31" }), settings, NOW), "valid", "Current", "ok"],
  ["SOC 2", soc2RecordState(soc2Report({ periodEnd: "2025-02-28" }), settings, NOW), "expiring", "Due for renewal", "warn"],
  ["SOC 2", soc2RecordState(soc2Report({ periodEnd: "2024-12-31" }), settings, NOW), "stale", "Stale", "bad"],
  ["ISO 27001", isoRecordState(isoCertificate({ expiryDate: "2027-06-30" }), settings, NOW), "valid", "Valid", "ok"],
  ["ISO 27001", isoRecordState(isoCertificate({ expiryDate: "2026-05-01" }), settings, NOW), "expiring", "Expiring", "warn"],
  ["ISO 27001", isoRecordState(isoCertificate({ expiryDate: "2026-03-14" }), settings, NOW), "expired", "Expired", "bad"],
  ["ISO 27001", isoRecordState(isoCertificate({ standardVersion: "2013", expiryDate: "2027-06-30" }), settings, NOW), "superseded", "Superseded", "bad"],
  ["Insurance", insuranceRecordState(insurancePolicy({ expiryDate: "2026-12-31" }), settings, NOW), "valid", "In force", "ok"],
  ["Insurance", insuranceRecordState(insurancePolicy({ expiryDate: "2026-04-30" }), settings, NOW), "expiring", "Expiring", "warn"],
  ["Insurance", insuranceRecordState(insurancePolicy({ expiryDate: "2026-03-01" }), settings, NOW), "expired", "Expired", "bad"],
  ["Pen test", pentestRecordState(pentest({ performedOn: "2025-11-10" }), settings, NOW), "valid", "Recent", "ok"],
  ["Pen test", pentestRecordState(pentest({ performedOn: "2024-12-01" }), settings, NOW), "stale", "Stale", "bad"],
  ["IR plan", planRecordState("ir_plan", { lastTestedOn: "2025-09-01" }, settings, NOW), "valid", "Tested", "ok"],
  ["IR plan", planRecordState("ir_plan", { lastTestedOn: "2024-09-01" }, settings, NOW), "stale", "Test overdue", "warn"],
  ["IR plan", planRecordState("ir_plan", {}, settings, NOW), "untested", "Never tested", "warn"],
  ["Continuity plan", planRecordState("bcp", { lastTestedOn: "2020-01-01" }, settings, NOW), "valid", "Tested", "ok"],
];

describe("record state badges", () => {
  it.each(cases)("%s: %j → %s badge", (_kind, state, key, label, tone) => {
    expect(state.state).toBe(key);
    const html = badge(state);
    expect(html).toContain(`>${label}</span>`);
    expect(html).toContain(TONE_CLASS[tone]);
  });

  it("covers every state of every evidence kind", () => {
    const seen = new Set(cases.map(([kind, , key]) => `${kind}:${key}`));
    for (const expected of ["SOC 2:valid", "SOC 2:expiring", "SOC 2:stale", "ISO 27001:valid", "ISO 27001:expiring", "ISO 27001:expired", "ISO 27001:superseded", "Insurance:valid", "Insurance:expiring", "Insurance:expired", "Pen test:valid", "Pen test:stale", "IR plan:valid", "IR plan:stale", "IR plan:untested"]) {
      expect(seen).toContain(expected);
    }
  });

  it("an ISO certificate to the 2013 edition reads Superseded, as the findings engine raises it", () => {
    const cert = isoCertificate({ standardVersion: "2013", issueDate: "2023-01-10", expiryDate: "2026-11-30" });
    const html = badge(isoRecordState(cert, settings, NOW));
    expect(html).toContain(">Superseded</span>");
    expect(html).not.toContain(">Valid</span>");
    const codes = findingsOf(buildDossier({ isoCertificates: [cert] }), "iso.").map((f) => f.code);
    expect(codes).toContain("iso.superseded_version");
  });

  it("a 2013 certificate that has also expired reads Expired", () => {
    expect(badge(isoRecordState(isoCertificate({ standardVersion: "2013", expiryDate: "2026-01-31" }), settings, NOW))).toContain(">Expired</span>");
  });
});
