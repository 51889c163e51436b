// Webhook subscriptions (docs/webhooks.md): admins register endpoints, choose
// events, rotate the signing secret, switch endpoints off and on, send a test
// event and read the delivery log. Every change checks webhook.manage and
// writes its audit event in the same transaction; the secret is returned once
// by the action that made it and never stored in the clear (secret-box.ts).
import type { WebhookDeliveryPage, WebhookRowView } from "@/lib/schemas/views/webhooks";
import { webhookCreateSchema, webhookIdSchema, webhookToggleSchema, webhookUpdateSchema } from "@/lib/schemas/webhook";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db, type Tx } from "../db";
import { AppError, notFound, staleEdit } from "../errors";
import { parseInput } from "../validation";
import { abandonPendingDeliveries } from "../webhooks/disable-failing";
import { forgetWebhookSubscriptions, recordWebhookTest } from "../webhooks/record-events";
import { newWebhookSecret, sealWebhookSecret } from "../webhooks/secret-box";
import { checkWebhookTarget, systemResolver, type Resolver } from "../webhooks/target-check";
import { webhookConfig } from "../webhooks/webhook-config";
import { eventsOf, webhookAuditView } from "../webhooks/webhook-view";

export const DELIVERY_PAGE_SIZE = 25;

/** The URL's destination, refused next to the URL field when it may not be called. */
async function assertTarget(url: string, resolve: Resolver): Promise<void> {
  const check = await checkWebhookTarget(url, webhookConfig(), resolve);
  if (!check.ok) throw new AppError("VALIDATION", "Check the highlighted fields.", { url: check.reason });
}

interface Ctx {
  actor: Actor;
  input: unknown;
  /** Tests substitute a resolver for the network's DNS. */
  resolve?: Resolver;
}

export async function createWebhook({ actor, input, resolve = systemResolver }: Ctx): Promise<{ id: string; secret: string }> {
  requirePermission(actor, "webhook.manage");
  const { name, url, events } = parseInput(webhookCreateSchema, input);
  await assertTarget(url, resolve);
  const { secret, prefix } = newWebhookSecret();
  const created = await db().$transaction(async (tx) => {
    const row = await tx.webhookSubscription.create({ data: { name, url, events, secretCiphertext: sealWebhookSecret(secret), secretPrefix: prefix, createdById: actor.id } });
    await recordAudit(tx, actor, { action: "webhook.create", entityType: "webhook", entityId: row.id, after: webhookAuditView(row) });
    return row;
  });
  forgetWebhookSubscriptions();
  return { id: created.id, secret };
}

async function loadForChange(tx: Tx, id: string, version?: number) {
  const row = await tx.webhookSubscription.findUnique({ where: { id } });
  if (!row) throw notFound("Webhook not found.");
  if (version !== undefined && row.version !== version) throw staleEdit("webhook");
  return row;
}

export async function updateWebhook({ actor, input, resolve = systemResolver }: Ctx): Promise<void> {
  requirePermission(actor, "webhook.manage");
  const { id, version, name, url, events } = parseInput(webhookUpdateSchema, input);
  await assertTarget(url, resolve);
  await db().$transaction(async (tx) => {
    const before = await loadForChange(tx, id, version);
    const { count } = await tx.webhookSubscription.updateMany({ where: { id, version }, data: { name, url, events, version: { increment: 1 } } });
    if (count === 0) throw staleEdit("webhook");
    const after = await tx.webhookSubscription.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, actor, { action: "webhook.update", entityType: "webhook", entityId: id, before: webhookAuditView(before), after: webhookAuditView(after) });
  });
  forgetWebhookSubscriptions();
}

/** Disabling gives up waiting deliveries; enabling starts the failure count afresh. */
export async function setWebhookEnabled({ actor, input, resolve = systemResolver }: Ctx): Promise<void> {
  requirePermission(actor, "webhook.manage");
  const { id, version, enabled } = parseInput(webhookToggleSchema, input);
  // Re-enabling re-checks the destination (the network may have moved under the name), before the transaction: DNS can be slow.
  if (enabled) await assertTarget((await loadForChange(db(), id, version)).url, resolve);
  await db().$transaction(async (tx) => {
    const before = await loadForChange(tx, id, version);
    if (before.enabled === enabled) return;
    const data = enabled ? { enabled, disabledReason: null, disabledAt: null, consecutiveFailures: 0 } : { enabled, disabledReason: "admin", disabledAt: new Date() };
    const { count } = await tx.webhookSubscription.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
    if (count === 0) throw staleEdit("webhook");
    if (!enabled) await abandonPendingDeliveries(tx, id);
    const after = await tx.webhookSubscription.findUniqueOrThrow({ where: { id } });
    await recordAudit(tx, actor, { action: enabled ? "webhook.enable" : "webhook.disable", entityType: "webhook", entityId: id, before: webhookAuditView(before), after: webhookAuditView(after) });
  });
  forgetWebhookSubscriptions();
}

