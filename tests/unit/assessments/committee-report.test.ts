import { describe, expect, it } from "vitest";
import { buildAssessmentReport, type ReportInput } from "@/lib/domain/assessments/assessment-report";
import { readerSource } from "@/lib/domain/findings/reader-source";
import { committeeArithmetic, roundTenth } from "@/lib/domain/assessments/report-arithmetic";
import { recommendationFor } from "@/lib/domain/assessments/report-recommendation";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { CapResult, Rating, ScoreResult } from "@/lib/domain/scoring/types";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, kpiPeriod, NOW } from "../helpers/dossier-builder";

// The PDF as a committee document (docs/rules.md §8-10): a written
// recommendation from the band, the ceilings and the sign-offs; arithmetic
// with units, rounded; unknown checks grouped; sources as a reader knows
// them; blank sign-off comments and approvals against the rating marked.

function input(overrides: Partial<ReportInput> = {}, dossier = buildDossier({ kpis: [kpiPeriod({ verificationBypassCount: 1 })] })): ReportInput {
  const findings = vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW);
  const score = scoreVendor(dossier, DEFAULT_SETTINGS, NOW, { findings });
  return {
    assessment: { id: "a1", version: 1, state: "in_review", createdAt: NOW, submittedAt: NOW, createdByName: "Priya Procurement" },
    dossier,
    settings: DEFAULT_SETTINGS,
    findings,
    score,
    signOffs: [],
    remediation: [],
    generatedAt: NOW,
    ...overrides,
  };
}

const rating = (band: Rating["band"]): Rating =>
  ({ low: { band, label: "Low residual risk", shortLabel: "Low", decision: "Approve", from: 80 }, medium: { band, label: "Medium", shortLabel: "Medium", decision: "Approve with conditions", from: 60 }, high: { band, label: "High", shortLabel: "High", decision: "Remediation before approval", from: 40 }, critical: { band, label: "Critical", shortLabel: "Critical", decision: "Reject", from: 0 } })[band];

const high = (code: string) => ({ code, severity: "high" as const, message: `High ${code}`, source: "x", subject: { kind: "vendor" } });

describe("the written recommendation", () => {
  it.each([
    ["low", "Approve"],
    ["medium", "Approve with conditions"],
    ["high", "Approve only with a recorded risk acceptance"],
    ["critical", "Reject"],
  ] as const)("band %s → %s", (band, verdict) => {
    expect(recommendationFor({ rating: rating(band), caps: [], findings: [], signOffs: [], remediation: [], state: "in_review", stale: false }).verdict).toBe(verdict);
  });

  it("Medium with two high findings names the remediation deadline", () => {
    const r = recommendationFor({
      rating: rating("medium"),
      caps: [],
      findings: [high("soc2.stale"), high("iso.expired")],
      signOffs: [],
      remediation: [
        { findingCode: "soc2.stale", dueDate: "2026-05-01", status: "open" },
        { findingCode: "iso.expired", dueDate: "2026-06-15", status: "open" },
      ],
      state: "in_review",
      stale: false,
    });
    expect(r.sentences.join(" ")).toContain("2 high findings must be remediated by 15 Jun 2026");
  });

  it("explains any ceiling that held the score down, whatever its code", () => {
    const cap: CapResult = { code: "future_ceiling" as CapResult["code"], label: "an open high finding", limit: 79.9, triggered: true, lowered: true, reason: "" };
    const r = recommendationFor({ rating: rating("medium"), caps: [cap], findings: [], signOffs: [], remediation: [], state: "in_review", stale: false });
    expect(r.sentences.join(" ")).toContain("held down by an open high finding");
  });

  it("says when a reviewer approved without a comment against the rating", () => {
    const r = recommendationFor({ rating: rating("critical"), caps: [], findings: [], signOffs: [{ role: "legal", decision: "approve", comment: "  " }], remediation: [], state: "in_review", stale: false });
    expect(r.sentences.join(" ")).toMatch(/Legal approved without a comment, although the rating calls for "reject"/);
  });

  it("a snapshot older than the dossier asks for a re-assessment first", () => {
    const r = recommendationFor({ rating: rating("low"), caps: [], findings: [], signOffs: [], remediation: [], state: "in_review", stale: true });
    expect(r.verdict).toBe("Re-assess first");
    expect(r.sentences[0]).toMatch(/changed since this snapshot: re-assess before deciding/);
  });
});

