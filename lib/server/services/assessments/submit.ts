import { applyWorkflowEvent } from "@/lib/domain/assessments/assessment-workflow";
import { submitAssessmentSchema } from "@/lib/schemas/assessment";
import type { Actor } from "../../actor";
import { recordAudit } from "../../audit";
import { requirePermission } from "../../authorize";
import type { Tx } from "../../db";
import { staleEdit } from "../../errors";
import { emailNow, recordSignOffRequests } from "../../notifications/sign-off-requests";
import { inTransaction } from "../../transaction";
import { recordAssessmentStateChange } from "../../webhooks/portfolio-events";
import { parseInput } from "../../validation";
import { loadForWorkflow, refuse } from "./load-for-workflow";

/** Procurement submits a draft for review; the submission is procurement's sign-off. */
export async function submitAssessment({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  requirePermission(actor, "assessment.submit");
  const { assessmentId, lockVersion, comment } = parseInput(submitAssessmentSchema, input);
  const { assessment, notified } = await inTransaction(tx, async (tx) => {
    const { row, snapshot } = await loadForWorkflow(tx, assessmentId);
    const outcome = applyWorkflowEvent(snapshot, { type: "submit" });
    if (!outcome.ok) refuse(outcome);
    const { count } = await tx.assessment.updateMany({
      where: { id: row.id, lockVersion },
      data: { state: outcome.state, submittedAt: now, lockVersion: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("assessment");
    await tx.assessmentSignOff.create({
      data: { assessmentId: row.id, role: "procurement", decision: "submit", comment, signedById: actor.id, signedAt: now },
    });
    await recordAudit(tx, actor, {
      action: "assessment.submit",
      entityType: "assessment",
      entityId: row.id,
      vendorId: row.vendorId,
      before: { state: row.state },
      after: { state: outcome.state, version: row.version, comment },
    });
    await recordAssessmentStateChange(tx, { assessmentId: row.id, vendorId: row.vendorId, version: row.version, from: row.state, to: outcome.state });
    const notified = await recordSignOffRequests(tx, { assessmentId: row.id, vendorId: row.vendorId, version: row.version, lockVersion: lockVersion + 1 });
    return { assessment: await tx.assessment.findUniqueOrThrow({ where: { id: row.id } }), notified };
  });
  // Legal and security hear at once; inside a caller's transaction the email waits for the next run.
  if (!tx) emailNow(notified);
  return assessment;
}
