import type { Metadata } from "next";
import Link from "next/link";
import { DigestPreferenceForm } from "@/components/notifications/digest-preference-form";
import { NotificationList } from "@/components/notifications/notification-list";
import { Pagination } from "@/components/ui/pagination";
import { notificationListQuerySchema } from "@/lib/schemas/notifications";
import { firstValues } from "@/lib/schemas/search-params";
import { requirePageActor } from "@/lib/server/auth";
import { getNotificationPreferences, listNotifications, NOTIFICATIONS_PAGE_SIZE } from "@/lib/server/services/notifications";
import { markNotificationsReadAction, updateNotificationPreferencesAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor();
  const query = notificationListQuerySchema.parse(firstValues(await searchParams));
  const [{ rows, total, unread }, preferences] = await Promise.all([
    listNotifications({ actor, page: query.page, unreadOnly: query.show === "unread" }),
    getNotificationPreferences({ actor }),
  ]);
  return (
    <div className="stack">
      <h1>Notifications</h1>
      <p className="muted">
        Sign-off requests, blocker alerts on vendors you own, and reminders of items that reach a reminder window, fall due or go overdue. {unread} unread.
      </p>
      <nav aria-label="Show" className="form-actions">
        {query.show === "unread" ? <Link href="/notifications">All</Link> : <strong>All</strong>}
        {query.show === "unread" ? <strong>Unread only</strong> : <Link href="/notifications?show=unread">Unread only</Link>}
      </nav>
      <section className="card">
        <NotificationList rows={rows} unread={unread} now={new Date().toISOString()} markRead={markNotificationsReadAction} />
        <Pagination page={query.page} pageSize={NOTIFICATIONS_PAGE_SIZE} total={total} params={query.show === "unread" ? { show: "unread" } : {}} basePath="/notifications" />
      </section>
      <section className="card" aria-labelledby="email-preferences">
        <h2 id="email-preferences">Email</h2>
        <DigestPreferenceForm digestOptOut={preferences.digestOptOut} save={updateNotificationPreferencesAction} />
      </section>
    </div>
  );
}
