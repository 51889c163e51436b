import { DECIDED_STATES, isAssessmentState } from "@/lib/domain/assessments/assessment-workflow";
import { formatDayForPeople, formatIsoDay } from "@/lib/domain/dates";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import { acceptedFindingOf, latestRiskAcceptanceExpiry } from "@/lib/domain/assessments/risk-acceptance";
import { riskAcceptanceSchema } from "@/lib/schemas/assessment";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { AppError, notFound } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { loadSettings } from "./settings";

// Risk acceptances (docs/assessments.md, "Risk acceptance"): an admin or a
// security user records that named open findings of an assessment are
// accepted, why, and until when (at most settings.signOff.riskAcceptanceMaxDays
// days). A High rating cannot be approved without one in force.

export async function createRiskAcceptance({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }, tx?: Tx) {
  requirePermission(actor, "risk.accept");
  const values = parseInput(riskAcceptanceSchema, input);
  return inTransaction(tx, async (tx) => {
    const settings = await loadSettings(tx);
    const today = formatIsoDay(now);
    const latest = latestRiskAcceptanceExpiry(now, settings.signOff.riskAcceptanceMaxDays);
    const fieldErrors: Record<string, string> = {};
    if (values.expiresOn < today) fieldErrors.expiresOn = "The expiry cannot be in the past";
    else if (values.expiresOn > latest) {
      fieldErrors.expiresOn = `A risk acceptance holds at most ${settings.signOff.riskAcceptanceMaxDays} days: choose ${formatDayForPeople(latest)} or earlier`;
    }

    const row = await tx.assessment.findUnique({ where: { id: values.assessmentId }, select: { id: true, vendorId: true, version: true, state: true, findings: true } });
    if (!row) throw notFound("Assessment not found.");
    const newer = await tx.assessment.count({ where: { vendorId: row.vendorId, version: { gt: row.version } } });
    if (newer > 0) throw new AppError("INVALID_STATE", "A newer version of this assessment exists; record the risk acceptance on the newest version.");
    if (isAssessmentState(row.state) && DECIDED_STATES.includes(row.state)) {
      throw new AppError("INVALID_STATE", "This assessment is already decided; a risk acceptance goes with an assessment still to be signed off.");
    }

    const frozen = new Map((row.findings as unknown as Finding[]).map((f) => [findingKey(f), f]));
    const unknownKey = values.findingKeys.find((k) => !frozen.has(k));
    if (unknownKey) fieldErrors.findingKeys = "Choose findings of this assessment";
    if (Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", "Check the highlighted fields.", fieldErrors);

    const accepted = [...new Set(values.findingKeys)].map((k) => acceptedFindingOf(frozen.get(k)!));
    const created = await tx.riskAcceptance.create({
      data: {
        assessmentId: row.id,
        vendorId: row.vendorId,
        acceptedById: actor.id,
        reason: values.reason,
        findings: accepted as unknown as object[],
        expiresOn: values.expiresOn,
        createdAt: now,
      },
    });
    await recordAudit(tx, actor, {
      action: "risk_acceptance.create",
      entityType: "risk_acceptance",
      entityId: created.id,
      vendorId: row.vendorId,
      after: { assessmentId: row.id, version: row.version, reason: values.reason, expiresOn: values.expiresOn, findings: accepted.map((f) => ({ code: f.code, message: f.message, subject: f.subject })) },
    });
    return created;
  });
}
