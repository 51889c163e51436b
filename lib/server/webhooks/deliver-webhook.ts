// One attempt at one delivery, run by the "webhook-delivery" job
// (docs/webhooks.md, "Delivery"). The row is the source of truth, as for
// every job (lib/server/jobs/README.md): an attempt starts only by claiming
// a due "pending" row (or one whose claim went silent), so a job sent twice
// or by two servers runs once, and every write of the outcome names the
// attempt it belongs to.
import { retryDelaySeconds } from "../jobs/retry-delay";
import { db } from "../db";
import { DISABLED_ERROR, disableFailingEndpoint } from "./disable-failing";
import { postWebhook, type PostResult } from "./post-webhook";
import { openWebhookSecret } from "./secret-box";
import { DELIVERY_ID_HEADER, EVENT_ID_HEADER, EVENT_TYPE_HEADER, SIGNATURE_HEADER, signatureHeaderValue } from "./signature";
import { checkWebhookTarget, systemResolver, type Resolver } from "./target-check";
import { webhookConfig, type WebhookConfig } from "./webhook-config";

/** A claim older than this belongs to a worker that died mid-attempt (longer than any timeout). */
export const STALE_CLAIM_MS = 60_000;
/** Retries wait at most this long. */
const MAX_RETRY_SECONDS = 3_600;
const ERROR_CHARS = 500;

export type AttemptOutcome = "delivered" | "retrying" | "failed" | "not_due";

interface Options {
  now?: () => Date;
  config?: WebhookConfig;
  resolve?: Resolver;
}

export async function deliverWebhook(deliveryId: string, { now = () => new Date(), config = webhookConfig(), resolve = systemResolver }: Options = {}): Promise<AttemptOutcome> {
  const claimedAt = now();
  const { count } = await db().webhookDelivery.updateMany({
    where: {
      id: deliveryId,
      OR: [{ state: "pending", nextAttemptAt: { lte: claimedAt } }, { state: "delivering", claimedAt: { lt: new Date(claimedAt.getTime() - STALE_CLAIM_MS) } }],
    },
    data: { state: "delivering", claimedAt, attempts: { increment: 1 } },
  });
  if (count === 0) return "not_due";
  const delivery = await db().webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId }, include: { subscription: true } });
  const subscription = delivery.subscription;
  const attempt = delivery.attempts;
  if (!subscription.enabled) {
    await db().webhookDelivery.updateMany({ where: { id: deliveryId, state: "delivering", attempts: attempt }, data: { state: "failed", lastError: DISABLED_ERROR } });
    return "failed";
  }
  const result = await attemptPost(delivery, subscription, config, resolve, now);
  return recordOutcome({ deliveryId, subscriptionId: subscription.id, attempt, result, config, now: now() });
}

async function attemptPost(
  delivery: { id: string; eventId: string; eventType: string; payload: string },
  subscription: { url: string; secretCiphertext: string },
  config: WebhookConfig,
  resolve: Resolver,
  now: () => Date,
): Promise<PostResult> {
  const refused = (error: string): PostResult => ({ statusCode: null, ok: false, error, durationMs: 0, responseExcerpt: "" });
  const secret = openWebhookSecret(subscription.secretCiphertext);
  if (secret === null) return refused("The signing secret cannot be read (the server secret changed?): rotate it on the webhook's page.");
  // Checked again at every attempt: the name may resolve elsewhere than when it was saved.
  const target = await checkWebhookTarget(subscription.url, config, resolve);
  if (!target.ok) return refused(target.reason);
  const timestamp = Math.floor(now().getTime() / 1000);
  return postWebhook({
    url: target.url,
    address: target.address,
    body: delivery.payload,
    headers: {
      "Content-Type": "application/json",
      "User-Agent": "Assay-Webhooks/1",
      [SIGNATURE_HEADER]: signatureHeaderValue(secret, timestamp, delivery.payload),
      [EVENT_ID_HEADER]: delivery.eventId,
      [EVENT_TYPE_HEADER]: delivery.eventType,
      [DELIVERY_ID_HEADER]: delivery.id,
    },
    connectTimeoutMs: config.connectTimeoutMs,
    totalTimeoutMs: config.totalTimeoutMs,
  });
}

async function recordOutcome({ deliveryId, subscriptionId, attempt, result, config, now }: { deliveryId: string; subscriptionId: string; attempt: number; result: PostResult; config: WebhookConfig; now: Date }): Promise<AttemptOutcome> {
  const mine = { id: deliveryId, state: "delivering", attempts: attempt };
  const measured = { lastStatusCode: result.statusCode, lastDurationMs: result.durationMs, lastError: result.error?.slice(0, ERROR_CHARS) ?? null };
  return db().$transaction(async (tx) => {
    if (result.ok) {
      const { count } = await tx.webhookDelivery.updateMany({ where: mine, data: { ...measured, state: "delivered", deliveredAt: now } });
      if (count > 0) await tx.webhookSubscription.update({ where: { id: subscriptionId }, data: { consecutiveFailures: 0, lastDeliveryAt: now } });
      return "delivered";
    }
    const last = attempt >= config.maxAttempts;
    const next = new Date(now.getTime() + retryDelaySeconds(attempt, config.retryBaseSeconds, MAX_RETRY_SECONDS) * 1000);
    const { count } = await tx.webhookDelivery.updateMany({ where: mine, data: { ...measured, state: last ? "failed" : "pending", nextAttemptAt: last ? undefined : next, claimedAt: null } });
    // Taken over by another worker meanwhile: that attempt reports, not this one.
    if (count === 0) return "failed";
    const { consecutiveFailures } = await tx.webhookSubscription.update({ where: { id: subscriptionId }, data: { consecutiveFailures: { increment: 1 }, lastDeliveryAt: now }, select: { consecutiveFailures: true } });
    if (consecutiveFailures >= config.maxConsecutiveFailures) await disableFailingEndpoint(tx, subscriptionId, consecutiveFailures, now);
    return last ? "failed" : "retrying";
  });
}
