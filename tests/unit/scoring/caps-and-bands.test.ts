import { describe, expect, it } from "vitest";
import { formatScore } from "@/lib/domain/scoring/format";
import { ratingFor } from "@/lib/domain/scoring/rating";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { controlsWith, MODERATE_PROFILE } from "../helpers/dossier-builder";
import { changed, score, scoringDossier, settingsWith } from "../helpers/scoring-builder";


const staleSoc2 = (d: Dossier) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2023-01-01", periodEnd: "2023-12-31", issueDate: "2024-02-01" });
const expiredIso = (d: Dossier) => void (d.isoCertificates[0]!.expiryDate = "2026-01-31");
const bypass = (d: Dossier) => void (d.kpis[d.kpis.length - 1]!.verificationBypassCount = 2);

describe("cap: no current SOC 2 Type II and no valid ISO 27001", () => {
  const cases: { name: string; change: (d: Dossier) => void; triggered: boolean }[] = [
    { name: "both current", change: () => {}, triggered: false },
    { name: "SOC 2 stale, ISO valid", change: staleSoc2, triggered: false },
    { name: "SOC 2 current, ISO expired", change: expiredIso, triggered: false },
    { name: "SOC 2 stale and ISO expired", change: (d) => (staleSoc2(d), expiredIso(d)), triggered: true },
    { name: "no SOC 2 and no ISO", change: (d) => void ((d.soc2Reports = []), (d.isoCertificates = [])), triggered: true },
    { name: "only a Type I and an ISO 2013 certificate", change: (d) => void ((d.soc2Reports[0]!.type = "type1"), (d.isoCertificates[0]!.standardVersion = "2013")), triggered: true },
    { name: "a due (not stale) Type II and no ISO", change: (d) => void (Object.assign(d.soc2Reports[0]!, { periodStart: "2024-03-01", periodEnd: "2025-02-28", issueDate: "2025-04-01" }), (d.isoCertificates = [])), triggered: false },
  ];
  it.each(cases)("$name → triggered $triggered", ({ change, triggered }) => {
    const d = changed(change);
    const result = score(d);
    const cap = result.caps.find((c) => c.code === "no_assurance")!;
    expect(cap.triggered).toBe(triggered);
    if (triggered) {
      // A Critical tier vendor without assurance is at most Critical (docs/scoring.md, "Ceilings").
      expect(result.final).toBeLessThanOrEqual(39);
      expect(result.rating.band).toBe("critical");
      expect(result.arithmetic.some((l) => l.startsWith("Cap: no current SOC 2 Type II and no valid ISO 27001 → 39"))).toBe(true);
      expect(cap.reason).toMatch(/Critical tier, so at most Critical: the score is capped at 39/);
    } else {
      expect(result.arithmetic.some((l) => l.startsWith("Cap: no current"))).toBe(false);
    }
  });

  it("uses the limit from settings", () => {
    const d = changed((x) => (staleSoc2(x), expiredIso(x)));
    const result = score(d, settingsWith((s) => void (s.scoring.caps.noAssuranceElevated = 35)));
    expect(result.final).toBe(35);
  });
});

