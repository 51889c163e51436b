import { describe, expect, it } from "vitest";
import { assessmentReportFileName, buildAssessmentReport, type ReportInput } from "@/lib/domain/assessments/assessment-report";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { nextAssessmentDue, dueDayInstant } from "@/lib/domain/assessments/next-due";
import { formatScore } from "@/lib/domain/scoring/format";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, kpiPeriod, NOW } from "../helpers/dossier-builder";

function input(overrides: Partial<ReportInput> = {}): ReportInput {
  const dossier = buildDossier({ kpis: [kpiPeriod({ verificationBypassCount: 1 })] });
  const findings = vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW);
  const score = scoreVendor(dossier, DEFAULT_SETTINGS, NOW, { findings });
  return {
    assessment: {
      id: "a1",
      version: 3,
      state: "in_review",
      createdAt: NOW,
      submittedAt: NOW,
      nextDueAt: dueDayInstant(nextAssessmentDue(dossier, DEFAULT_SETTINGS, NOW).date),
      createdByName: "Priya Procurement",
    },
    dossier,
    settings: DEFAULT_SETTINGS,
    findings,
    score,
    signOffs: [{ role: "procurement", decision: "submit", comment: "Ready", signedByName: "Priya Procurement", signedAt: NOW }],
    remediation: [{ id: "r1", title: "Retrain tier 2 agents", dueDate: "2026-03-01", status: "open", ownerName: "Sam Security" }],
    generatedAt: NOW,
    ...overrides,
  };
}

describe("the assessment report model", () => {
  const report = buildAssessmentReport(input());
  const data = input();

  it("puts the frozen score, rating, version and assessor on the cover", () => {
    expect(report.cover).toMatchObject({
      vendorName: "Northwind Support",
      finalScoreText: formatScore(data.score.final),
      rating: data.score.rating,
      version: 3,
      assessmentDay: "2026-03-15",
      assessor: "Priya Procurement",
      tierLabel: "Critical",
    });
  });

  it("has one chart bar per domain and lists every check once: with a result, or as evidence not yet provided", () => {
    expect(report.chart.map((b) => b.key)).toEqual(data.score.domains.map((d) => d.key));
    expect(report.checkGroups.flatMap((g) => g.checks).length + report.missingEvidence.length).toBe(data.score.checks.length);
    expect(report.checkGroups.flatMap((g) => g.checks).some((c) => c.result === "unknown")).toBe(false);
  });

  it("groups every finding by severity, blockers first", () => {
    expect(report.findingGroups.flatMap((g) => g.findings)).toHaveLength(data.findings.length);
    expect(report.findingGroups[0]!.severity).toBe("blocker");
  });

  it("explains the result in plain words: score, band, blockers, who is still to sign, next due", () => {
    const text = report.summary.join(" ");
    expect(text).toContain(`scored ${formatScore(data.score.final)} out of 100`);
    expect(text).toContain("blocker");
    expect(text).toContain("awaiting sign-off from legal and security");
    expect(text).toMatch(/next assessment is due by \d+ \w{3} \d{4}/);
  });

  it("lists evidence with a SHA-256 prefix and what uses it", () => {
    const soc2 = report.evidence.find((e) => e.id === "doc-soc2")!;
    expect(soc2.sha256Prefix).toBe("a".repeat(16));
    expect(soc2.usedBy[0]).toMatch(/^SOC 2 report/);
  });

  it("has one clause row per catalogue clause and the derived transfer matrix", () => {
    expect(report.clauses.map((c) => c.code)).toEqual(CLAUSE_CATALOGUE.clauses.map((c) => c.code));
    expect(report.clauses.every((c) => c.status === "present")).toBe(true);
    expect(report.transfers.map((t) => t.country)).toEqual(["IE", "IN", "PH"]);
  });

  it("shows pending sign-offs and flags overdue remediation as of generation time", () => {
    expect(report.signOffs.map((s) => [s.role, s.pending])).toEqual([
      ["procurement", false],
      ["legal", true],
      ["security", true],
    ]);
    expect(report.remediation[0]!.overdue).toBe(true);
  });

  it("a snapshot without a legal section (made before legal data existed) still renders", () => {
    const old = input();
    const { legal: _legal, ...withoutLegal } = old.dossier;
    const r = buildAssessmentReport({ ...old, dossier: withoutLegal as typeof old.dossier });
    expect(r.clauses.every((c) => c.statusLabel.startsWith("Not reviewed"))).toBe(true);
  });

  it("names the PDF assay-<vendor-slug>-v<version>-<date>.pdf", () => {
    expect(assessmentReportFileName("Bajío Contact Hub", 2, "2026-03-15")).toBe("assay-bajio-contact-hub-v2-2026-03-15.pdf");
    expect(assessmentReportFileName("  ***  ", 1, "2026-03-15")).toBe("assay-vendor-v1-2026-03-15.pdf");
  });
});
