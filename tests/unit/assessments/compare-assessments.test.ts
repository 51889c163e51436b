import { describe, expect, it } from "vitest";
import { compareAssessments, findingKey, type ComparedAssessment } from "@/lib/domain/assessments/compare-assessments";
import type { Finding } from "@/lib/domain/findings/finding";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, kpiPeriod, NOW, pentest } from "../helpers/dossier-builder";

function frozen(id: string, version: number, dossier: Dossier): ComparedAssessment {
  const findings = vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW);
  return { id, version, score: scoreVendor(dossier, DEFAULT_SETTINGS, NOW, { findings }), findings };
}

// v1: the pen test is stale. v2: the pen test was redone, but a KPI period now
// reports a verification bypass (a blocker, so the blocker cap applies).
const v1 = frozen("a1", 1, buildDossier({ pentests: [pentest({ performedOn: "2024-12-01" })] }));
const v2 = frozen("a2", 2, buildDossier({ kpis: [kpiPeriod({ verificationBypassCount: 2 })] }));

describe("compareAssessments", () => {
  it("the older version is always 'from', whichever order they are passed in", () => {
    const forward = compareAssessments(v1, v2);
    const backward = compareAssessments(v2, v1);
    expect(forward.from.version).toBe(1);
    expect(backward.from.version).toBe(1);
    expect(backward).toEqual(forward);
  });

  it("lists the findings added and resolved by rule and subject", () => {
    const c = compareAssessments(v1, v2);
    expect(c.findingsResolved.map((f) => f.code)).toContain("pentest.stale");
    expect(c.findingsAdded.some((f) => f.severity === "blocker" && f.code.startsWith("kpi."))).toBe(true);
    // Nothing both added and resolved, and every finding is accounted for exactly once.
    const added = new Set(c.findingsAdded.map(findingKey));
    for (const f of c.findingsResolved) expect(added.has(findingKey(f))).toBe(false);
    expect(c.findingsAdded.length + c.findingsChanged.length + c.findingsUnchanged).toBe(v2.findings.length);
    expect(c.findingsResolved.length + c.findingsChanged.length + c.findingsUnchanged).toBe(v1.findings.length);
  });

  it("gives the delta per domain as after minus before, in the score's domain order", () => {
    const c = compareAssessments(v1, v2);
    expect(c.domains.map((d) => d.key)).toEqual(v2.score.domains.map((d) => d.key));
    for (const d of c.domains) {
      const before = v1.score.domains.find((x) => x.key === d.key)!;
      const after = v2.score.domains.find((x) => x.key === d.key)!;
      expect(d.scoreBefore).toBe(before.score);
      expect(d.scoreAfter).toBe(after.score);
      expect(d.delta).toBeCloseTo((after.score ?? 0) - (before.score ?? 0), 10);
      expect(d.contributionDelta).toBeCloseTo(after.contribution - before.contribution, 10);
    }
    // The redone pen test lifts assurance; the bypass lowers the human-protocols domain.
    expect(c.domains.find((d) => d.key === "assurance")!.delta!).toBeGreaterThan(0);
    expect(c.domains.find((d) => d.key === "humanProtocols")!.delta!).toBeLessThan(0);
  });

  it("reports the final score, the rating and the caps that changed", () => {
    const c = compareAssessments(v1, v2);
    expect(c.final).toEqual({ before: v1.score.final, after: v2.score.final, delta: v2.score.final - v1.score.final });
    expect(c.final.after).toBeLessThanOrEqual(DEFAULT_SETTINGS.scoring.caps.blocker);
    expect(c.caps).toContainEqual(expect.objectContaining({ code: "blocker", before: false, after: true }));
    expect(c.rating.before).toBe(v1.score.rating.band);
    expect(c.rating.after).toBe(v2.score.rating.band);
    expect(c.rating.changed).toBe(v1.score.rating.band !== v2.score.rating.band);
  });

  it("comparing a version with itself changes nothing", () => {
    const c = compareAssessments(v1, { ...v1, id: "copy", version: 2 });
    expect(c.findingsAdded).toEqual([]);
    expect(c.findingsResolved).toEqual([]);
    expect(c.findingsChanged).toEqual([]);
    expect(c.findingsUnchanged).toBe(v1.findings.length);
    expect(c.caps).toEqual([]);
    for (const d of c.domains) expect(d.contributionDelta).toBe(0);
  });

  it("a reworded finding on the same record persists; a severity move is a change", () => {
    const base: Finding = { code: "soc2.stale", severity: "high", message: "stale for 3 months", source: "s", subject: { kind: "soc2_report", id: "r1" } };
    const a: ComparedAssessment = { ...v1, findings: [base, { ...base, code: "iso.expiring", severity: "low", subject: { kind: "iso_certificate", id: "i1" } }] };
    const b: ComparedAssessment = { ...v1, id: "b", version: 2, findings: [{ ...base, message: "stale for 5 months" }, { ...base, code: "iso.expiring", severity: "medium", subject: { kind: "iso_certificate", id: "i1" } }] };
    const c = compareAssessments(a, b);
    expect(c.findingsUnchanged).toBe(1);
    expect(c.findingsChanged).toHaveLength(1);
    expect(c.findingsChanged[0]!.before.severity).toBe("low");
    expect(c.findingsChanged[0]!.after.severity).toBe("medium");
    expect(c.findingsAdded).toEqual([]);
    expect(c.findingsResolved).toEqual([]);
  });

  it("the same rule on two records is two findings", () => {
    const f = (id: string): Finding => ({ code: "control.gap", severity: "medium", message: id, source: "s", subject: { kind: "control", id } });
    const c = compareAssessments({ ...v1, findings: [f("x"), f("y")] }, { ...v1, id: "b", version: 2, findings: [f("y"), f("z")] });
    expect(c.findingsResolved.map((x) => x.subject.id)).toEqual(["x"]);
    expect(c.findingsAdded.map((x) => x.subject.id)).toEqual(["z"]);
    expect(c.findingsUnchanged).toBe(1);
  });
});
