import { markNotificationsReadSchema, notificationPreferencesSchema } from "@/lib/schemas/notifications";
import type { NotificationView } from "@/lib/schemas/views/notifications";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { parseInput } from "../validation";

// A user's own notifications (docs/reminders.md, "In the app"). Every query is
// scoped to the actor's own id: nobody reads or marks anyone else's.

export const NOTIFICATIONS_PAGE_SIZE = 50;

/** The bell's number: one indexed count (userId, readAt) per page load. */
export async function unreadNotificationCount({ actor }: { actor: Actor }): Promise<number> {
  requirePermission(actor, "notification.own");
  return db().notification.count({ where: { userId: actor.id, readAt: null } });
}

export async function listNotifications({ actor, page, unreadOnly }: { actor: Actor; page: number; unreadOnly: boolean }): Promise<{ rows: NotificationView[]; total: number; unread: number }> {
  requirePermission(actor, "notification.own");
  const where = { userId: actor.id, ...(unreadOnly ? { readAt: null } : {}) };
  const [rows, total, unread] = await Promise.all([
    db().notification.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (page - 1) * NOTIFICATIONS_PAGE_SIZE, take: NOTIFICATIONS_PAGE_SIZE }),
    db().notification.count({ where }),
    db().notification.count({ where: { userId: actor.id, readAt: null } }),
  ]);
  return {
    rows: rows.map((n) => ({ id: n.id, type: n.type, title: n.title, href: n.href, vendorName: n.vendorName, dueDate: n.dueDate, createdAt: n.createdAt.toISOString(), readAt: n.readAt?.toISOString() ?? null })),
    total,
    unread,
  };
}

/** Marks the actor's own notifications read (the listed ones, or all); ids of other users' notifications match nothing. */
export async function markNotificationsRead({ actor, input, now = new Date() }: { actor: Actor; input: unknown; now?: Date }): Promise<{ marked: number }> {
  requirePermission(actor, "notification.own");
  const { ids, all } = parseInput(markNotificationsReadSchema, input);
  return db().$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { userId: actor.id, readAt: null, ...(all ? {} : { id: { in: ids! } }) },
      data: { readAt: now },
    });
    await recordAudit(tx, actor, { action: "notification.mark_read", entityType: "user", entityId: actor.id, after: { marked: count, all: all === true } });
    return { marked: count };
  });
}

export async function getNotificationPreferences({ actor }: { actor: Actor }): Promise<{ digestOptOut: boolean }> {
  requirePermission(actor, "notification.own");
  const row = await db().notificationPreference.findUnique({ where: { userId: actor.id } });
  return { digestOptOut: row?.digestOptOut ?? false };
}

/** The actor's own digest choice. Blocker alerts and sign-off requests cannot be turned off. */
export async function updateNotificationPreferences({ actor, input }: { actor: Actor; input: unknown }): Promise<{ digestOptOut: boolean }> {
  requirePermission(actor, "notification.own");
  const { digestOptOut } = parseInput(notificationPreferencesSchema, input);
  return db().$transaction(async (tx) => {
    const before = await tx.notificationPreference.findUnique({ where: { userId: actor.id } });
    await tx.notificationPreference.upsert({ where: { userId: actor.id }, create: { userId: actor.id, digestOptOut }, update: { digestOptOut } });
    await recordAudit(tx, actor, {
      action: "notification.preferences",
      entityType: "user",
      entityId: actor.id,
      before: { digestOptOut: before?.digestOptOut ?? false },
      after: { digestOptOut },
    });
    return { digestOptOut };
  });
}
