// The bell's data is each user's own: counts, lists and marks never reach
// another user's notifications, and the digest choice is per user.
import { beforeAll, expect, it } from "vitest";
import { getNotificationPreferences, listNotifications, markNotificationsRead, unreadNotificationCount, updateNotificationPreferences } from "@/lib/server/services/notifications";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("a user's own notifications", (t) => {
  let legal: Awaited<ReturnType<typeof makeActor>>;
  let security: Awaited<ReturnType<typeof makeActor>>;
  const notice = (userId: string, itemId: string) =>
    t.db.notification.create({ data: { userId, type: "reminder", itemKind: "iso_expiry", itemId, stage: "window:7", vendorName: "Acme", title: `Notice ${itemId}`, href: "/vendors" } });

  beforeAll(async () => {
    await ensureSettings();
    legal = await makeActor("legal");
    security = await makeActor("security");
  });

  it("counts, lists and marks only the caller's notifications", async () => {
    const mine = [await notice(legal.id, "a"), await notice(legal.id, "b")];
    const theirs = await notice(security.id, "c");
    expect(await unreadNotificationCount({ actor: legal })).toBe(2);
    const listed = await listNotifications({ actor: legal, page: 1, unreadOnly: false });
    expect(listed.rows.map((r) => r.id).sort()).toEqual(mine.map((n) => n.id).sort());

    // Someone else's id matches nothing; the caller's own is marked, and recorded in the audit log.
    expect(await markNotificationsRead({ actor: legal, input: { ids: [theirs.id, mine[0]!.id] } })).toEqual({ marked: 1 });
    expect((await t.db.notification.findUniqueOrThrow({ where: { id: theirs.id } })).readAt).toBeNull();
    expect(await unreadNotificationCount({ actor: legal })).toBe(1);
    expect((await listNotifications({ actor: legal, page: 1, unreadOnly: true })).rows.map((r) => r.id)).toEqual([mine[1]!.id]);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "notification.mark_read", actorId: legal.id }, orderBy: { id: "desc" } });
    expect(event.after).toEqual({ marked: 1, all: false });

    expect(await markNotificationsRead({ actor: legal, input: { all: true } })).toEqual({ marked: 1 });
    expect(await unreadNotificationCount({ actor: legal })).toBe(0);
    expect(await unreadNotificationCount({ actor: security })).toBe(1);
  });

  it("refuses an empty mark with a field error, and keeps the digest choice per user", async () => {
    await expect(markNotificationsRead({ actor: legal, input: { ids: [] } })).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getNotificationPreferences({ actor: legal })).toEqual({ digestOptOut: false });
    await updateNotificationPreferences({ actor: legal, input: { digestOptOut: true } });
    expect(await getNotificationPreferences({ actor: legal })).toEqual({ digestOptOut: true });
    expect(await getNotificationPreferences({ actor: security })).toEqual({ digestOptOut: false });
  });
});
