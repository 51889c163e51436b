import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { addDaysToDay, formatIsoDay } from "@/lib/domain/dates";
import { isRole, type Role } from "@/lib/domain/accounts/roles";
import { reminderHref, reminderSpan, reminderTitle, responsibleRole, selectDueReminders, type DueReminder } from "@/lib/domain/reminders/reminder-selection";
import { db, type Tx } from "../db";
import type { Pause } from "../jobs/pacer";
import { loadSettings } from "../services/settings";
import { recordEvidenceExpiring } from "../webhooks/portfolio-events";
import { deliverPendingEmails, type DeliveryResult } from "./deliver-emails";
import type { Mailer } from "./mailer";
import { countUnrecorded, recordNotifications, type NotificationDraft } from "./notification-store";
import { blockedVendorPages, datedItemPages, type BlockedVendor } from "./reminder-sources";

// The daily reminder job (docs/reminders.md): records a notification for
// every owner of every item that reached a reminder stage today, and one for
// every new blocker count on a vendor they own, then emails what is pending.
// The same function runs from the in-server scheduler and from
// `npm run cli -- remind`. Running it again the same day records and sends
// nothing new.

export interface ReminderJobResult {
  /** Reminders and blocker alerts that apply today (one per recipient). */
  due: number;
  /** Of those, how many were new (recorded by this run, or would be with --dry-run). */
  created: number;
  delivery: DeliveryResult | null;
  /** Milliseconds spent selecting and recording, and emailing (for the log and the benchmark). */
  timings: { recordMs: number; deliverMs: number };
}

interface Recipients {
  active: Set<string>;
  byRole: Map<Role, string[]>;
}

const USER_PAGE = 500;

/** Active users, paged: who may receive, and who stands in for a role when an item has no owner. */
async function loadRecipients(client: Tx): Promise<Recipients> {
  const recipients: Recipients = { active: new Set(), byRole: new Map() };
  let cursor = "";
  for (;;) {
    const users = await client.user.findMany({ where: { active: true, id: { gt: cursor } }, select: { id: true, role: true }, orderBy: { id: "asc" }, take: USER_PAGE });
    if (users.length === 0) return recipients;
    for (const u of users) {
      recipients.active.add(u.id);
      if (isRole(u.role)) recipients.byRole.set(u.role, [...(recipients.byRole.get(u.role) ?? []), u.id]);
    }
    cursor = users.at(-1)!.id;
  }
}

/** The owner when there is an active one, else every active user of the responsible role. */
function recipientsOf(ownerId: string | null, kind: string, recipients: Recipients): string[] {
  if (ownerId && recipients.active.has(ownerId)) return [ownerId];
  return recipients.byRole.get(responsibleRole(kind)) ?? [];
}

function reminderDrafts(reminder: DueReminder, recipients: Recipients): NotificationDraft[] {
  const { item, stage } = reminder;
  return recipientsOf(item.ownerId, item.kind, recipients).map((userId) => ({
    userId,
    type: "reminder",
    itemKind: item.kind,
    itemId: item.itemId,
    stage,
    vendorId: item.vendorId,
    vendorName: item.vendorName,
    dueDate: item.date,
    title: reminderTitle(reminder),
    href: reminderHref(item.kind, item.vendorId),
  }));
}

/** A blocker alert per blocker count: a vendor whose count rises is alerted again; the same count never twice. */
function blockerDrafts(vendor: BlockedVendor, recipients: Recipients): NotificationDraft[] {
  const findings = vendor.blockerCount === 1 ? "1 blocker finding" : `${vendor.blockerCount} blocker findings`;
  return recipientsOf(vendor.ownerId, "blocker", recipients).map((userId) => ({
    userId,
    type: "blocker",
    itemKind: "blocker",
    itemId: vendor.vendorId,
    stage: `blockers:${vendor.blockerCount}`,
    vendorId: vendor.vendorId,
    vendorName: vendor.vendorName,
    dueDate: null,
    title: `${vendor.vendorName} has ${findings}`,
    href: `/vendors/${encodeURIComponent(vendor.vendorId)}`,
  }));
}

export async function runReminderJob({
  client = db(),
  now = new Date(),
  dryRun = false,
  mailer,
  baseUrl,
  pause = yieldToEventLoop,
}: {
  client?: Tx;
  now?: Date;
  dryRun?: boolean;
  mailer?: Mailer | null;
  baseUrl?: string;
  /** Awaited after each query or write of the run: by default a turn of the event loop; the server's run is paced (jobs/pacer.ts). */
  pause?: Pause;
} = {}): Promise<ReminderJobResult> {
  const settings = await loadSettings(client);
  const windows = settings.reminders.windowsDays;
  const recipients = await loadRecipients(client);
  const today = formatIsoDay(now);
  const { daysBack, daysAhead } = reminderSpan(windows);
  const range = { from: addDaysToDay(today, -daysBack), to: addDaysToDay(today, daysAhead) };
  const result: ReminderJobResult = { due: 0, created: 0, delivery: null, timings: { recordMs: 0, deliverMs: 0 } };
  const started = performance.now();

  const record = async (drafts: NotificationDraft[]) => {
    result.due += drafts.length;
    result.created += dryRun ? await countUnrecorded(client, drafts) : await recordNotifications(client, drafts, pause);
    await pause();
  };
  for await (const page of datedItemPages(client, range, settings, pause)) {
    const due = selectDueReminders(page, now, windows);
    if (!dryRun) await recordEvidenceExpiring(client, due);
    await record(due.flatMap((r) => reminderDrafts(r, recipients)));
  }
  for await (const page of blockedVendorPages(client, pause)) {
    await record(page.flatMap((v) => blockerDrafts(v, recipients)));
  }
  result.timings.recordMs = Math.round(performance.now() - started);
  if (!dryRun) result.delivery = await deliverPendingEmails({ client, now, ...(mailer !== undefined ? { mailer } : {}), ...(baseUrl ? { baseUrl } : {}) });
  result.timings.deliverMs = Math.round(performance.now() - started) - result.timings.recordMs;
  return result;
}
