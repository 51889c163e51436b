import type { RecordedSignOff, SignOffDecision, SignOffRole } from "@/lib/domain/assessments/assessment-workflow";
import type { Tx } from "../../db";
import { AppError, notFound } from "../../errors";
import { stateOf } from "./snapshot";

/** The row a workflow step acts on, with what the workflow rule needs: its state, its sign-offs, whether a newer version supersedes it. */
export async function loadForWorkflow(tx: Tx, assessmentId: string) {
  const row = await tx.assessment.findUnique({ where: { id: assessmentId }, include: { signOffs: true } });
  if (!row) throw notFound("Assessment not found.");
  const newer = await tx.assessment.count({ where: { vendorId: row.vendorId, version: { gt: row.version } } });
  const signOffs: RecordedSignOff[] = row.signOffs.map((s) => ({ role: s.role as SignOffRole, decision: s.decision as SignOffDecision }));
  return { row, snapshot: { state: stateOf(row), signOffs, superseded: newer > 0 } };
}

/** A refusal of the workflow rule as the error the form shows. */
export function refuse(outcome: { code: "INVALID_STATE" | "VALIDATION"; reason: string }): never {
  throw outcome.code === "VALIDATION" ? new AppError("VALIDATION", outcome.reason, { form: outcome.reason }) : new AppError("INVALID_STATE", outcome.reason);
}
