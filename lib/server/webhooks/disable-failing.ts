// An endpoint that keeps failing is switched off (docs/webhooks.md, "When an
// endpoint keeps failing"): after ASSAY_WEBHOOK_MAX_FAILURES failed attempts
// in a row it is disabled, its waiting deliveries are given up, the audit log
// says so, and every active admin gets a notification. Only the attempt that
// flips it from enabled does this, so admins hear once.
import { SYSTEM_ACTOR } from "../actor";
import { recordAudit } from "../audit";
import type { Tx } from "../db";
import { recordNotifications } from "../notifications/notification-store";
import { forgetWebhookSubscriptions } from "./record-events";
import { webhookAuditView } from "./webhook-view";

export const DISABLED_ERROR = "Not sent: the endpoint is disabled.";

/** Gives up the subscription's waiting deliveries (the endpoint was disabled). */
export async function abandonPendingDeliveries(tx: Tx, subscriptionId: string): Promise<number> {
  const { count } = await tx.webhookDelivery.updateMany({ where: { subscriptionId, state: "pending" }, data: { state: "failed", lastError: DISABLED_ERROR } });
  return count;
}

export async function disableFailingEndpoint(tx: Tx, subscriptionId: string, failures: number, now: Date): Promise<boolean> {
  const before = await tx.webhookSubscription.findUnique({ where: { id: subscriptionId } });
  if (!before?.enabled) return false;
  const { count } = await tx.webhookSubscription.updateMany({
    where: { id: subscriptionId, enabled: true },
    data: { enabled: false, disabledReason: "failures", disabledAt: now, version: { increment: 1 } },
  });
  if (count === 0) return false;
  const after = await tx.webhookSubscription.findUniqueOrThrow({ where: { id: subscriptionId } });
  await abandonPendingDeliveries(tx, subscriptionId);
  await recordAudit(tx, SYSTEM_ACTOR, { action: "webhook.disable", entityType: "webhook", entityId: subscriptionId, before: webhookAuditView(before), after: webhookAuditView(after) });
  const admins = await tx.user.findMany({ where: { active: true, role: "admin" }, select: { id: true }, orderBy: { id: "asc" } });
  await recordNotifications(
    tx,
    admins.map((a) => ({
      userId: a.id,
      type: "webhook_disabled" as const,
      itemKind: "webhook",
      itemId: subscriptionId,
      // Each disabling is its own notice: re-enabled and failing again, admins hear again.
      stage: `disabled:${after.version}`,
      vendorId: null,
      vendorName: "",
      dueDate: null,
      title: `Webhook "${after.name}" was disabled after ${failures} failed deliveries in a row`,
      href: `/admin/webhooks/${encodeURIComponent(subscriptionId)}`,
    })),
  );
  forgetWebhookSubscriptions();
  return true;
}
