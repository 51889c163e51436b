import { isRemediationOpen } from "@/lib/domain/assessments/remediation";
import { updateRemediationSchema } from "@/lib/schemas/assessment";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import type { Tx } from "../db";
import { refreshVendorSummary } from "./vendor-summaries";
import { AppError, notFound, staleEdit } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";

// Remediation items (docs/rules.md §9): conditions of approval with an owner, a
// due date, a status and, once closed, the evidence or note that closed them.
// Items are created by the sign-off that sets the condition
// (services/assessments/sign-off.ts); here they move. Every change is version-locked
// and audited, and refreshes the vendor's findings summary because an
// overdue item is a finding ("remediation.overdue").

type RemediationRow = Awaited<ReturnType<Tx["remediationItem"]["findUniqueOrThrow"]>>;

function auditView(r: RemediationRow) {
  const { title, findingCode, ownerId, dueDate, status, closingEvidenceId, closingNote, version } = r;
  return { title, findingCode, ownerId, dueDate, status, closingEvidenceId, closingNote, version };
}

export async function updateRemediationItem({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "remediation.manage");
  const values = parseInput(updateRemediationSchema, input);
  return inTransaction(tx, async (tx) => {
    const before = await tx.remediationItem.findUnique({ where: { id: values.id } });
    if (!before) throw notFound("Remediation item not found.");
    if (values.closingEvidenceId) {
      const doc = await tx.evidenceDocument.findFirst({ where: { id: values.closingEvidenceId, vendorId: before.vendorId }, select: { id: true } });
      if (!doc) throw new AppError("VALIDATION", "Check the highlighted field.", { closingEvidenceId: "Choose a document uploaded for this vendor" });
    }
    const ownerId = values.ownerId === undefined ? before.ownerId : values.ownerId;
    if (ownerId && ownerId !== before.ownerId) {
      const owner = await tx.user.findFirst({ where: { id: ownerId, active: true }, select: { id: true } });
      if (!owner) throw new AppError("VALIDATION", "Check the highlighted field.", { ownerId: "Choose an active user as owner" });
    }
    // Reopening clears what closed it, so an open item never shows stale closing proof.
    const closing = isRemediationOpen({ status: values.status })
      ? { closingEvidenceId: null, closingNote: values.closingNote ?? null }
      : { closingEvidenceId: values.closingEvidenceId ?? null, closingNote: values.closingNote ?? null };
    const { count } = await tx.remediationItem.updateMany({
      where: { id: values.id, version: values.version },
      data: { status: values.status, ownerId, dueDate: values.dueDate, ...closing, version: { increment: 1 } },
    });
    if (count === 0) throw staleEdit("remediation item");
    const after = await tx.remediationItem.findUniqueOrThrow({ where: { id: values.id } });
    await recordAudit(tx, actor, {
      action: "remediation.update",
      entityType: "remediation",
      entityId: after.id,
      vendorId: after.vendorId,
      before: auditView(before),
      after: auditView(after),
    });
    await refreshVendorSummary(tx, after.vendorId);
    return after;
  });
}
