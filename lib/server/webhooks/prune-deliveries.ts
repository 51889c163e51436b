// The delivery log keeps finished deliveries for ASSAY_WEBHOOK_LOG_DAYS
// (docs/webhooks.md, "Delivery log"): long enough to explain last month's
// alerts, short enough that a busy portfolio's log does not grow forever. The
// audit log, not this table, is the record of what admins did.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { db } from "../db";

/** Rows removed per statement: small enough not to hold SQLite's writer (and the event loop) for long. */
const BATCH = 500;

export async function pruneWebhookDeliveries(now: Date, keepDays: number): Promise<number> {
  const before = new Date(now.getTime() - keepDays * 86_400_000);
  let removed = 0;
  for (;;) {
    const ids = (await db().webhookDelivery.findMany({ where: { state: { in: ["delivered", "failed"] }, createdAt: { lt: before } }, select: { id: true }, take: BATCH })).map((r) => r.id);
    if (ids.length === 0) return removed;
    removed += (await db().webhookDelivery.deleteMany({ where: { id: { in: ids } } })).count;
    await yieldToEventLoop();
  }
}
