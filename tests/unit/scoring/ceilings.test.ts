import { describe, expect, it } from "vitest";
import type { Finding } from "@/lib/domain/findings/finding";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import type { Severity, Tier } from "@/lib/domain/vocabulary";
import type { Dossier, VendorProfile } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { LOW_PROFILE, MODERATE_PROFILE, NOW } from "../helpers/dossier-builder";
import { changed } from "../helpers/scoring-builder";

// docs/scoring.md, "Ceilings": the worst open finding bounds the best band,
// whatever the weighted mean. The clean dossier scores 100; each row adds one
// open finding of a given severity (or removes all assurance) for a vendor of
// a given tier, and the band may be no better than the ceiling allows.

const TIER_PROFILES: Record<Tier, Partial<VendorProfile>> = {
  critical: {},
  high: { industries: ["saas"], dataCategories: ["payment_card"], accessLevel: "read_only" },
  moderate: MODERATE_PROFILE,
  low: LOW_PROFILE,
};
const TIERS: Tier[] = ["critical", "high", "moderate", "low"];

function dossierOfTier(tier: Tier, change: (d: Dossier) => void = () => {}): Dossier {
  return changed((d) => {
    Object.assign(d.profile, TIER_PROFILES[tier]);
    change(d);
  });
}

function extra(severity: Severity): Finding {
  return { code: `test.${severity}`, severity, message: `A ${severity} finding under test.`, source: "test", subject: { kind: "test", id: severity } };
}

function scoredWith(d: Dossier, added: Finding[]) {
  const findings = [...vendorFindingsFor(d, DEFAULT_SETTINGS, NOW), ...added];
  return scoreVendor(d, DEFAULT_SETTINGS, NOW, { findings });
}

const ceilingBySeverity: { severity: Severity; final: number; band: RatingBand; cap?: string }[] = [
  { severity: "low", final: 100, band: "low" },
  { severity: "medium", final: 100, band: "low" },
  { severity: "high", final: 79.9, band: "medium", cap: "high_finding" },
  { severity: "blocker", final: 59, band: "high", cap: "blocker" },
];

describe("ceilings, severity × tier", () => {
  const rows = TIERS.flatMap((tier) => ceilingBySeverity.map((row) => ({ tier, ...row })));
  it.each(rows)("$tier tier, one open $severity finding → $final, $band", ({ tier, severity, final, band, cap }) => {
    const d = dossierOfTier(tier);
    const clean = scoredWith(d, []);
    expect(clean.tier).toBe(tier);
    expect(clean.final).toBe(100);
    const result = scoredWith(d, [extra(severity)]);
    expect(result.final).toBe(final);
    expect(result.rating.band).toBe(band);
    const triggered = result.caps.filter((c) => c.triggered);
    expect(triggered.map((c) => c.code)).toEqual(cap ? [cap] : []);
    if (cap) {
      expect(triggered[0]!.findings).toEqual([{ code: `test.${severity}`, message: `A ${severity} finding under test.`, subject: { kind: "test", id: severity } }]);
      expect(result.arithmetic).toContain(`Cap: ${triggered[0]!.label} → ${final} (triggered by 1 finding: A ${severity} finding under test)`);
    }
  });

  const noAssurance: { tier: Tier; final: number; band: RatingBand }[] = [
    { tier: "critical", final: 39, band: "critical" },
    { tier: "high", final: 39, band: "critical" },
    { tier: "moderate", final: 59, band: "high" },
    { tier: "low", final: 59, band: "high" },
  ];
  it.each(noAssurance)("$tier tier without SOC 2 or ISO → $final, $band (never on a band floor)", ({ tier, final, band }) => {
    const result = scoredWith(dossierOfTier(tier, (d) => void ((d.soc2Reports = []), (d.isoCertificates = []))), []);
    expect(result.final).toBe(final);
    expect(result.rating.band).toBe(band);
    expect(result.final).not.toBe(DEFAULT_SETTINGS.scoring.bands.high);
    const cap = result.caps.find((c) => c.code === "no_assurance")!;
    expect(cap.findings!.map((f) => f.code)).toEqual(expect.arrayContaining(["soc2.missing", "iso.missing"]));
  });

  it("a blocker and a high finding together: the lowest ceiling wins", () => {
    const result = scoredWith(dossierOfTier("moderate"), [extra("high"), extra("blocker")]);
    expect(result.final).toBe(59);
    expect(result.caps.filter((c) => c.triggered).map((c) => c.code)).toEqual(["blocker", "high_finding"]);
  });
});

describe("ceilings on real findings: High tier, everything else clean", () => {
  const staleSoc2 = (d: Dossier) => void Object.assign(d.soc2Reports[0]!, { periodStart: "2023-01-01", periodEnd: "2023-12-31", issueDate: "2024-02-01" });
  const cases: { name: string; change: (d: Dossier) => void; band: RatingBand }[] = [
    { name: "stale SOC 2 Type II, valid ISO certificate", change: staleSoc2, band: "medium" },
    { name: "Type I report only", change: (d) => void (d.soc2Reports[0]!.type = "type1"), band: "medium" },
    { name: "expired ISO certificate, current SOC 2", change: (d) => void (d.isoCertificates[0]!.expiryDate = "2026-01-31"), band: "medium" },
    { name: "no SOC 2 and no ISO", change: (d) => void ((d.soc2Reports = []), (d.isoCertificates = [])), band: "critical" },
    { name: "verification bypass", change: (d) => void (d.kpis[d.kpis.length - 1]!.verificationBypassCount = 1), band: "high" },
  ];
  it.each(cases)("$name → at best $band", ({ change, band }) => {
    const result = scoredWith(dossierOfTier("high", change), []);
    expect(result.tier).toBe("high");
    expect(result.overall).toBeGreaterThanOrEqual(80);
    expect(result.rating.band).toBe(band);
  });
});
