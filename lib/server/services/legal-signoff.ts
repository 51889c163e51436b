import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { describeLegalChange, LEGAL_AUDIT_PREFIXES } from "@/lib/domain/legal/legal-change";
import { legalSignOffInputSchema } from "@/lib/schemas/legal-review";
import type { LegalChange, LegalSignOffState, SignOffSummary } from "@/lib/schemas/views/legal-review";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { isUniqueKeyViolation } from "../db-errors";
import { loadDossier } from "../dossier/load-dossier";
import { AppError, notFound } from "../errors";
import { inTransaction } from "../transaction";
import { parseInput } from "../validation";
import { loadSettings } from "./settings";

// Legal's sign-off of a vendor's legal review. A
// sign-off records the vendor's legal revision it saw; every later change
// to a contract, clause, DPA, transfer or sub-processor moves the revision
// on (legal-records.ts), which makes the sign-off outdated, and the audit
// events after the sign-off say which changes did it.

function alreadySignedOff(): AppError {
  return new AppError("INVALID_STATE", "This revision of the legal review is already signed off. Nothing changed since.");
}

/** Signs the vendor's legal review off at the revision the reviewer looked at. */
export async function signOffLegalReview({ actor, input }: { actor: Actor; input: unknown }, tx?: Tx) {
  requirePermission(actor, "legal.signoff");
  const { vendorId, legalRevision, comment } = parseInput(legalSignOffInputSchema, input);
  return inTransaction(tx, async (tx) => {
    const vendor = await tx.vendor.findUnique({ where: { id: vendorId }, select: { id: true, legalRevision: true } });
    if (!vendor) throw notFound("Vendor not found.");
    if (vendor.legalRevision !== legalRevision) {
      const [latest] = await changesSince(tx, vendorId, undefined, { newestFirst: true, take: 1 });
      const what = latest ? ` The latest change: ${latest.description} (${latest.actorName}).` : "";
      throw new AppError(
        "CONFLICT",
        `The legal review changed while you were looking at it (revision ${legalRevision} → ${vendor.legalRevision}).${what} Reload, check the changes, then sign off again.`,
      );
    }
    const previous = await latestSignOff(tx, vendorId);
    if (previous && previous.legalRevision === vendor.legalRevision) throw alreadySignedOff();
    // Signing off over legal blockers is allowed (legal may accept a risk), but never silently.
    const blockers = await legalBlockers(tx, vendorId);
    if (blockers > 0 && comment.length === 0) {
      throw new AppError("VALIDATION", "Explain the sign-off.", {
        comment: `The review has ${blockers} legal blocker${blockers === 1 ? "" : "s"}; say why you sign off anyway, or resolve ${blockers === 1 ? "it" : "them"} first.`,
      });
    }
    // Two sign-offs racing past the check above: the unique index on (vendorId, uniqueRevision) keeps one.
    const signOff = await tx.legalSignOff
      .create({ data: { vendorId, signedById: actor.id, comment, legalRevision, uniqueRevision: legalRevision } })
      .catch((error: unknown) => {
        throw isUniqueKeyViolation(error) ? alreadySignedOff() : error;
      });
    await recordAudit(tx, actor, {
      action: "legal.signoff",
      entityType: "legal_signoff",
      entityId: signOff.id,
      vendorId,
      after: { legalRevision, comment, legalBlockers: blockers },
    });
    return { id: signOff.id, legalRevision };
  });
}

async function legalBlockers(tx: Tx, vendorId: string): Promise<number> {
  const [loaded, settings] = await Promise.all([loadDossier(tx, vendorId), loadSettings(tx)]);
  if (!loaded) return 0;
  return vendorFindingsFor(loaded.dossier, settings, new Date()).filter((f) => f.code.startsWith("legal.") && f.severity === "blocker").length;
}

async function latestSignOff(client: Tx, vendorId: string) {
  return client.legalSignOff.findFirst({ where: { vendorId }, orderBy: [{ signedAt: "desc" }, { id: "desc" }] });
}

/** Legal changes to a vendor's records after `since` (all of them when undefined). */
export async function changesSince(
  client: Tx,
  vendorId: string,
  since: Date | undefined,
  { newestFirst = false, take }: { newestFirst?: boolean; take?: number } = {},
): Promise<LegalChange[]> {
  const events = await client.auditEvent.findMany({
    where: {
      vendorId,
      ...(since ? { at: { gte: since } } : {}),
      OR: LEGAL_AUDIT_PREFIXES.map((prefix) => ({ action: { startsWith: prefix } })),
    },
    orderBy: { id: newestFirst ? "desc" : "asc" },
    take,
  });
  const actorIds = [...new Set(events.map((e) => e.actorId).filter((id): id is string => id !== null))];
  const users = await client.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } });
  const nameOf = new Map(users.map((u) => [u.id, u.name]));
  return events.map((e) => ({
    auditId: e.id,
    at: e.at,
    actorName: nameOf.get(e.actorId ?? "") ?? e.actorEmail ?? "Assay system",
    action: e.action,
    description: describeLegalChange(e) ?? e.action,
  }));
}

/**
 * Missing, current or outdated, with the changes that outdated it. The
 * revision decides (a lost clock tick cannot hide a change); the audit events
 * since the sign-off explain it.
 */
export async function loadLegalSignOffState(client: Tx, vendor: { id: string; legalRevision: number }): Promise<LegalSignOffState> {
  const latest = await latestSignOff(client, vendor.id);
  if (!latest) return { state: "missing" };
  const signer = await client.user.findUnique({ where: { id: latest.signedById }, select: { name: true } });
  const signOff: SignOffSummary = {
    id: latest.id,
    signedAt: latest.signedAt,
    signedByName: signer?.name ?? "Unknown user",
    comment: latest.comment,
    legalRevision: latest.legalRevision,
  };
  if (latest.legalRevision >= vendor.legalRevision) return { state: "current", signOff };
  return { state: "outdated", signOff, changes: await changesSince(client, vendor.id, latest.signedAt) };
}

/** The sign-off state of the vendor's legal review, for pages. */
export async function getLegalSignOffState({ actor, vendorId }: { actor: Actor; vendorId: string }) {
  requirePermission(actor, "vendor.read");
  const vendor = await db().vendor.findUnique({ where: { id: vendorId }, select: { id: true, legalRevision: true } });
  if (!vendor) throw notFound("Vendor not found.");
  return { legalRevision: vendor.legalRevision, ...(await loadLegalSignOffState(db(), vendor)) };
}
