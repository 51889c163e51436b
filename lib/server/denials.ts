import { createDenialThrottle } from "@/lib/domain/accounts/denial-throttle";
import type { Actor } from "./actor";
import type { AuditEntityType, AuditPayloadSide } from "@/lib/schemas/audit-actions";
import { recordAudit, type AuditInput } from "./audit";
import { db } from "./db";

/**
 * Refused attempts in the audit log (README.md "Security defaults", denied attempts):
 * a missing permission ("denied.permission") and a refused upload
 * ("denied.upload"). The audit log screen filters them as "denied.*".
 *
 * The event is written in its own transaction, after the current one: the
 * refusal is an exception that rolls the caller's transaction back, and the
 * record of it must survive that. Per actor at most DENIALS_PER_MINUTE are
 * written per minute (per app instance); the rest are counted and the count
 * rides on the next event written.
 */
export const DENIALS_PER_MINUTE = 20;

const throttle = createDenialThrottle({ perWindow: DENIALS_PER_MINUTE, windowMs: 60_000 });
const pending = new Set<Promise<void>>();

type DenialAction = "denied.permission" | "denied.upload";

export interface DenialInput<A extends DenialAction> {
  action: A;
  entityType: AuditEntityType<A>;
  entityId?: string | null;
  vendorId?: string | null;
  /** The event's "after", without the throttle's count (added here). */
  details: Omit<NonNullable<AuditPayloadSide<A, "after">>, "suppressedBefore">;
}

/** Synchronous on purpose: callable from requirePermission, which is. */
export function noteDenial<A extends DenialAction>(actor: Actor, input: DenialInput<A>): void {
  const admission = throttle.admit(actor.id, Date.now());
  if (!admission.record) return;
  const after = admission.suppressedBefore > 0 ? { ...input.details, suppressedBefore: admission.suppressedBefore } : input.details;
  const write = new Promise<void>((resolve) => setImmediate(resolve))
    .then(() =>
      db().$transaction((tx) =>
        recordAudit(tx, actor, { action: input.action, entityType: input.entityType, entityId: input.entityId, vendorId: input.vendorId, after } as AuditInput<A>),
      ),
    )
    .catch((error: unknown) => console.error("Could not record a denied attempt", error))
    .finally(() => pending.delete(write));
  pending.add(write);
}

/** Resolves once every denial noted so far is written (tests, graceful shutdown). */
export async function denialsWritten(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}
