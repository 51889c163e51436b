import { describe, expect, it } from "vitest";
import { findingsFor, FINDING_RULES, sortFindings } from "@/lib/domain/findings/dossier-findings";
import type { Finding } from "@/lib/domain/findings/finding";
import type { FindingRule } from "@/lib/domain/findings/rules/context";
import { dossierSchema } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, cleanDossier, insurancePolicy, NOW, soc2Report } from "./helpers/dossier-builder";

describe("findings engine", () => {
  it("the clean dossier is valid interchange data", () => {
    expect(dossierSchema.safeParse(cleanDossier()).success).toBe(true);
  });

  it("the clean dossier raises no finding, so every rule can stay silent", () => {
    expect(findingsFor(cleanDossier(), DEFAULT_SETTINGS, NOW)).toEqual([]);
  });

  it("an empty dossier raises the 'missing' finding of every evidence family", () => {
    const codes = findingsFor(
      buildDossier({
        soc2Reports: [],
        isoCertificates: [],
        insurancePolicies: [],
        pentests: [],
        incidentResponsePlans: [],
        securityPolicies: [],
        continuityPlans: [],
        sites: [],
        controls: [],
        kpis: [],
        incidents: [],
        securityReviews: [],
      }),
      DEFAULT_SETTINGS,
      NOW,
    ).map((f) => f.code);
    for (const code of [
      "soc2.missing",
      "iso.missing",
      "insurance.missing",
      "pentest.missing",
      "incident_response.missing",
      "security_policy.missing",
      "bcp.missing",
      "site.none_recorded",
      "control.unknown",
      "kpi.none_recorded",
      "review.none_held",
    ]) {
      expect(codes).toContain(code);
    }
  });

  it("sorts by severity, then code, then subject", () => {
    const f = (code: string, severity: Finding["severity"], id?: string): Finding => ({
      code,
      severity,
      message: code,
      source: "test",
      subject: { kind: "x", id },
    });
    const sorted = sortFindings([f("b", "low"), f("z", "blocker"), f("a", "low", "2"), f("a", "low", "1"), f("m", "high")]);
    expect(sorted.map((x) => `${x.severity}:${x.code}:${x.subject.id ?? ""}`)).toEqual([
      "blocker:z:",
      "high:m:",
      "low:a:1",
      "low:a:2",
      "low:b:",
    ]);
  });

  it("returns findings sorted across rule modules", () => {
    const findings = findingsFor(
      buildDossier({
        soc2Reports: [soc2Report({ exceptionCount: 2 })],
        insurancePolicies: [insurancePolicy({ expiryDate: "2026-04-01" })],
      }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(findings.map((x) => x.code)).toEqual(["soc2.exceptions", "insurance.expiring"]);
  });

  it("composes an extra rule module by appending it to the list", () => {
    const legal: FindingRule = () => [
      { code: "legal.example", severity: "blocker", message: "x", source: "test", subject: { kind: "clause" } },
    ];
    const codes = findingsFor(cleanDossier(), DEFAULT_SETTINGS, NOW, [...FINDING_RULES, legal]).map((f) => f.code);
    expect(codes).toEqual(["legal.example"]);
  });

  it("every finding quotes a source, an observed value and a threshold", () => {
    const findings = findingsFor(
      buildDossier({ soc2Reports: [], isoCertificates: [], insurancePolicies: [], controls: [], kpis: [] }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(findings.length).toBeGreaterThan(0);
    for (const finding of findings) {
      expect(finding.source).not.toBe("");
      expect(finding.observed).toBeTruthy();
      expect(finding.threshold).toBeTruthy();
    }
  });
});
