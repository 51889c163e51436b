import { beforeAll, expect, it } from "vitest";
import type { ReviewDecision } from "@/lib/domain/assessments/assessment-workflow";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { getAssessmentView } from "@/lib/server/services/assessments/view";
import { signOffAssessment } from "@/lib/server/services/assessments/sign-off";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createRiskAcceptance } from "@/lib/server/services/risk-acceptance";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { day } from "./build-vendor";
import { DEMO_BY_BAND, importDemoVendor } from "./demo-vendor";

// docs/assessments.md, "What the rating allows": the band of the frozen
// assessment bounds every sign-off, on the server, whatever the form sent.
// Realistic vendors of each band come from the demo dossiers.

const DAY = 86_400_000;

forEachProvider("sign-off bounded by the rating", (t) => {
  let actors: Record<"admin" | "procurement" | "legal" | "security" | "viewer", Awaited<ReturnType<typeof makeActor>>>;
  let serial = 0;

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    actors = {
      admin: await makeActor("admin"),
      procurement: await makeActor("procurement"),
      legal: await makeActor("legal"),
      security: await makeActor("security"),
      viewer: await makeActor("viewer"),
    };
  });

  async function inReview(band: RatingBand) {
    const vendor = await importDemoVendor(DEMO_BY_BAND[band], `${DEMO_BY_BAND[band]} ${band} ${++serial}`, actors.security.id);
    const draft = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    expect(draft.rating).toBe(band);
    const a = await submitAssessment({ actor: actors.procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "" } });
    return { vendor, assessment: a, findings: draft.findings as unknown as Finding[] };
  }

  const serious = (findings: Finding[]) => findings.filter((f) => f.severity === "blocker" || f.severity === "high");

  async function sign(role: "legal" | "security", assessmentId: string, decision: ReviewDecision, extra: { comment?: string; conditions?: unknown[] } = {}) {
    const row = await t.db.assessment.findUniqueOrThrow({ where: { id: assessmentId } });
    return signOffAssessment({
      actor: actors[role],
      input: { assessmentId, lockVersion: row.lockVersion, decision, comment: extra.comment ?? "Reviewed.", conditions: extra.conditions ?? [] },
    });
  }

  async function refused(role: "legal" | "security", assessmentId: string, decision: ReviewDecision, field: string, extra: { comment?: string; conditions?: unknown[] } = {}) {
    const before = await t.db.assessmentSignOff.count({ where: { assessmentId } });
    const error = await sign(role, assessmentId, decision, extra).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { [field]: expect.any(String) } });
    expect(await t.db.assessmentSignOff.count({ where: { assessmentId } })).toBe(before);
    expect(await t.db.remediationItem.count({ where: { assessmentId } })).toBe(0);
    return (error as { fieldErrors: Record<string, string> }).fieldErrors[field]!;
  }

  const condition = (f: Finding | null, i: number) => ({ title: `Remediate item ${i + 1}`, findingKey: f ? findingKey(f) : "", ownerId: actors.security.id, dueDate: day(new Date(), 1) });

  it("Low: any decision, a plain approve even without a comment", async () => {
    const { assessment } = await inReview("low");
    expect((await sign("legal", assessment.id, "approve", { comment: "" })).state).toBe("in_review");
    expect((await sign("security", assessment.id, "approve_with_conditions", { comment: "Small fix.", conditions: [condition(null, 0)] })).state).toBe("approved_with_conditions");
    const other = await inReview("low");
    expect((await sign("security", other.assessment.id, "reject", { comment: "Not this year." })).state).toBe("in_review");
  });

  it("Medium: a plain approve is refused; approving with conditions needs one per open high finding", async () => {
    const { assessment, findings } = await inReview("medium");
    const highs = serious(findings);
    expect(highs.length).toBeGreaterThan(0);
    expect(await refused("security", assessment.id, "approve", "decision")).toMatch(/cannot be approved without conditions/);
    // Conditions that leave an open high finding uncovered (all but the last one).
    const partial = [condition(null, 0), ...highs.slice(0, -1).map((f, i) => condition(f, i + 1))];
    expect(await refused("security", assessment.id, "approve_with_conditions", "conditions", { comment: "Fix some.", conditions: partial })).toMatch(/1 is not covered/);
    const signed = await sign("security", assessment.id, "approve_with_conditions", { comment: "Fix them all.", conditions: highs.map((f, i) => condition(f, i)) });
    expect(signed.state).toBe("in_review");
    const items = await t.db.remediationItem.findMany({ where: { assessmentId: assessment.id }, orderBy: { title: "asc" } });
    expect(items.map((i) => i.findingMessage).sort()).toEqual(highs.map((f) => f.message).sort());
    expect((await sign("legal", assessment.id, "reject", { comment: "Clause first." })).state).toBe("rejected");
  });

  it("High: approval only with a risk acceptance in force covering every blocker and high finding, and a comment", async () => {
    const { assessment, findings } = await inReview("high");
    expect(await refused("security", assessment.id, "approve", "decision")).toMatch(/risk acceptance/);
    await refused("security", assessment.id, "approve_with_conditions", "decision", { comment: "x", conditions: [condition(null, 0)] });
    // An acceptance that leaves a serious finding out does not open the approval.
    const keys = serious(findings).map(findingKey);
    await createRiskAcceptance({ actor: actors.admin, input: { assessmentId: assessment.id, reason: "Partial acceptance for the test.", findingKeys: keys.slice(0, 1), expiresOn: day(new Date(), 1) } });
    if (keys.length > 1) await refused("security", assessment.id, "approve", "decision");
    await createRiskAcceptance({ actor: actors.security, input: { assessmentId: assessment.id, reason: "Compensating controls verified on site.", findingKeys: keys, expiresOn: day(new Date(), 1) } });
    expect(await refused("security", assessment.id, "approve", "comment", { comment: "" })).toMatch(/High rating/);
    expect((await sign("security", assessment.id, "approve", { comment: "Accepted until remediation." })).state).toBe("in_review");
    expect((await sign("legal", assessment.id, "reject", { comment: "No." })).state).toBe("rejected");
    const view = await getAssessmentView({ actor: actors.viewer, assessmentId: assessment.id });
    expect(view.report.riskAcceptances.at(-1)).toMatchObject({ reason: "Compensating controls verified on site.", expired: false });
  });

  it("Critical: only reject, whatever else is recorded", async () => {
    const { assessment, findings } = await inReview("critical");
    await createRiskAcceptance({ actor: actors.security, input: { assessmentId: assessment.id, reason: "Trying to accept everything.", findingKeys: serious(findings).map(findingKey), expiresOn: day(new Date(), 1) } });
    expect(await refused("security", assessment.id, "approve", "decision", { comment: "Looks fine" })).toMatch(/Critical rating allows only a reject/);
    await refused("legal", assessment.id, "approve_with_conditions", "decision", { comment: "x", conditions: [condition(null, 0)] });
    expect((await sign("security", assessment.id, "reject", { comment: "Reject." })).state).toBe("in_review");
    const view = await getAssessmentView({ actor: actors.legal, assessmentId: assessment.id });
    expect(view.decisions.map((d) => [d.decision, d.allowed])).toEqual([["approve", false], ["approve_with_conditions", false], ["reject", true]]);
  });

  it("a snapshot older than the dossier can only be rejected: re-assess first", async () => {
    const { vendor, assessment } = await inReview("low");
    await saveDossierRecord({ actor: actors.procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "IN", city: "Pune", mode: "onsite", headcount: 30 } } });
    expect(await refused("security", assessment.id, "approve", "decision")).toMatch(/re-assess first/);
    expect((await sign("security", assessment.id, "reject", { comment: "Re-assess first." })).state).toBe("in_review");
  });

  it("risk acceptance: admin or security only, a bounded expiry, findings of the assessment; audited", async () => {
    const { assessment, findings } = await inReview("high");
    const input = { assessmentId: assessment.id, reason: "Compensating controls verified.", findingKeys: serious(findings).map(findingKey), expiresOn: day(new Date(), 1) };
    for (const role of ["legal", "procurement", "viewer"] as const) {
      await expect(createRiskAcceptance({ actor: actors[role], input })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const tooLate = new Date(Date.now() + 91 * DAY).toISOString().slice(0, 10);
    await expect(createRiskAcceptance({ actor: actors.security, input: { ...input, expiresOn: tooLate } })).rejects.toMatchObject({ fieldErrors: { expiresOn: expect.stringMatching(/at most 90 days/) } });
    await expect(createRiskAcceptance({ actor: actors.security, input: { ...input, expiresOn: "2020-01-01" } })).rejects.toMatchObject({ fieldErrors: { expiresOn: expect.any(String) } });
    await expect(createRiskAcceptance({ actor: actors.security, input: { ...input, findingKeys: ["no.such|x|y"] } })).rejects.toMatchObject({ fieldErrors: { findingKeys: expect.any(String) } });
    await expect(createRiskAcceptance({ actor: actors.security, input: { ...input, reason: "" } })).rejects.toMatchObject({ fieldErrors: { reason: expect.any(String) } });
    expect(await t.db.riskAcceptance.count({ where: { assessmentId: assessment.id } })).toBe(0);
    const created = await createRiskAcceptance({ actor: actors.security, input });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: created.id } });
    expect(event).toMatchObject({ action: "risk_acceptance.create", actorId: actors.security.id });
  });

  it("an expired risk acceptance becomes a high finding at the given now, and bounds the next assessment's band", async () => {
    const { vendor, assessment, findings } = await inReview("high");
    const expiresOn = new Date(Date.now() + 10 * DAY).toISOString().slice(0, 10);
    await createRiskAcceptance({ actor: actors.security, input: { assessmentId: assessment.id, reason: "Until the SCCs are signed.", findingKeys: serious(findings).map(findingKey), expiresOn } });
    const inForce = await getVendorDossierView({ actor: actors.viewer, vendorId: vendor.id, now: new Date(Date.now() + 10 * DAY) });
    expect(inForce.findings.map((f) => f.code)).not.toContain("risk_acceptance.expired");
    const later = new Date(Date.now() + 12 * DAY);
    const lapsed = await getVendorDossierView({ actor: actors.viewer, vendorId: vendor.id, now: later });
    expect(lapsed.findings.find((f) => f.code === "risk_acceptance.expired")).toMatchObject({ severity: "high", subject: { kind: "risk_acceptance" } });
    const next = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id }, now: later });
    const frozen = next.findings as unknown as Finding[];
    expect(frozen.map((f) => f.code)).toContain("risk_acceptance.expired");
    const caps = (next.score as unknown as { caps: { code: string; findings: { code: string }[] }[] }).caps;
    expect(caps.find((c) => c.code === "high_finding")!.findings.map((f) => f.code)).toContain("risk_acceptance.expired");
  });
});
