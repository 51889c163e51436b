import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { renderNotificationEmail } from "@/lib/domain/reminders/notification-email";
import { logger } from "../logger";
import { db, type Tx } from "../db";
import { appBaseUrl, createMailer, type Mailer } from "./mailer";

// Emailing what was recorded (docs/reminders.md, "Delivery"). Each user's
// pending notifications are claimed with one UPDATE that stamps them with
// this run's token, so two runs (or two servers) never email the same
// notification: whichever UPDATE commits first takes the rows, the other
// finds none. One email per user per run. A failed send puts the claim back
// for the next run; a claim left behind by a crashed run is released after
// an hour.

const USERS_PER_PAGE = 100;
const STALE_CLAIM_MS = 60 * 60 * 1000;

export interface DeliveryResult {
  emailsSent: number;
  notificationsEmailed: number;
  /** Not emailed by design: digest opt-out, inactive user, or no SMTP configured. */
  notificationsSkipped: number;
  failures: number;
}

export async function deliverPendingEmails(options: { client?: Tx; mailer?: Mailer | null; baseUrl?: string; now?: Date; userIds?: string[] } = {}): Promise<DeliveryResult> {
  // A mailer made here is closed here; one passed in belongs to the caller.
  const mailer = options.mailer === undefined ? createMailer() : options.mailer;
  try {
    return await deliverAll({ ...options, mailer });
  } finally {
    if (options.mailer === undefined) mailer?.close?.();
  }
}

async function deliverAll({
  client = db(),
  mailer,
  baseUrl = appBaseUrl(),
  now = new Date(),
  userIds,
}: { client?: Tx; mailer: Mailer | null; baseUrl?: string; now?: Date; userIds?: string[] }): Promise<DeliveryResult> {
  const result: DeliveryResult = { emailsSent: 0, notificationsEmailed: 0, notificationsSkipped: 0, failures: 0 };
  await client.notification.updateMany({
    where: { emailState: { startsWith: "sending:" }, emailAt: { lt: new Date(now.getTime() - STALE_CLAIM_MS) } },
    data: { emailState: "pending", emailAt: null },
  });
  let cursor = "";
  for (;;) {
    // GROUP BY in SQL over the (emailState, userId) index: Prisma's `distinct` would read every pending row.
    const users = await client.notification.groupBy({
      by: ["userId"],
      where: { emailState: "pending", userId: userIds ? { in: userIds, gt: cursor } : { gt: cursor } },
      orderBy: { userId: "asc" },
      take: USERS_PER_PAGE,
    });
    if (users.length === 0) return result;
    for (const { userId } of users) await deliverToUser(client, userId, mailer, baseUrl, now, result);
    cursor = users.at(-1)!.userId;
    await yieldToEventLoop();
  }
}

async function deliverToUser(client: Tx, userId: string, mailer: Mailer | null, baseUrl: string, now: Date, result: DeliveryResult): Promise<void> {
  const token = `sending:${randomUUID()}`;
  const { count } = await client.notification.updateMany({ where: { userId, emailState: "pending" }, data: { emailState: token, emailAt: now } });
  if (count === 0) return;
  const [user, preference, claimed] = await Promise.all([
    client.user.findUnique({ where: { id: userId }, select: { email: true, name: true, active: true } }),
    client.notificationPreference.findUnique({ where: { userId } }),
    client.notification.findMany({ where: { userId, emailState: token }, select: { id: true, type: true, title: true, href: true }, orderBy: [{ type: "asc" }, { createdAt: "asc" }] }),
  ]);
  const digestOptOut = preference?.digestOptOut ?? false;
  // Opting out silences the digest only: blocker alerts and sign-off requests are always emailed.
  const toSend = !mailer || !user?.active ? [] : claimed.filter((n) => !(digestOptOut && n.type === "reminder"));
  const skipped = claimed.length - toSend.length;
  if (skipped > 0) {
    const which = toSend.length === 0 ? {} : { type: "reminder" };
    await client.notification.updateMany({ where: { emailState: token, ...which }, data: { emailState: "skipped" } });
    result.notificationsSkipped += skipped;
  }
  if (toSend.length === 0) return;
  const email = renderNotificationEmail({ recipientName: user!.name, lines: toSend, baseUrl, digestOptOut });
  try {
    await mailer!.send({ to: user!.email, ...email });
  } catch (error) {
    await client.notification.updateMany({ where: { emailState: token }, data: { emailState: "pending", emailAt: null } });
    result.failures += 1;
    logger.warn({ err: error, userId }, "sending a notification email failed; it is retried on the next run");
    return;
  }
  await client.notification.updateMany({ where: { emailState: token }, data: { emailState: "sent", emailAt: new Date() } });
  result.emailsSent += 1;
  result.notificationsEmailed += toSend.length;
}
