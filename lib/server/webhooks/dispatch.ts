// Sends due deliveries to the job queue (docs/webhooks.md, "Delivery"). Every
// server runs this every ASSAY_WEBHOOK_POLL_MS: the outbox rows are written
// inside other transactions, which cannot send a job themselves (the job
// might run before the row commits, or for a change that rolled back). A row
// is due when it is pending and its next attempt time has come, or when its
// attempt went silent. The job key names the attempt, so several servers
// sending the same row make one job, and the claim makes one attempt.
import { db } from "../db";
import { defineJob, jobQueue } from "../jobs/job-queue";
import { deliverWebhook, STALE_CLAIM_MS } from "./deliver-webhook";
import { pruneWebhookDeliveries } from "./prune-deliveries";
import { webhookConfig } from "./webhook-config";

export const WEBHOOK_JOB = "webhook-delivery";
/** Rows sent per look; the rest wait for the next tick. */
const BATCH = 100;

defineJob(WEBHOOK_JOB, async ({ id }) => {
  await deliverWebhook(id);
});

export async function dispatchDueWebhookDeliveries(now = new Date()): Promise<number> {
  const due = await db().webhookDelivery.findMany({
    where: {
      OR: [{ state: "pending", nextAttemptAt: { lte: now } }, { state: "delivering", claimedAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } }],
      subscription: { enabled: true },
    },
    orderBy: { nextAttemptAt: "asc" },
    take: BATCH,
    select: { id: true, attempts: true },
  });
  for (const d of due) await jobQueue().send(WEBHOOK_JOB, { id: d.id }, { key: `${WEBHOOK_JOB}:${d.id}:${d.attempts}` });
  return due.length;
}

const state = globalThis as unknown as { assayWebhookDispatcher?: NodeJS.Timeout; assayWebhookDispatching?: boolean; assayWebhookPrunedAt?: number };

/** Old log rows are pruned at most this often per server. */
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/** Starts the periodic look for due deliveries in this process (from start-workers.ts). */
export async function startWebhookDispatcher(): Promise<void> {
  if (state.assayWebhookDispatcher) return;
  await jobQueue().work(WEBHOOK_JOB);
  const tick = async () => {
    if (state.assayWebhookDispatching) return;
    state.assayWebhookDispatching = true;
    try {
      await dispatchDueWebhookDeliveries();
      if (Date.now() - (state.assayWebhookPrunedAt ?? 0) > PRUNE_EVERY_MS) {
        state.assayWebhookPrunedAt = Date.now();
        await pruneWebhookDeliveries(new Date(), webhookConfig().logDays);
      }
    } catch (error) {
      console.error("Sending due webhook deliveries to the job queue failed", error);
    } finally {
      state.assayWebhookDispatching = false;
    }
  };
  state.assayWebhookDispatcher = setInterval(() => void tick(), webhookConfig().pollMs);
  state.assayWebhookDispatcher.unref();
}

export function stopWebhookDispatcher(): void {
  if (state.assayWebhookDispatcher) clearInterval(state.assayWebhookDispatcher);
  state.assayWebhookDispatcher = undefined;
}
