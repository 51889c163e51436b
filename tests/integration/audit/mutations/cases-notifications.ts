import type { CaseContext, CaseTable } from "./types";

// A user's own notifications: marking them read and the digest choice.

/** An unread notification of the calling user's own (the table's allowed role is the first non-admin holder: procurement). */
async function ownUnread(ctx: CaseContext) {
  const n = await ctx.db.notification.create({
    data: { userId: ctx.actors.procurement.id, type: "reminder", itemKind: "iso_expiry", itemId: ctx.unique("record"), stage: "window:30", vendorName: "Table Vendor", title: "ISO 27001 certificate expires", href: "/vendors" },
  });
  return n.id;
}

export const cases: CaseTable = {
  "app/(app)/notifications/actions.ts#markNotificationsReadAction": {
    variants: [
      { label: "some", kind: "mutation", permission: "notification.own", audit: "notification.mark_read", arrange: async (ctx) => ({ input: { ids: [await ownUnread(ctx)] } }) },
      { label: "all", kind: "mutation", permission: "notification.own", audit: "notification.mark_read", arrange: async () => ({ input: { all: true } }) },
    ],
  },
  "app/(app)/notifications/actions.ts#updateNotificationPreferencesAction": {
    kind: "mutation",
    permission: "notification.own",
    audit: "notification.preferences",
    arrange: async () => ({ input: { digestOptOut: true } }),
  },
};
