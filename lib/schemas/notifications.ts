import { z } from "zod";

// A user's own notifications (docs/reminders.md, "In the app").

/** Mark some notifications read (by id, one page's worth at most), or all of them. */
export const markNotificationsReadSchema = z
  .object({
    ids: z.array(z.string().min(1).max(64)).max(100, "At most 100 at a time").optional(),
    all: z.boolean().optional(),
  })
  .refine((v) => v.all === true || (v.ids !== undefined && v.ids.length > 0), { message: "Choose which notifications to mark read", path: ["ids"] });
export type MarkNotificationsReadInput = z.input<typeof markNotificationsReadSchema>;

export const notificationPreferencesSchema = z.object({
  /** True: no daily digest. Blocker alerts and sign-off requests still come. */
  digestOptOut: z.boolean({ error: "Choose whether to receive the digest" }),
});
export type NotificationPreferencesInput = z.input<typeof notificationPreferencesSchema>;

export const notificationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  show: z.enum(["all", "unread"]).catch("all"),
});
