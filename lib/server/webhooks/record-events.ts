// The webhook outbox (docs/webhooks.md, "Delivery"): a change that is an
// event (a finding opened, an assessment moving on…) writes one
// WebhookDelivery row per subscription that wants it, in the change's own
// transaction. The event exists exactly when the change does; the sending
// happens later, from the queue, so a slow or dead receiver never holds up or
// rolls back the user's save.
import { createHash, randomUUID } from "node:crypto";
import type { WebhookEventType } from "@/lib/domain/webhooks/webhook-events";
import { WEBHOOK_TEST_EVENT } from "@/lib/domain/webhooks/webhook-events";
import { databaseUrl, type Tx } from "../db";

export interface WebhookEventDraft {
  type: WebhookEventType;
  data: Record<string, unknown>;
  /**
   * Makes the event id deterministic: the same key never records the event
   * twice (e.g. a reminder run repeated the same day).
   */
  key?: string;
}

interface SubscriptionEvents {
  id: string;
  events: string[];
}

// Every dossier save asks "does anyone want this?", and a portfolio refresh
// asks it per vendor: the enabled subscriptions (a handful of rows) are kept
// for a few seconds. A change on this server clears them at once; one made on
// another server is seen within CACHE_MS, and a delivery for a subscription
// disabled meanwhile is refused at sending time.
const CACHE_MS = 5_000;
const cache = globalThis as unknown as { assayWebhookSubscriptions?: { at: number; url: string; rows: SubscriptionEvents[] } };

export function forgetWebhookSubscriptions(): void {
  cache.assayWebhookSubscriptions = undefined;
}

/** The enabled subscriptions, read through the caller's transaction (SQLite allows one connection inside one). */
async function enabledSubscriptions(tx: Tx): Promise<SubscriptionEvents[]> {
  const cached = cache.assayWebhookSubscriptions;
  if (cached && cached.url === databaseUrl() && Date.now() - cached.at < CACHE_MS) return cached.rows;
  const rows = (await tx.webhookSubscription.findMany({ where: { enabled: true }, select: { id: true, events: true } })).map((r) => ({
    id: r.id,
    events: Array.isArray(r.events) ? (r.events as string[]) : [],
  }));
  cache.assayWebhookSubscriptions = { at: Date.now(), url: databaseUrl(), rows };
  return rows;
}

/** Whether any enabled subscription wants this type: callers skip the work of describing events nobody receives. */
export async function wantsWebhookEvent(tx: Tx, type: WebhookEventType): Promise<boolean> {
  return (await enabledSubscriptions(tx)).some((s) => s.events.includes(type));
}

export function eventIdFor(key?: string): string {
  return key ? `evt_${createHash("sha256").update(key).digest("hex").slice(0, 32)}` : `evt_${randomUUID().replace(/-/g, "")}`;
}

/** The JSON body of an event: the same bytes for every subscription and attempt. */
export function eventBody(id: string, type: string, createdAt: Date, data: Record<string, unknown>): string {
  return JSON.stringify({ id, type, createdAt: createdAt.toISOString(), data });
}

function deliveryRow(subscriptionId: string, eventId: string, type: string, body: string, now: Date) {
  return { subscriptionId, eventId, eventType: type, payload: body, payloadSha256: createHash("sha256").update(body).digest("hex"), nextAttemptAt: now, createdAt: now };
}

/** Event ids per look-up: under SQLite's 999 parameters. */
const ID_CHUNK = 400;

/** Records the events for every enabled subscription that wants them; returns how many deliveries were queued. */
export async function recordWebhookEvents(tx: Tx, drafts: readonly WebhookEventDraft[], now = new Date()): Promise<number> {
  if (drafts.length === 0) return 0;
  const subscriptions = await enabledSubscriptions(tx);
  if (subscriptions.length === 0) return 0;
  const keyedIds: string[] = [];
  const rows = drafts.flatMap((draft) => {
    const id = eventIdFor(draft.key);
    const wanting = subscriptions.filter((s) => s.events.includes(draft.type));
    if (wanting.length === 0) return [];
    if (draft.key) keyedIds.push(id);
    const body = eventBody(id, draft.type, now, draft.data);
    return wanting.map((s) => deliveryRow(s.id, id, draft.type, body, now));
  });
  if (rows.length === 0) return 0;
  // Keyed events may have been recorded by an earlier run: leave those alone.
  const existing = new Set<string>();
  for (let i = 0; i < keyedIds.length; i += ID_CHUNK) {
    const found = await tx.webhookDelivery.findMany({ where: { eventId: { in: keyedIds.slice(i, i + ID_CHUNK) } }, select: { subscriptionId: true, eventId: true } });
    for (const r of found) existing.add(`${r.subscriptionId} ${r.eventId}`);
  }
  const fresh = rows.filter((r) => !existing.has(`${r.subscriptionId} ${r.eventId}`));
  if (fresh.length > 0) await tx.webhookDelivery.createMany({ data: fresh });
  return fresh.length;
}

/** A test ping for one subscription, whatever events it takes. */
export async function recordWebhookTest(tx: Tx, subscriptionId: string, now = new Date()): Promise<string> {
  const id = eventIdFor();
  const body = eventBody(id, WEBHOOK_TEST_EVENT, now, { message: "A test event sent from Assay's webhook page." });
  await tx.webhookDelivery.create({ data: deliveryRow(subscriptionId, id, WEBHOOK_TEST_EVENT, body, now) });
  return id;
}