describe("cap: any blocker finding", () => {
  const cases: { name: string; change: (d: Dossier) => void; triggered: boolean; code?: string }[] = [
    { name: "clean dossier", change: () => {}, triggered: false },
    { name: "verification bypass > 0", change: bypass, triggered: true, code: "kpi.verification_bypass" },
    { name: "verification bypass = 0", change: (d) => void (d.kpis[d.kpis.length - 1]!.verificationBypassCount = 0), triggered: false },
    {
      name: "incident notification clause missing for a Critical vendor",
      change: (d) => void Object.assign(d.legal.clauseReviews.find((r) => r.clauseCode === "incident_notification")!, { presence: "missing" }),
      triggered: true,
      code: "legal.clause.missing",
    },
    {
      name: "right to audit not reviewed for a Critical vendor",
      change: (d) => void (d.legal.clauseReviews = d.legal.clauseReviews.filter((r) => r.clauseCode !== "right_to_audit")),
      triggered: true,
      code: "legal.clause.missing",
    },
    {
      name: "right to audit missing for a Moderate vendor is not a blocker",
      change: (d) => void (Object.assign(d.profile, MODERATE_PROFILE), Object.assign(d.legal.clauseReviews.find((r) => r.clauseCode === "right_to_audit")!, { presence: "missing" })),
      triggered: false,
    },
    { name: "Chapter V exposure (EU data in India, no mechanism)", change: (d) => void (d.legal.transferMechanisms = [d.legal.transferMechanisms[0]!]), triggered: true, code: "legal.transfer.no_mechanism" },
    { name: "no signed DPA", change: (d) => void (d.legal.dpa = { status: "draft" }), triggered: true, code: "legal.dpa.not_signed" },
    { name: "a high (not blocker) finding", change: (d) => void (d.controls = controlsWith("access.mfa_everywhere", "not_in_place")), triggered: false },
  ];
  it.each(cases)("$name → triggered $triggered", ({ change, triggered, code }) => {
    const result = score(changed(change));
    const cap = result.caps.find((c) => c.code === "blocker")!;
    expect(cap.triggered).toBe(triggered);
    if (triggered) {
      expect(cap.findings!.map((f) => f.code)).toContain(code);
      expect(result.overall).toBeGreaterThan(59);
      expect(result.final).toBe(59);
      expect(cap.lowered).toBe(true);
      expect(result.arithmetic.some((l) => l.startsWith("Cap: blocker present → 59 (triggered by "))).toBe(true);
      expect(result.rating.band).toBe("high");
    } else {
      expect(cap.findings).toEqual([]);
      // Only the other ceilings, if any, lower the score.
      expect(result.final).toBe(Math.min(result.overall, ...result.caps.filter((c) => c.triggered).map((c) => c.limit)));
    }
  });

  it("a cap never raises a score already below it, and says so", () => {
    const d = changed((x) => {
      bypass(x);
      x.soc2Reports = [];
      x.pentests = [];
      x.legal.clauseReviews = [];
      x.controls = x.controls.map((c) => ({ ...c, status: "not_in_place" as const }));
    });
    const result = score(d);
    expect(result.overall).toBeLessThan(59);
    expect(result.final).toBe(result.overall);
    const cap = result.caps.find((c) => c.code === "blocker")!;
    expect(cap.triggered).toBe(true);
    expect(cap.lowered).toBe(false);
    expect(result.arithmetic.some((l) => l.startsWith("Cap: blocker present → 59 (score already at or below 59; no change) (triggered by"))).toBe(true);
  });

  it("several ceilings: the lowest one wins", () => {
    const result = score(changed((x) => (staleSoc2(x), expiredIso(x), bypass(x))));
    expect(result.caps.every((c) => c.triggered)).toBe(true);
    expect(result.final).toBe(39);
  });
});

describe("rating bands", () => {
  const boundaries: [number, string][] = [
    [0, "critical"],
    [39.9, "critical"],
    [39.99999, "critical"],
    [40, "high"],
    [59.9, "high"],
    [60, "medium"],
    [79.9, "medium"],
    [79.96, "medium"],
    [80, "low"],
    [100, "low"],
  ];
  it.each(boundaries)("%s → %s", (value, band) => {
    expect(ratingFor(value, DEFAULT_SETTINGS.scoring.bands).band).toBe(band);
  });

  it("a score computed as 79.99999999999999 (floating point) for a true 80 is Low, and shows as 80.0", () => {
    const noisy = 0.1 * 3 * (80 / 0.3);
    expect(noisy).not.toBe(80);
    expect(ratingFor(noisy, DEFAULT_SETTINGS.scoring.bands).band).toBe("low");
    expect(formatScore(noisy)).toBe("80.0");
  });

  it("display rounds down, so the shown score always matches its band", () => {
    expect(formatScore(79.96)).toBe("79.9");
    expect(formatScore(15.625)).toBe("15.6");
    expect(formatScore(66.66666)).toBe("66.6");
    expect(formatScore(100)).toBe("100.0");
    expect(formatScore(0)).toBe("0.0");
  });

  // End to end: a blocker caps a ~99 score at exactly the band boundary under test.
  const endToEnd: [number, string, string][] = [
    [39.9, "critical", "Critical"],
    [40, "high", "High"],
    [59.9, "high", "High"],
    [60, "medium", "Medium"],
    [79.9, "medium", "Medium"],
    [80, "low", "Low"],
  ];
  it.each(endToEnd)("a final score of %s is rated %s", (cap, band, label) => {
    const result = score(changed(bypass), settingsWith((s) => void (s.scoring.caps.blocker = cap)));
    expect(result.final).toBe(cap);
    expect(result.rating.band).toBe(band);
    expect(result.arithmetic[result.arithmetic.length - 1]).toBe(`Final ${cap.toFixed(1)} → ${label}`);
  });

  it("bands come from settings", () => {
    const settings = settingsWith((s) => void (s.scoring.bands = { low: 90, medium: 70, high: 50 }));
    expect(ratingFor(85, settings.scoring.bands).band).toBe("medium");
    expect(ratingFor(49.9, settings.scoring.bands).band).toBe("critical");
  });

  it("each band carries its decision", () => {
    const b = DEFAULT_SETTINGS.scoring.bands;
    expect(ratingFor(90, b)).toMatchObject({ label: "Low residual risk", decision: "Approve", from: 80 });
    expect(ratingFor(70, b)).toMatchObject({ label: "Medium", decision: "Approve with conditions", from: 60 });
    expect(ratingFor(50, b)).toMatchObject({ label: "High", decision: "Approval only with a risk acceptance", from: 40 });
    expect(ratingFor(10, b)).toMatchObject({ label: "Critical", decision: "Reject", from: 0 });
  });
});

