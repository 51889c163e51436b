import { buildAssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { pendingSignOffRoles, reviewRoleOf } from "@/lib/domain/assessments/assessment-workflow";
import { findingKey } from "@/lib/domain/findings/finding";
import { findingsNeedingAcceptance, latestRiskAcceptanceExpiry } from "@/lib/domain/assessments/risk-acceptance";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { allowedDecisions, findingsNeedingRemediation, type SignOffContext } from "@/lib/domain/assessments/sign-off-policy";
import type { Actor } from "../../actor";
import { requirePermission } from "../../authorize";
import { db } from "../../db";
import { notFound } from "../../errors";
import { can } from "../../permissions";
import { loadSettings } from "../settings";
import { loadReportInput } from "./report-input";
import { stateOf } from "./snapshot";

export interface AssessmentPermissions {
  submit: boolean;
  signOffAs: "legal" | "security" | null;
  rescore: boolean;
  manageRemediation: boolean;
  acceptRisk: boolean;
}

/** The assessment page: report model, workflow state, what this user may do, and freshness. */
export async function getAssessmentView({ actor, assessmentId, now = new Date() }: { actor: Actor; assessmentId: string; now?: Date }) {
  requirePermission(actor, "assessment.read");
  const client = db();
  const loaded = await loadReportInput(client, assessmentId, now);
  if (!loaded) throw notFound("Assessment not found.");
  // The report input already compared the snapshot with the live dossier (the PDF's cover says the same).
  const { row, input, freshness } = loaded;
  const [vendor, versions] = await Promise.all([
    client.vendor.findUniqueOrThrow({ where: { id: row.vendorId }, select: { id: true, name: true, tier: true } }),
    client.assessment.findMany({
      where: { vendorId: row.vendorId },
      orderBy: { version: "desc" },
      select: { id: true, version: true, state: true, overall: true, rating: true, createdAt: true },
    }),
  ]);
  const latest = versions[0]!;
  const superseded = latest.id !== row.id;
  const state = stateOf(row);
  const reviewRole = reviewRoleOf(actor.role);
  const signedRoles = input.signOffs.map((s) => s.role);
  const may: AssessmentPermissions = {
    submit: can(actor.role, "assessment.submit") && state === "draft" && !superseded,
    signOffAs:
      reviewRole && can(actor.role, reviewRole === "legal" ? "assessment.signoff.legal" : "assessment.signoff.security") && state === "in_review" && !superseded && !signedRoles.includes(reviewRole)
        ? reviewRole
        : null,
    rescore: can(actor.role, "assessment.create"),
    manageRemediation: can(actor.role, "remediation.manage"),
    acceptRisk: can(actor.role, "risk.accept") && (state === "draft" || state === "in_review") && !superseded,
  };
  const owners = may.signOffAs
    ? await client.user.findMany({ where: { active: true }, orderBy: { name: "asc" }, select: { id: true, name: true, role: true } })
    : [];
  const report = buildAssessmentReport(input);
  // What the band allows, from the same rule the sign-off service enforces.
  const policy: SignOffContext = {
    band: row.rating as RatingBand,
    stale: (freshness?.changedSections.length ?? 0) > 0,
    findings: input.findings,
    riskAcceptance: input.riskAcceptances?.at(-1) ?? null,
    now,
  };
  const settings = may.acceptRisk ? await loadSettings(client) : null;
  return {
    assessment: {
      id: row.id,
      vendorId: row.vendorId,
      version: row.version,
      state,
      lockVersion: row.lockVersion,
      createdAt: row.createdAt,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      nextDueAt: row.nextDueAt,
    },
    vendor,
    report,
    findings: input.findings,
    pendingRoles: pendingSignOffRoles(input.signOffs),
    versions,
    superseded,
    latestVersion: latest.version,
    freshness,
    may,
    owners,
    decisions: allowedDecisions(policy),
    findingsNeedingRemediation: findingsNeedingRemediation(input.findings).map((f) => findingKey(f)),
    riskAcceptanceForm: settings
      ? {
          candidates: findingsNeedingAcceptance(input.findings).map((f) => ({ key: findingKey(f), message: f.message, severity: f.severity })),
          latestExpiry: latestRiskAcceptanceExpiry(now, settings.signOff.riskAcceptanceMaxDays),
          maxDays: settings.signOff.riskAcceptanceMaxDays,
        }
      : null,
  };
}
export type AssessmentView = Awaited<ReturnType<typeof getAssessmentView>>;
