"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { DataTable } from "@/components/ui/data-table";
import { InstantText } from "@/components/ui/relative-date";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { MarkNotificationsReadInput } from "@/lib/schemas/notifications";
import type { NotificationView } from "@/lib/schemas/views/notifications";

const TYPE_LABELS: Record<string, string> = {
  sign_off_request: "Sign-off request",
  blocker: "Blocker alert",
  reminder: "Reminder",
  webhook_disabled: "Webhook disabled",
};

type MarkRead = (input: MarkNotificationsReadInput) => Promise<ActionResult<{ marked: number }>>;

/** The user's notifications, newest first; unread ones can be marked read one by one or all at once. */
export function NotificationList({ rows, unread, now, markRead }: { rows: NotificationView[]; unread: number; now: string; markRead: MarkRead }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const at = new Date(now);

  const mark = (input: MarkNotificationsReadInput) =>
    startTransition(async () => {
      const result = await markRead(input);
      setStatus(result.ok ? { text: result.data.marked === 1 ? "1 notification marked read." : `${result.data.marked} notifications marked read.`, error: false } : { text: result.error, error: true });
      router.refresh();
    });

  return (
    <div className="stack">
      <div className="form-actions">
        <button type="button" className="btn" disabled={pending || unread === 0} onClick={() => mark({ all: true })}>
          Mark all read
        </button>
        <p role="status" className={status?.error ? "error" : "muted"}>{status?.text ?? ""}</p>
      </div>
      {rows.length === 0 ? (
        <p className="muted">No notifications here.</p>
      ) : (
        <DataTable columns={["", "Notification", "Kind", "When", ""]} rows={rows} aria-label="Notifications" testId="notifications">
          {(n) => (
            <tr key={n.id} data-state={n.readAt ? "read" : "unread"}>
              <td>{n.readAt ? <span className="muted">Read</span> : <strong>Unread</strong>}</td>
              <th scope="row">
                <Link href={n.href}>{n.title}</Link>
              </th>
              <td>{TYPE_LABELS[n.type] ?? n.type}</td>
              <td>
                <InstantText at={n.createdAt} now={at} />
              </td>
              <td>
                {n.readAt ? null : (
                  <button type="button" className="btn btn-small" disabled={pending} onClick={() => mark({ ids: [n.id] })} aria-label={`Mark read: ${n.title}`}>
                    Mark read
                  </button>
                )}
              </td>
            </tr>
          )}
        </DataTable>
      )}
    </div>
  );
}