describe("arithmetic", () => {
  it("prints one line per domain score, one per weighted contribution, the sum, the caps and the final score", () => {
    const result = score(changed((d) => void (d.controls = controlsWith("access.mfa_everywhere", "partial"))));
    // Access & endpoint: 21 controls + remote-site check = 22 checks, 21.5 points. Human: 10 controls + 6 KPIs + review + incidents = 18.
    expect(result.arithmetic).toEqual([
      "Assurance: 9 of 9 points = 100.0",
      "Contractual: 8 of 8 points = 100.0",
      "Data protection & transfers: 6 of 6 points = 100.0",
      "Access & endpoint: 21.5 of 22 points = 97.7",
      "Human protocols, training & KPIs: 18 of 18 points = 100.0",
      "Financial backstop: 2 of 2 points = 100.0",
      "Assurance 25 × 100.0 = 25.0",
      "Contractual 20 × 100.0 = 20.0",
      "Data protection & transfers 15 × 100.0 = 15.0",
      "Access & endpoint 15 × 97.7 = 14.6",
      "Human protocols, training & KPIs 15 × 100.0 = 15.0",
      "Financial backstop 10 × 100.0 = 10.0",
      "Sum of weighted scores = 99.6",
      "Final 99.6 → Low",
    ]);
    // Full precision is kept in the numbers: 85 + 15 × 21.5/22.
    expect(result.overall).toBeCloseTo(85 + (15 * 21.5) / 22, 12);
  });

  it("a domain with no applicable check is excluded and the other weights renormalised", () => {
    // No personal data (DPA and transfers not applicable), no sub-processors, the three data clauses not applicable.
    const d = changed((x) => {
      x.profile.dataCategories = [];
      x.legal.subProcessors = [];
      for (const r of x.legal.clauseReviews) if (["data_residency", "subprocessor_consent", "data_return_deletion"].includes(r.clauseCode)) r.presence = "not_applicable";
      x.controls = controlsWith("access.mfa_everywhere", "not_in_place");
    });
    const result = score(d);
    const data = result.domains.find((x) => x.key === "dataProtection")!;
    expect(data).toMatchObject({ included: false, score: null, checksCounted: 0, contribution: 0 });
    expect(result.totalWeight).toBe(85);
    const access = result.domains.find((x) => x.key === "accessEndpoint")!;
    const expected = ((25 + 20 + 15 + 10) * 100 + 15 * access.score!) / 85;
    expect(result.overall).toBeCloseTo(expected, 12);
    expect(result.arithmetic).toContain("Data protection & transfers: no applicable checks, excluded");
    expect(result.arithmetic.some((l) => l.startsWith("Weights renormalised over 85: "))).toBe(true);
  });

  it("weights with decimals that add up to 100 are not reported as renormalised", () => {
    const settings = settingsWith((s) => void (s.scoring.weights = { assurance: 33.3, contractual: 33.3, dataProtection: 33.4, accessEndpoint: 0, humanProtocols: 0, financial: 0 }));
    const result = score(scoringDossier(), settings);
    expect(result.arithmetic.some((l) => l.startsWith("Weights renormalised"))).toBe(false);
    expect(result.arithmetic).toContain("Assurance 33.3 × 100.0 = 33.3");
    expect(result.final).toBeCloseTo(100, 9);
    expect(result.rating.band).toBe("low");
  });

  it("weights come from settings", () => {
    const settings = settingsWith((s) => void (s.scoring.weights = { assurance: 50, contractual: 10, dataProtection: 10, accessEndpoint: 10, humanProtocols: 10, financial: 10 }));
    const result = score(changed((d) => void (d.soc2Reports = [])), settings);
    // Assurance loses 3 of 9 checks: 6/9.
    expect(result.overall).toBeCloseTo(50 + 50 * (6 / 9), 12);
    expect(result.arithmetic).toContain("Assurance 50 × 66.6 = 33.3");
  });
});

describe("the clean dossier", () => {
  it("scores 100, Low residual risk, no cap", () => {
    const result = score(scoringDossier());
    expect(result).toMatchObject({ overall: 100, final: 100, totalWeight: 100 });
    expect(result.rating.band).toBe("low");
    expect(result.caps.some((c) => c.triggered)).toBe(false);
  });
});
