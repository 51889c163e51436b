import { beforeAll, expect, it } from "vitest";
import { formatIsoDay } from "@/lib/domain/dates";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import { createRiskAcceptance } from "@/lib/server/services/risk-acceptance";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { compareAssessmentVersions } from "@/lib/server/services/assessments/compare";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { getAssessmentView } from "@/lib/server/services/assessments/view";
import { getProcurementOverview } from "@/lib/server/services/assessments/procurement-overview";
import { listVendorAssessments } from "@/lib/server/services/assessments/list";
import { signOffAssessment } from "@/lib/server/services/assessments/sign-off";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { downloadAssessmentReport } from "@/lib/server/services/assessments/download-report";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { updateRemediationItem } from "@/lib/server/services/remediation";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { buildAssessedVendor, day } from "./build-vendor";
import { DEMO_BY_BAND, importDemoVendor } from "./demo-vendor";

forEachProvider("assessments: snapshots, workflow, remediation", (t) => {
  let actors: Record<"admin" | "procurement" | "legal" | "security" | "viewer", Awaited<ReturnType<typeof makeActor>>>;

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

  const review = async (name: string) => {
    const { vendor } = await buildAssessedVendor(actors, name);
    const draft = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    const inReview = await submitAssessment({ actor: actors.procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "Please review" } });
    return { vendor, assessment: inReview };
  };

  /**
   * A High-rated vendor (the demo Bluepeak BPO: a blocker) in review, with the
   * risk acceptance a High rating needs before any approval (docs/assessments.md,
   * "What the rating allows"), for the workflow tests that approve.
   */
  const reviewHigh = async (name: string) => {
    const vendor = await importDemoVendor(DEMO_BY_BAND.high, name, actors.security.id);
    const draft = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    expect(draft.rating).toBe("high");
    const inReview = await submitAssessment({ actor: actors.procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "Please review" } });
    const findings = (draft.findings as unknown as Finding[]).filter((f) => f.severity === "blocker" || f.severity === "high");
    await createRiskAcceptance({
      actor: actors.security,
      input: { assessmentId: draft.id, reason: "Compensating controls reviewed with the vendor.", findingKeys: findings.map(findingKey), expiresOn: day(new Date(), 1) },
    });
    return { vendor, assessment: inReview };
  };

  it("procurement creates version 1: the dossier, settings, findings and score are frozen, audited, with a next due date", async () => {
    const { vendor } = await buildAssessedVendor(actors, "Frozen Snapshot Ltd");
    const a = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    expect(a).toMatchObject({ version: 1, state: "draft", createdById: actors.procurement.id });
    const dossier = a.dossier as unknown as { profile: { name: string }; sites: unknown[] };
    expect(dossier.profile.name).toBe("Frozen Snapshot Ltd");
    expect(dossier.sites).toHaveLength(1);
    const score = a.score as unknown as { final: number; rating: { band: string }; arithmetic: string[] };
    expect(a.overall).toBe(score.final);
    expect(a.rating).toBe(score.rating.band);
    expect(score.arithmetic.at(-1)).toMatch(/^Final /);
    const findings = a.findings as unknown as Finding[];
    expect(findings.some((f) => f.severity === "blocker")).toBe(true);
    expect((a.settings as unknown as { scoring: unknown }).scoring).toBeDefined();
    // Critical vendor (fintech + card data): quarterly, pulled earlier by the insurance expiring in 2 months.
    expect(formatIsoDay(a.nextDueAt!)).toBe(day(new Date(), 2));
    const events = await t.db.auditEvent.findMany({ where: { entityId: a.id } });
    expect(events.map((e) => e.action)).toEqual(["assessment.create"]);
    expect(events[0]!.actorId).toBe(actors.procurement.id);
  });

  it("only procurement (and admin) create; nobody else can, and nothing is written", async () => {
    const { vendor } = await buildAssessedVendor(actors, "Refused Creator Ltd");
    for (const role of ["legal", "security", "viewer"] as const) {
      await expect(createAssessment({ actor: actors[role], input: { vendorId: vendor.id } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await t.db.assessment.count({ where: { vendorId: vendor.id } })).toBe(0);
    await expect(createAssessment({ actor: actors.procurement, input: { vendorId: "missing" } })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("submit, then legal with conditions and security approval → approved with conditions, remediation items, vendor next due set", async () => {
    const { vendor, assessment } = await reviewHigh("Conditional Approval Ltd");
    expect(assessment.state).toBe("in_review");
    const legal = await signOffAssessment({
      actor: actors.legal,
      input: {
        assessmentId: assessment.id,
        lockVersion: assessment.lockVersion,
        decision: "approve_with_conditions",
        comment: "Approve once the incident clause is fixed.",
        conditions: [{ title: "Amend the MSA: 24h incident notification", findingKey: "", ownerId: actors.legal.id, dueDate: day(new Date(), 1) }],
      },
    });
    expect(legal.state).toBe("in_review");
    const decided = await signOffAssessment({
      actor: actors.security,
      input: { assessmentId: assessment.id, lockVersion: legal.lockVersion, decision: "approve", comment: "Risk accepted until the fixes land." },
    });
    expect(decided.state).toBe("approved_with_conditions");
    expect(decided.decidedAt).not.toBeNull();
    const signOffs = await t.db.assessmentSignOff.findMany({ where: { assessmentId: assessment.id }, orderBy: { signedAt: "asc" } });
    expect(signOffs.map((s) => [s.role, s.decision])).toEqual([
      ["procurement", "submit"],
      ["legal", "approve_with_conditions"],
      ["security", "approve"],
    ]);
    const items = await t.db.remediationItem.findMany({ where: { assessmentId: assessment.id } });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ vendorId: vendor.id, title: "Amend the MSA: 24h incident notification", ownerId: actors.legal.id, status: "open", findingCode: null });
    const row = await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } });
    expect(row.nextAssessmentDue?.toISOString()).toBe(decided.nextDueAt?.toISOString());
    const actions = (await t.db.auditEvent.findMany({ where: { vendorId: vendor.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions.slice(-7)).toEqual(["assessment.create", "assessment.submit", "risk_acceptance.create", "assessment.sign_off", "remediation.create", "assessment.sign_off", "assessment.decide"]);
  });

  it("any reject → rejected, once all three have signed", async () => {
    const { assessment } = await reviewHigh("Rejected Vendor Ltd");
    const legal = await signOffAssessment({ actor: actors.legal, input: { assessmentId: assessment.id, lockVersion: assessment.lockVersion, decision: "reject", comment: "No right to audit." } });
    expect(legal.state).toBe("in_review");
    const done = await signOffAssessment({ actor: actors.security, input: { assessmentId: assessment.id, lockVersion: legal.lockVersion, decision: "approve", comment: "Risk accepted." } });
    expect(done.state).toBe("rejected");
  });

  it("sign-off rules: each role once, only its own part, comments and conditions validated, stale lock refused", async () => {
    const { assessment } = await reviewHigh("Strict Reviews Ltd");
    const base = { assessmentId: assessment.id, lockVersion: assessment.lockVersion };
    await expect(signOffAssessment({ actor: actors.security, input: { ...base, role: "legal", decision: "approve", comment: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    for (const role of ["admin", "procurement", "viewer"] as const) {
      await expect(signOffAssessment({ actor: actors[role], input: { ...base, decision: "approve", comment: "" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const noComment = await signOffAssessment({ actor: actors.legal, input: { ...base, decision: "reject", comment: "" } }).catch((e) => e);
    expect(noComment).toMatchObject({ code: "VALIDATION", fieldErrors: { comment: "Explain why you reject" } });
    const noConditions = await signOffAssessment({ actor: actors.legal, input: { ...base, decision: "approve_with_conditions", comment: "x", conditions: [] } }).catch((e) => e);
    expect(noConditions.fieldErrors).toHaveProperty("conditions");
    const pastDue = await signOffAssessment({
      actor: actors.legal,
      input: { ...base, decision: "approve_with_conditions", comment: "x", conditions: [{ title: "Fix it", ownerId: actors.legal.id, dueDate: "2020-01-01" }] },
    }).catch((e) => e);
    expect(pastDue.fieldErrors).toHaveProperty(["conditions.0.dueDate"]);
    const unknownFinding = await signOffAssessment({
      actor: actors.legal,
      input: { ...base, decision: "approve_with_conditions", comment: "x", conditions: [{ title: "Fix it", findingKey: "no.such.finding", ownerId: actors.legal.id, dueDate: day(new Date(), 1) }] },
    }).catch((e) => e);
    expect(unknownFinding.fieldErrors).toHaveProperty(["conditions.0.findingKey"]);

    const signed = await signOffAssessment({ actor: actors.legal, input: { ...base, decision: "approve", comment: "Risk accepted." } });
    // The same lock version again: someone else moved the assessment meanwhile.
    await expect(signOffAssessment({ actor: actors.security, input: { ...base, decision: "approve", comment: "Risk accepted." } })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(signOffAssessment({ actor: actors.legal, input: { ...base, lockVersion: signed.lockVersion, decision: "reject", comment: "changed my mind" } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    expect(await t.db.assessmentSignOff.count({ where: { assessmentId: assessment.id } })).toBe(2);
    expect(await t.db.remediationItem.count({ where: { assessmentId: assessment.id } })).toBe(0);
  });

  it("two concurrent sign-offs by the same role: exactly one is recorded", async () => {
    const { assessment } = await reviewHigh("Concurrent Signers Ltd");
    const input = { assessmentId: assessment.id, lockVersion: assessment.lockVersion, decision: "approve", comment: "Risk accepted." };
    const results = await Promise.allSettled([signOffAssessment({ actor: actors.legal, input }), signOffAssessment({ actor: actors.legal, input })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.assessmentSignOff.count({ where: { assessmentId: assessment.id, role: "legal" } })).toBe(1);
  });

  it("the snapshot never changes: a dossier edit marks it stale, re-scoring makes version 2, and version 1 is superseded", async () => {
    const { vendor, assessment } = await review("Changing Dossier Ltd");
    const frozen = await t.db.assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    const view1 = await getAssessmentView({ actor: actors.viewer, assessmentId: assessment.id });
    expect(view1.freshness?.stale).toBe(false);

    await saveDossierRecord({ actor: actors.procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "IN", city: "Pune", mode: "onsite", headcount: 30 } } });
    const after = await t.db.assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    expect({ dossier: after.dossier, settings: after.settings, findings: after.findings, score: after.score, overall: after.overall, rating: after.rating }).toEqual({
      dossier: frozen.dossier,
      settings: frozen.settings,
      findings: frozen.findings,
      score: frozen.score,
      overall: frozen.overall,
      rating: frozen.rating,
    });
    const stale = await getAssessmentView({ actor: actors.viewer, assessmentId: assessment.id });
    expect(stale.freshness).toMatchObject({ stale: true, changedSections: ["Delivery sites"] });
    const tab = await listVendorAssessments({ actor: actors.viewer, vendorId: vendor.id });
    expect(tab.freshness?.stale).toBe(true);

    const v2 = await createAssessment({ actor: actors.procurement, input: { vendorId: vendor.id } });
    expect(v2.version).toBe(2);
    expect((v2.dossier as unknown as { sites: unknown[] }).sites).toHaveLength(2);
    expect((await t.db.auditEvent.findFirstOrThrow({ where: { entityId: v2.id } })).action).toBe("assessment.rescore");
    // Version 1 stays in review as it was, but takes no more sign-offs.
    await expect(
      signOffAssessment({ actor: actors.legal, input: { assessmentId: assessment.id, lockVersion: assessment.lockVersion, decision: "approve", comment: "" } }),
    ).rejects.toMatchObject({ code: "INVALID_STATE" });
    const old = await getAssessmentView({ actor: actors.legal, assessmentId: assessment.id });
    expect(old.superseded).toBe(true);
    expect(old.may.signOffAs).toBeNull();

    const { comparison } = await compareAssessmentVersions({ actor: actors.viewer, input: { a: v2.id, b: assessment.id } });
    expect(comparison.from.version).toBe(1);
    expect(comparison.to.version).toBe(2);
    expect(comparison.domains.length).toBeGreaterThan(0);
  });

  it("comparing versions of two different vendors is refused", async () => {
    const a = await createAssessment({ actor: actors.procurement, input: { vendorId: (await buildAssessedVendor(actors, "Compare A Ltd")).vendor.id } });
    const b = await createAssessment({ actor: actors.procurement, input: { vendorId: (await buildAssessedVendor(actors, "Compare B Ltd")).vendor.id } });
    await expect(compareAssessmentVersions({ actor: actors.viewer, input: { a: a.id, b: b.id } })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("remediation: locked edits, closing needs proof or a note, overdue items become findings and show on procurement's page", async () => {
    const { vendor, assessment } = await reviewHigh("Remediation Flow Ltd");
    const bypass = (assessment.findings as unknown as Finding[]).find((f) => f.severity === "high")!;
    const signed = await signOffAssessment({
      actor: actors.security,
      input: {
        assessmentId: assessment.id,
        lockVersion: assessment.lockVersion,
        decision: "approve_with_conditions",
        comment: "Retrain agents.",
        conditions: [{ title: "Retrain tier 2 agents on verification", findingKey: findingKey(bypass), ownerId: actors.security.id, dueDate: day(new Date(), 1) }],
      },
    });
    expect(signed.state).toBe("in_review");
    const item = await t.db.remediationItem.findFirstOrThrow({ where: { assessmentId: assessment.id } });
    // The item keeps its finding: code, message and the record it concerns.
    expect(item).toMatchObject({ findingCode: bypass.code, findingMessage: bypass.message, findingSubjectKind: bypass.subject.kind, findingSubjectId: bypass.subject.id ?? null });

    // Not overdue today; overdue two months from now, on the vendor page and in the summary.
    expect((await getVendorDossierView({ actor: actors.viewer, vendorId: vendor.id })).findings.map((f) => f.code)).not.toContain("remediation.overdue");
    const later = new Date(Date.now() + 62 * 86_400_000);
    const future = await getVendorDossierView({ actor: actors.viewer, vendorId: vendor.id, now: later });
    const overdue = future.findings.find((f) => f.code === "remediation.overdue");
    expect(overdue).toMatchObject({ severity: "high", subject: { kind: "remediation", id: item.id } });
    const overview = await getProcurementOverview({ actor: actors.procurement, now: later });
    expect(overview.overdueRemediation.rows.map((r) => r.id)).toContain(item.id);

    const edit = { id: item.id, version: item.version, status: "done", dueDate: item.dueDate, ownerId: item.ownerId ?? "" };
    await expect(updateRemediationItem({ actor: actors.viewer, input: edit })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateRemediationItem({ actor: actors.legal, input: edit })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(updateRemediationItem({ actor: actors.procurement, input: edit })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { closingNote: expect.any(String) } });
    const done = await updateRemediationItem({ actor: actors.procurement, input: { ...edit, closingNote: "Retraining completed; attendance sheet on file." } });
    expect(done).toMatchObject({ status: "done", version: item.version + 1 });
    await expect(updateRemediationItem({ actor: actors.security, input: { ...edit, status: "open" } })).rejects.toMatchObject({ code: "CONFLICT" });
    const events = await t.db.auditEvent.findMany({ where: { entityId: item.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["remediation.create", "remediation.update"]);
    const closed = await getVendorDossierView({ actor: actors.viewer, vendorId: vendor.id, now: later });
    expect(closed.findings.map((f) => f.code)).not.toContain("remediation.overdue");
  });

  it("procurement's overview lists what is in review and vendors never assessed", async () => {
    const { assessment } = await review("Queue Listing Ltd");
    const { vendor: fresh } = await buildAssessedVendor(actors, "Never Assessed Ltd");
    const overview = await getProcurementOverview({ actor: actors.procurement });
    expect(overview.inReview.map((a) => a.id)).toContain(assessment.id);
    expect(overview.inReview.find((a) => a.id === assessment.id)!.pending).toEqual(["legal", "security"]);
    expect(overview.neverAssessed.rows.map((v) => v.id)).toContain(fresh.id);
  });

  it("a PDF download is allowed to every reader and audited as that reader", async () => {
    const { assessment } = await review("Downloaded Report Ltd");
    const { pdf, fileName } = await downloadAssessmentReport({ actor: actors.viewer, assessmentId: assessment.id });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(fileName).toMatch(/^assay-downloaded-report-ltd-v1-\d{4}-\d{2}-\d{2}\.pdf$/);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: assessment.id, action: "assessment.report.download" } });
    expect(event.actorId).toBe(actors.viewer.id);
    expect(event.after).toMatchObject({ fileName, bytes: pdf.length });
  });
});
