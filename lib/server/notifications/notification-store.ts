import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Prisma, type Tx } from "../db";
import type { Pause } from "../jobs/pacer";

// Recording notifications exactly once. The table's unique key
// (user, item kind, item, stage) is the guarantee: whatever runs twice, on
// one server or several at once, the second insert of the same key is refused
// by the database and counted as "already there" (docs/reminders.md).

export interface NotificationDraft {
  userId: string;
  type: "reminder" | "blocker" | "sign_off_request" | "webhook_disabled";
  itemKind: string;
  itemId: string;
  stage: string;
  vendorId: string | null;
  vendorName: string;
  dueDate: string | null;
  title: string;
  href: string;
}

/** Drafts per round trip: two IN lists of at most this many ids stay under SQLite's 999 parameters. */
const CHUNK = 450;

const keyOf = (d: { userId: string; itemKind: string; itemId: string; stage: string }) => `${d.userId}\u0000${d.itemKind}\u0000${d.itemId}\u0000${d.stage}`;

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The drafts whose key is not recorded yet. */
async function unrecorded(client: Tx, drafts: NotificationDraft[]): Promise<NotificationDraft[]> {
  const existing = await client.notification.findMany({
    where: { userId: { in: [...new Set(drafts.map((d) => d.userId))] }, itemId: { in: [...new Set(drafts.map((d) => d.itemId))] } },
    select: { userId: true, itemKind: true, itemId: true, stage: true },
  });
  const seen = new Set(existing.map(keyOf));
  const fresh: NotificationDraft[] = [];
  for (const d of drafts) {
    const key = keyOf(d);
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push(d);
  }
  return fresh;
}

/**
 * Records the drafts not recorded before; returns how many it created. A
 * batch that collides with a concurrent run is retried row by row, each
 * duplicate skipped, so no notice is lost and none is doubled.
 */
export async function recordNotifications(client: Tx, drafts: NotificationDraft[], pause: Pause = yieldToEventLoop): Promise<number> {
  let created = 0;
  for (let i = 0; i < drafts.length; i += CHUNK) {
    // On SQLite each statement runs on this thread and awaiting it never lets
    // a timer or a request in: give them a turn between chunks.
    if (i > 0) await pause();
    const fresh = await unrecorded(client, drafts.slice(i, i + CHUNK));
    if (fresh.length === 0) continue;
    await pause();
    try {
      created += (await client.notification.createMany({ data: fresh })).count;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      for (const d of fresh) {
        try {
          await client.notification.create({ data: d });
          created += 1;
        } catch (rowError) {
          if (!isUniqueViolation(rowError)) throw rowError;
        }
      }
    }
  }
  return created;
}

/** How many of the drafts would be new (for --dry-run). */
export async function countUnrecorded(client: Tx, drafts: NotificationDraft[]): Promise<number> {
  let count = 0;
  for (let i = 0; i < drafts.length; i += CHUNK) count += (await unrecorded(client, drafts.slice(i, i + CHUNK))).length;
  return count;
}
