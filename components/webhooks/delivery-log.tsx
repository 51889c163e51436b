import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { InstantText } from "@/components/ui/relative-date";
import type { WebhookDeliveryPage } from "@/lib/schemas/views/webhooks";

const STATE_LABELS: Record<string, string> = { pending: "Waiting to retry", delivering: "Sending", delivered: "Delivered", failed: "Failed" };

/** One subscription's deliveries, newest first, a page at a time. */
export function DeliveryLog({ page, now, basePath }: { page: WebhookDeliveryPage; now: Date; basePath: string }) {
  return (
    <>
      <DataTable
        labelledBy="delivery-log-heading"
        caption="Deliveries, newest first"
        testId="webhook-deliveries"
        columns={["Event", "Queued", "State", "Attempts", "Status", "Time", "Error", "Next attempt"]}
        rows={page.rows}
      >
        {(d) => (
          <tr key={d.id}>
            <th scope="row">
              {d.eventType}
              <br />
              <code className="muted" title={`Body SHA-256 ${d.payloadSha256}`}>{d.eventId}</code>
            </th>
            <td><InstantText at={new Date(d.createdAt)} now={now} /></td>
            <td>{STATE_LABELS[d.state] ?? d.state}</td>
            <td>{d.attempts}</td>
            <td>{d.lastStatusCode ?? <span className="muted">none</span>}</td>
            <td>{d.lastDurationMs === null ? "" : `${d.lastDurationMs} ms`}</td>
            <td>{d.lastError ?? ""}</td>
            <td>{d.state === "pending" ? <InstantText at={new Date(d.nextAttemptAt)} now={now} /> : ""}</td>
          </tr>
        )}
      </DataTable>
      {page.rows.length === 0 ? <p className="muted">No deliveries yet. Send a test event to try the endpoint.</p> : null}
      <Pagination page={page.page} pageSize={page.pageSize} total={page.total} params={{}} basePath={basePath} label="Delivery log pages" />
    </>
  );
}