/** A new secret, answered once; deliveries from now on are signed with it (receivers switch at once). */
export async function rotateWebhookSecret({ actor, input }: Ctx): Promise<{ secret: string }> {
  requirePermission(actor, "webhook.manage");
  const { id } = parseInput(webhookIdSchema, input);
  const { secret, prefix } = newWebhookSecret();
  await db().$transaction(async (tx) => {
    const before = await loadForChange(tx, id);
    await tx.webhookSubscription.update({ where: { id }, data: { secretCiphertext: sealWebhookSecret(secret), secretPrefix: prefix, version: { increment: 1 } } });
    await recordAudit(tx, actor, { action: "webhook.rotate_secret", entityType: "webhook", entityId: id, before: { secretPrefix: before.secretPrefix }, after: { secretPrefix: prefix } });
  });
  return { secret };
}

/** Deletes the subscription and its delivery log; the audit log keeps what it was. */
export async function deleteWebhook({ actor, input }: Ctx): Promise<void> {
  requirePermission(actor, "webhook.manage");
  const { id } = parseInput(webhookIdSchema, input);
  await db().$transaction(async (tx) => {
    const before = await loadForChange(tx, id);
    await tx.webhookSubscription.delete({ where: { id } });
    await recordAudit(tx, actor, { action: "webhook.delete", entityType: "webhook", entityId: id, before: webhookAuditView(before) });
  });
  forgetWebhookSubscriptions();
}

/** Queues a "webhook.test" event for this endpoint only; it is sent like any other delivery. */
export async function sendWebhookTest({ actor, input }: Ctx): Promise<{ eventId: string }> {
  requirePermission(actor, "webhook.manage");
  const { id } = parseInput(webhookIdSchema, input);
  return db().$transaction(async (tx) => {
    const row = await loadForChange(tx, id);
    if (!row.enabled) throw new AppError("INVALID_STATE", "This webhook is disabled. Enable it first, then send a test event.");
    const eventId = await recordWebhookTest(tx, id);
    await recordAudit(tx, actor, { action: "webhook.send_test", entityType: "webhook", entityId: id, after: { eventId } });
    return { eventId };
  });
}

function rowView(r: Awaited<ReturnType<typeof loadRows>>[number], emails: Map<string, string>): WebhookRowView {
  return {
    id: r.id,
    name: r.name,
    url: r.url,
    events: eventsOf(r.events),
    secretPrefix: r.secretPrefix,
    enabled: r.enabled,
    disabledReason: r.disabledReason,
    disabledAt: r.disabledAt?.toISOString() ?? null,
    consecutiveFailures: r.consecutiveFailures,
    lastDeliveryAt: r.lastDeliveryAt?.toISOString() ?? null,
    createdBy: emails.get(r.createdById) ?? "unknown user",
    createdAt: r.createdAt.toISOString(),
    version: r.version,
  };
}

function loadRows(where: { id?: string }) {
  return db().webhookSubscription.findMany({ where, orderBy: { createdAt: "desc" }, take: 200 });
}

async function emailsOf(ids: string[]): Promise<Map<string, string>> {
  const users = await db().user.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, email: true } });
  return new Map(users.map((u) => [u.id, u.email]));
}

export async function listWebhooks({ actor }: { actor: Actor }): Promise<WebhookRowView[]> {
  requirePermission(actor, "webhook.manage");
  const rows = await loadRows({});
  const emails = await emailsOf(rows.map((r) => r.createdById));
  return rows.map((r) => rowView(r, emails));
}

export async function getWebhook({ actor, id, page = 1 }: { actor: Actor; id: string; page?: number }): Promise<{ webhook: WebhookRowView; deliveries: WebhookDeliveryPage } | null> {
  requirePermission(actor, "webhook.manage");
  const [row] = await loadRows({ id });
  if (!row) return null;
  const emails = await emailsOf([row.createdById]);
  const where = { subscriptionId: id };
  const [total, deliveries] = await Promise.all([
    db().webhookDelivery.count({ where }),
    db().webhookDelivery.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (Math.max(1, page) - 1) * DELIVERY_PAGE_SIZE,
      take: DELIVERY_PAGE_SIZE,
      select: { id: true, eventId: true, eventType: true, state: true, attempts: true, lastStatusCode: true, lastError: true, lastDurationMs: true, payloadSha256: true, nextAttemptAt: true, deliveredAt: true, createdAt: true },
    }),
  ]);
  return {
    webhook: rowView(row, emails),
    deliveries: {
      total,
      page: Math.max(1, page),
      pageSize: DELIVERY_PAGE_SIZE,
      rows: deliveries.map((d) => ({ ...d, nextAttemptAt: d.nextAttemptAt.toISOString(), deliveredAt: d.deliveredAt?.toISOString() ?? null, createdAt: d.createdAt.toISOString() })),
    },
  };
}
