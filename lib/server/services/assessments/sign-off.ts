import { applyWorkflowEvent, reviewRoleOf } from "@/lib/domain/assessments/assessment-workflow";
import { formatIsoDay } from "@/lib/domain/dates";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import type { RatingBand } from "@/lib/domain/scoring/types";
import { checkSignOff, type SignOffContext } from "@/lib/domain/assessments/sign-off-policy";
import { signOffSchema } from "@/lib/schemas/assessment";
import type { Actor } from "../../actor";
import { recordAudit } from "../../audit";
import { notePermissionDenied, requirePermission } from "../../authorize";
import { Prisma, type Tx } from "../../db";
import { loadAssessmentRiskAcceptances, loadDossier } from "../../dossier/load-dossier";
import { AppError, forbidden, staleEdit } from "../../errors";
import { can } from "../../permissions";
import { inTransaction } from "../../transaction";
import { recordAssessmentStateChange } from "../../webhooks/portfolio-events";
import { parseInput } from "../../validation";
import { loadForWorkflow, refuse } from "./load-for-workflow";
import { dossierChangedSince, snapshotOf, type AssessmentRow } from "./snapshot";

/**
 * Legal or security signs off the version under review. Conditions of an
 * approval with conditions become remediation items at once (they are work
 * whatever the final decision). The third sign-off decides the assessment
 * and moves the vendor's next assessment due date to the assessment's.
 */
export async function signOffAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  // Fail closed before reading the input: only a holder of a sign-off permission gets further.
  if (!can(actor.role, "assessment.signoff.legal") && !can(actor.role, "assessment.signoff.security")) {
    notePermissionDenied(actor, "assessment.signoff.security");
    throw forbidden("Only legal and security sign assessments off.");
  }
  const values = parseInput(signOffSchema, input);
  const role = values.role ?? reviewRoleOf(actor.role);
  if (!role) throw forbidden("Only legal and security sign assessments off.");
  requirePermission(actor, role === "legal" ? "assessment.signoff.legal" : "assessment.signoff.security");
  const today = formatIsoDay(now);
  const fieldErrors: Record<string, string> = {};
  values.conditions.forEach((c, i) => {
    if (c.dueDate < today) fieldErrors[`conditions.${i}.dueDate`] = "The due date cannot be in the past";
  });
  if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);

  return inTransaction(tx, async (tx) => {
    const { row, snapshot } = await loadForWorkflow(tx, values.assessmentId);
    const outcome = applyWorkflowEvent(snapshot, { type: "sign_off", role, decision: values.decision, conditionCount: values.conditions.length });
    if (!outcome.ok) refuse(outcome);

    const ownerIds = [...new Set(values.conditions.map((c) => c.ownerId))];
    const owners = await tx.user.findMany({ where: { id: { in: ownerIds }, active: true }, select: { id: true } });
    const frozen = new Map(snapshotOf(row).findings.map((f) => [findingKey(f), f]));
    values.conditions.forEach((c, i) => {
      if (!owners.some((o) => o.id === c.ownerId)) fieldErrors[`conditions.${i}.ownerId`] = "Choose an active user as owner";
      if (c.findingKey && !frozen.has(c.findingKey)) fieldErrors[`conditions.${i}.findingKey`] = "Choose a finding of this assessment";
    });
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);

    // The band bounds the decision (docs/assessments.md, "What the rating allows"), checked here whatever the form showed.
    const policy = await signOffContextOf(tx, row, now);
    const check = checkSignOff(policy, {
      decision: values.decision,
      comment: values.comment,
      conditionFindingKeys: values.conditions.map((c) => c.findingKey).filter((k): k is string => !!k),
    });
    if (!check.ok) {
      // A refused decision is the headline; a missing comment or condition is shown next to its field.
      throw new AppError("VALIDATION", check.field === "decision" ? check.reason : "Check the highlighted fields.", { [check.field]: check.reason });
    }

    const { count } = await tx.assessment.updateMany({
      where: { id: row.id, lockVersion: values.lockVersion },
      data: { state: outcome.state, lockVersion: { increment: 1 }, ...(outcome.decided ? { decidedAt: now } : {}) },
    });
    if (count === 0) throw staleEdit("assessment");
    try {
      await tx.assessmentSignOff.create({
        data: { assessmentId: row.id, role, decision: values.decision, comment: values.comment, signedById: actor.id, signedAt: now },
      });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw staleEdit("assessment");
      throw error;
    }
    await recordAudit(tx, actor, {
      action: "assessment.sign_off",
      entityType: "assessment",
      entityId: row.id,
      vendorId: row.vendorId,
      before: { state: row.state },
      after: { role, decision: values.decision, comment: values.comment, state: outcome.state, version: row.version, conditions: values.conditions.length },
    });
    await recordAssessmentStateChange(tx, { assessmentId: row.id, vendorId: row.vendorId, version: row.version, from: row.state, to: outcome.state });
    for (const condition of values.conditions) {
      const item = await tx.remediationItem.create({
        data: {
          vendorId: row.vendorId,
          assessmentId: row.id,
          ...findingColumns(condition.findingKey ? frozen.get(condition.findingKey) : undefined),
          title: condition.title,
          ownerId: condition.ownerId,
          dueDate: condition.dueDate,
        },
      });
      await recordAudit(tx, actor, {
        action: "remediation.create",
        entityType: "remediation",
        entityId: item.id,
        vendorId: row.vendorId,
        after: { title: item.title, findingCode: item.findingCode, findingMessage: item.findingMessage, findingSubject: item.findingSubjectLabel, ownerId: item.ownerId, dueDate: item.dueDate, status: item.status, assessmentId: row.id, fromSignOff: role },
      });
    }
    if (outcome.decided) {
      const vendor = await tx.vendor.findUniqueOrThrow({ where: { id: row.vendorId }, select: { nextAssessmentDue: true } });
      await tx.vendor.update({ where: { id: row.vendorId }, data: { nextAssessmentDue: row.nextDueAt } });
      await recordAudit(tx, actor, {
        action: "assessment.decide",
        entityType: "assessment",
        entityId: row.id,
        vendorId: row.vendorId,
        before: { state: "in_review", vendorNextAssessmentDue: vendor.nextAssessmentDue },
        after: { state: outcome.state, version: row.version, vendorNextAssessmentDue: row.nextDueAt },
      });
    }
    return tx.assessment.findUniqueOrThrow({ where: { id: row.id } });
  });
}

/** The finding a remediation item remedies, as columns (code, message, the record it concerns). */
function findingColumns(f: Finding | undefined) {
  return {
    findingCode: f?.code ?? null,
    findingMessage: f?.message ?? null,
    findingSubjectKind: f?.subject.kind ?? null,
    findingSubjectId: f?.subject.id ?? null,
    findingSubjectLabel: f?.subject.label ?? null,
  };
}

/** What the sign-off rule needs: the frozen band and findings, the freshness of the snapshot, the newest risk acceptance. */
async function signOffContextOf(tx: Tx, row: AssessmentRow, now: Date): Promise<SignOffContext> {
  // One query at a time: inside an interactive transaction the connection is shared.
  const live = await loadDossier(tx, row.vendorId);
  const acceptances = await loadAssessmentRiskAcceptances(tx, row.id);
  return {
    band: row.rating as RatingBand,
    stale: dossierChangedSince(row, live?.dossier),
    findings: snapshotOf(row).findings,
    riskAcceptance: acceptances.at(-1) ?? null,
    now,
  };
}
