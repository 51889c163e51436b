import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, resolveSettings, settingsSchema, weightTotal, withDefaults, type Settings } from "@/lib/schemas/settings";

function issuesOf(patch: (s: Settings) => void): Record<string, string> {
  const s = structuredClone(DEFAULT_SETTINGS);
  patch(s);
  const result = settingsSchema.safeParse(s);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("settings validation", () => {
  it("accepts the defaults", () => {
    expect(settingsSchema.safeParse(DEFAULT_SETTINGS).success).toBe(true);
    expect(weightTotal(DEFAULT_SETTINGS.scoring.weights)).toBe(100);
  });

  it.each([
    [{ assurance: 20 }, 95],
    [{ assurance: 30 }, 105],
    [{ assurance: 0, contractual: 0 }, 55],
    [{ financial: 10.1 }, 100.1],
  ])("refuses weights that do not add up to 100 (%o → %s), naming the sum", (change, total) => {
    const issues = issuesOf((s) => void Object.assign(s.scoring.weights, change));
    expect(issues["scoring.weights"]).toBe(`The weights must add up to 100; they add up to ${total}.`);
  });

  it("accepts other weights that add up to 100, decimals included", () => {
    expect(issuesOf((s) => void (s.scoring.weights = { assurance: 33.3, contractual: 33.3, dataProtection: 33.4, accessEndpoint: 0, humanProtocols: 0, financial: 0 }))).toEqual({});
  });

  it("refuses a weight outside 0-100 or with more than one decimal", () => {
    expect(issuesOf((s) => void (s.scoring.weights.assurance = -5))["scoring.weights.assurance"]).toBe("Cannot be below 0");
    expect(issuesOf((s) => void (s.scoring.weights.assurance = 101))["scoring.weights.assurance"]).toBe("Cannot be above 100");
    expect(issuesOf((s) => void (s.scoring.weights.assurance = 25.05))["scoring.weights.assurance"]).toBe("Use at most one decimal place");
  });

  it("refuses a missing weight", () => {
    const s = structuredClone(DEFAULT_SETTINGS) as unknown as { scoring: { weights: Record<string, number> } };
    delete s.scoring.weights.financial;
    expect(settingsSchema.safeParse(s).success).toBe(false);
  });

  it.each([
    [{ low: 80, medium: 80, high: 40 }, "scoring.bands.medium"],
    [{ low: 60, medium: 70, high: 40 }, "scoring.bands.medium"],
    [{ low: 80, medium: 60, high: 60 }, "scoring.bands.high"],
    [{ low: 80, medium: 50, high: 55 }, "scoring.bands.high"],
  ])("refuses overlapping bands %o", (bands, path) => {
    const issues = issuesOf((s) => void (s.scoring.bands = bands));
    expect(issues[path]).toMatch(/bands cannot overlap/);
  });

  it("accepts strictly ordered bands inside 0-100, and refuses bands outside it", () => {
    expect(issuesOf((s) => void ((s.scoring.bands = { low: 100, medium: 50, high: 1 }), (s.scoring.caps = { highFinding: 99, blocker: 49, noAssurance: 1, noAssuranceElevated: 0 })))).toEqual({});
    expect(issuesOf((s) => void (s.scoring.bands = { low: 101, medium: 60, high: 40 }))["scoring.bands.low"]).toBe("Cannot be above 100");
    expect(issuesOf((s) => void (s.scoring.bands.high = -1))["scoring.bands.high"]).toBe("Cannot be below 0");
  });

  it("refuses caps outside 0-100", () => {
    expect(issuesOf((s) => void (s.scoring.caps.blocker = 120))["scoring.caps.blocker"]).toBe("Cannot be above 100");
    expect(issuesOf((s) => void (s.scoring.caps.noAssurance = -1))["scoring.caps.noAssurance"]).toBe("Cannot be below 0");
  });

  // docs/scoring.md, "Ceilings": each ceiling lands strictly inside the band it names.
  it.each<[keyof Settings["scoring"]["caps"], number, boolean]>([
    ["highFinding", 79.9, true],
    ["highFinding", 60, true],
    ["highFinding", 80, false],
    ["highFinding", 59.9, false],
    ["blocker", 59.9, true],
    ["blocker", 40, true],
    ["blocker", 60, false],
    ["blocker", 39.9, false],
    ["noAssurance", 59, true],
    ["noAssurance", 60, false],
    ["noAssurance", 39, false],
    ["noAssuranceElevated", 39.9, true],
    ["noAssuranceElevated", 0, true],
    ["noAssuranceElevated", 40, false],
  ])("ceiling %s = %s inside its band: %s", (key, value, ok) => {
    const issue = issuesOf((s) => void (s.scoring.caps[key] = value))[`scoring.caps.${key}`];
    if (ok) expect(issue).toBeUndefined();
    else expect(issue).toMatch(/must lie inside the (Medium|High|Critical) band/);
  });

  it("a ceiling is checked against the bands as edited, not the defaults", () => {
    const issues = issuesOf((s) => void (s.scoring.bands = { low: 90, medium: 80, high: 60 }));
    expect(issues["scoring.caps.highFinding"]).toBe("This ceiling must lie inside the Medium band: at least 80 and below 90.");
    expect(issues["scoring.caps.blocker"]).toBe("This ceiling must lie inside the High band: at least 60 and below 80.");
    expect(issues["scoring.caps.noAssuranceElevated"]).toBeUndefined();
  });

  it.each<[string, (s: Settings) => void, string]>([
    ["renewal due after stale", (s) => void (s.assurance.soc2DueMonths = 15), "assurance.soc2DueMonths"],
    ["phishing watch above retrain", (s) => void (s.kpis.phishingWatchPct = 20), "kpis.phishingWatchPct"],
    ["standard insurance minimum above elevated", (s) => void (s.insurance.minimumStandardMinor = 6_000_000_00), "insurance.minimumStandardMinor"],
    ["sensitive training cadence longer than standard", (s) => void (s.contract.trainingCadenceSensitiveMaxMonths = 24), "contract.trainingCadenceSensitiveMaxMonths"],
    ["elevated review cadence longer than standard", (s) => void (s.reviews.cadenceElevatedMonths = 24), "reviews.cadenceElevatedMonths"],
  ])("refuses thresholds in the wrong order: %s", (_name, patch, path) => {
    expect(Object.keys(issuesOf(patch))).toEqual([path]);
  });

  it("refuses non-numbers and fractions where whole numbers are needed, with messages for the form", () => {
    expect(issuesOf((s) => void (s.assurance.soc2StaleMonths = Number.NaN))["assurance.soc2StaleMonths"]).toBe("Enter a number");
    expect(issuesOf((s) => void (s.assurance.soc2StaleMonths = 14.5))["assurance.soc2StaleMonths"]).toBe("Use a whole number");
    expect(issuesOf((s) => void (s.assurance.soc2StaleMonths = 0))["assurance.soc2StaleMonths"]).toBe("Must be at least 1");
    expect(issuesOf((s) => void (s.insurance.currency = "usd"))["insurance.currency"]).toMatch(/three-letter/);
  });

  it("stored settings missing newer keys are completed from the defaults", () => {
    expect(resolveSettings({ scoring: { caps: { blocker: 45 } } }).scoring).toEqual({ ...DEFAULT_SETTINGS.scoring, caps: { ...DEFAULT_SETTINGS.scoring.caps, blocker: 45 } });
    expect(settingsSchema.safeParse(withDefaults({ scoring: { weights: { assurance: 30 } } })).success).toBe(false);
  });
});