describe("the committee arithmetic", () => {
  it("rounds to the nearest tenth instead of cutting", () => {
    expect(roundTenth(0.675)).toBe("0.7");
    expect(roundTenth(4.545)).toBe("4.5");
    expect(roundTenth(15.65)).toBe("15.7");
  });

  it("states weights in per cent and contributions in points, and they add up", () => {
    const score = input().score;
    const lines = committeeArithmetic(score);
    const access = score.domains.find((d) => d.key === "accessEndpoint")!;
    const line = lines.find((l) => l.left.startsWith(`${access.label}: `) && l.left.includes("% weight"))!;
    expect(line.left).toBe(`${access.label}: ${roundTenth(access.score!)} of 100 × ${access.weight}% weight`);
    expect(line.right).toBe(`= ${roundTenth((access.score! * access.weight) / 100)} points`);
    expect(lines.at(-1)!.right).toMatch(/^\d+\.\d → \w/);
  });

  it("the final score is rounded down, and says so when rounding would have shown a better band", () => {
    const score = input().score;
    const last = committeeArithmetic({ ...score, final: 79.96, rating: rating("medium") }).at(-1)!;
    expect(last.right).toBe("79.9 → Medium (out of 100, rounded down)");
    expect(committeeArithmetic({ ...score, final: 59, rating: rating("high") }).at(-1)!.right).toBe("59.0 → High (out of 100)");
  });

  it("a domain at 4.5 of 100 with weight 15 contributes 0.7 points, not 0.6", () => {
    const score = input().score;
    const domains = score.domains.map((d) => (d.key === "accessEndpoint" ? { ...d, score: 4.5454, contribution: 0.68181, included: true } : d));
    const line = committeeArithmetic({ ...score, domains } as ScoreResult).find((l) => l.left.startsWith("Access") && l.left.includes("% weight"))!;
    expect(line.right).toBe("= 0.7 points");
  });
});

describe("no internals in the report model", () => {
  it.each([
    ["Seed 000 (SOC 2 currency rule)", "AICPA SOC 2; organisation policy"],
    ["docs/rules.md §4; Seed 000 (right-to-audit clause); GDPR Art. 28(3)(h)", "GDPR Art. 28(3)(h); organisation policy"],
    ["IAF MD 26 (ISO/IEC 27001:2013 transition ended 31 Oct 2025)", "IAF MD 26 (ISO/IEC 27001:2013 transition ended 31 Oct 2025)"],
    ["docs/rules.md §4 (contract term)", "organisation policy"],
  ])("source %s reads %s", (source, expected) => {
    expect(readerSource(source)).toBe(expected);
  });

  it("groups unknown checks as evidence not yet provided, with what is needed", () => {
    // No control assessed yet: every control check is unknown.
    const dossier = buildDossier({ controls: [] });
    const scored = input({}, dossier);
    const unknownChecks = scored.score.checks.filter((c) => c.result === "unknown");
    expect(unknownChecks.length).toBeGreaterThan(5);
    const report = buildAssessmentReport(scored);
    expect(report.checkGroups.flatMap((g) => g.checks).filter((c) => c.result === "unknown")).toEqual([]);
    expect(report.missingEvidence.map((m) => m.title)).toEqual(unknownChecks.map((c) => c.title));
    expect(report.missingEvidence.every((m) => m.required.length > 0)).toBe(true);
  });

  it("findings carry no rule code and a reader's source", () => {
    const report = buildAssessmentReport(input());
    const text = JSON.stringify(report.findingGroups);
    for (const f of input().findings) expect(text).not.toContain(`"${f.code}"`);
    expect(text).not.toMatch(/Seed \d|domain\.md/);
  });

  it("marks a blank sign-off comment and an approval the rating does not support", () => {
    const report = buildAssessmentReport(input({ signOffs: [{ role: "legal", decision: "approve", comment: "", signedByName: "Lee Legal", signedAt: NOW }] }));
    const legal = report.signOffs.find((s) => s.role === "legal")!;
    expect(legal.blankComment).toBe(true);
    expect(legal.againstRating).toMatch(/policy/);
  });

  it("says on the cover when the dossier changed after the snapshot", () => {
    const report = buildAssessmentReport(input({ freshness: { stale: true, changedSections: ["SOC 2 reports"], settingsChanged: false } }));
    expect(report.cover.freshnessNotice).toContain("The dossier has changed since this snapshot was taken (SOC 2 reports).");
    expect(buildAssessmentReport(input()).cover.freshnessNotice).toBeNull();
  });
});
