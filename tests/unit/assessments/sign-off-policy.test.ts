import { describe, expect, it } from "vitest";
import type { ReviewDecision } from "@/lib/domain/assessments/assessment-workflow";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import { riskAcceptanceFindings, latestRiskAcceptanceExpiry, acceptedFindingOf } from "@/lib/domain/assessments/risk-acceptance";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { allowedDecisions, checkSignOff, type SignOffContext } from "@/lib/domain/assessments/sign-off-policy";

// docs/assessments.md, "What the rating allows": the band bounds the decision.

const NOW = new Date("2026-11-22T12:00:00Z");
const high: Finding = { code: "soc2.stale", severity: "high", message: "SOC 2 report is stale.", source: "AICPA SOC 2", subject: { kind: "soc2", id: "r1" } };
const blocker: Finding = { code: "kpi.verification_bypass", severity: "blocker", message: "Verification bypassed.", source: "policy", subject: { kind: "kpi", id: "k1" } };
const medium: Finding = { code: "control.unknown", severity: "medium", message: "Visitor management not assessed.", source: "policy", subject: { kind: "control", id: "c1", label: "Visitor management" } };
const sameCodeOther: Finding = { ...medium, subject: { kind: "control", id: "c2", label: "Clean desk" } };

function ctx(band: RatingBand, over: Partial<SignOffContext> = {}): SignOffContext {
  return { band, stale: false, findings: [high, medium], riskAcceptance: null, now: NOW, ...over };
}
const acceptance = (findings: Finding[], expiresOn = "2027-01-31") => ({ findings: findings.map((f) => ({ key: findingKey(f) })), expiresOn });

function allowed(c: SignOffContext): Record<ReviewDecision, boolean> {
  return Object.fromEntries(allowedDecisions(c).map((d) => [d.decision, d.allowed])) as Record<ReviewDecision, boolean>;
}

describe("what each band allows", () => {
  it.each<[string, SignOffContext, Record<ReviewDecision, boolean>]>([
    ["Low", ctx("low"), { approve: true, approve_with_conditions: true, reject: true }],
    ["Medium", ctx("medium"), { approve: false, approve_with_conditions: true, reject: true }],
    ["High without a risk acceptance", ctx("high"), { approve: false, approve_with_conditions: false, reject: true }],
    ["High with a risk acceptance covering every high finding", ctx("high", { riskAcceptance: acceptance([high]) }), { approve: true, approve_with_conditions: true, reject: true }],
    ["High with an acceptance missing a blocker", ctx("high", { findings: [high, blocker], riskAcceptance: acceptance([high]) }), { approve: false, approve_with_conditions: false, reject: true }],
    ["High with an expired acceptance", ctx("high", { riskAcceptance: acceptance([high], "2026-11-21") }), { approve: false, approve_with_conditions: false, reject: true }],
    ["High with an acceptance expiring today", ctx("high", { riskAcceptance: acceptance([high], "2026-11-22") }), { approve: true, approve_with_conditions: true, reject: true }],
    ["Critical", ctx("critical", { riskAcceptance: acceptance([high]) }), { approve: false, approve_with_conditions: false, reject: true }],
    ["Low on a stale snapshot", ctx("low", { stale: true }), { approve: false, approve_with_conditions: false, reject: true }],
  ])("%s", (_name, c, expected) => {
    expect(allowed(c)).toEqual(expected);
    // Every refusal says why, so the form can show it next to the disabled option.
    for (const d of allowedDecisions(c)) if (!d.allowed) expect(d.reason.length).toBeGreaterThan(10);
  });

  it("the reasons name the rule", () => {
    const reason = (c: SignOffContext, d: ReviewDecision) => allowedDecisions(c).find((x) => x.decision === d)!.reason;
    expect(reason(ctx("critical"), "approve")).toBe("A Critical rating allows only a reject.");
    expect(reason(ctx("low", { stale: true }), "approve")).toMatch(/re-assess first/);
    expect(reason(ctx("high"), "approve")).toMatch(/risk acceptance/);
    expect(reason(ctx("medium"), "approve")).toMatch(/approve with conditions instead/);
  });
});

describe("checkSignOff", () => {
  it("Medium: conditions must cover every open high finding, by key", () => {
    const c = ctx("medium", { findings: [high, blocker, medium] });
    const uncovered = checkSignOff(c, { decision: "approve_with_conditions", comment: "fix", conditionFindingKeys: [findingKey(high)] });
    expect(uncovered).toMatchObject({ ok: false, field: "conditions" });
    expect(!uncovered.ok && uncovered.reason).toMatch(/1 is not covered: Verification bypassed\./);
    expect(checkSignOff(c, { decision: "approve_with_conditions", comment: "fix", conditionFindingKeys: [findingKey(high), findingKey(blocker)] })).toEqual({ ok: true });
  });

  it("a blank comment is refused for any non-reject decision below Low, allowed on Low", () => {
    const accepted = ctx("high", { riskAcceptance: acceptance([high]) });
    expect(checkSignOff(accepted, { decision: "approve", comment: "  ", conditionFindingKeys: [] })).toMatchObject({ ok: false, field: "comment" });
    expect(checkSignOff(accepted, { decision: "approve", comment: "Accepted by the CISO.", conditionFindingKeys: [] })).toEqual({ ok: true });
    expect(checkSignOff(ctx("low"), { decision: "approve", comment: "", conditionFindingKeys: [] })).toEqual({ ok: true });
  });

  it("a refused decision is refused on the decision field, whatever else is sent", () => {
    expect(checkSignOff(ctx("critical"), { decision: "approve", comment: "Looks fine", conditionFindingKeys: [] })).toMatchObject({ ok: false, field: "decision" });
    expect(checkSignOff(ctx("critical"), { decision: "reject", comment: "", conditionFindingKeys: [] })).toEqual({ ok: true });
  });
});

describe("finding keys", () => {
  it("tell apart findings that share a code", () => {
    expect(findingKey(medium)).not.toBe(findingKey(sameCodeOther));
    expect(findingKey(medium)).toBe("control.unknown|control|c1");
  });
});

describe("risk acceptance expiry", () => {
  const recorded = { id: "ra1", acceptedByName: "Sam Security", reason: "Compensating controls", findings: [acceptedFindingOf(high)], createdAt: "2026-08-01T10:00:00Z" };

  it("an expired acceptance with an accepted finding still open is a high finding, at the given now", () => {
    const a = { ...recorded, expiresOn: "2026-11-21" };
    expect(riskAcceptanceFindings([a], [high], new Date("2026-11-21T23:00:00Z"))).toEqual([]);
    const [finding] = riskAcceptanceFindings([a], [high], NOW);
    expect(finding).toMatchObject({ code: "risk_acceptance.expired", severity: "high", subject: { kind: "risk_acceptance", id: "ra1" } });
    expect(finding!.message).toBe("The risk acceptance recorded by Sam Security expired on 21 Nov 2026, and 1 accepted finding is still open: renew the acceptance or remediate.");
  });

  it("nothing once the accepted findings are fixed, or a newer acceptance is in force", () => {
    const a = { ...recorded, expiresOn: "2026-11-21" };
    expect(riskAcceptanceFindings([a], [medium], NOW)).toEqual([]);
    const renewed = { ...recorded, id: "ra2", expiresOn: "2027-02-01", createdAt: "2026-11-20T10:00:00Z" };
    expect(riskAcceptanceFindings([a, renewed], [high], NOW)).toEqual([]);
  });

  it("the latest allowed expiry is today plus the setting", () => {
    expect(latestRiskAcceptanceExpiry(NOW, 90)).toBe("2027-02-20");
  });
});
