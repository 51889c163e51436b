import type { Metadata } from "next";
import Link from "next/link";
import { CreateWebhookForm } from "@/components/webhooks/create-webhook-form";
import { DataTable } from "@/components/ui/data-table";
import { InstantText } from "@/components/ui/relative-date";
import { requirePageActor } from "@/lib/server/auth";
import { listWebhooks } from "@/lib/server/services/webhooks";
import { createWebhookAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const actor = await requirePageActor("webhook.manage");
  const webhooks = await listWebhooks({ actor });
  const now = new Date();
  return (
    <>
      <div className="page-header">
        <div>
          <h1 id="webhooks-heading">Webhooks</h1>
          <p className="muted">
            Assay tells other systems when a finding opens or resolves, an assessment changes state, evidence is about to expire or a legal sign-off
            goes out of date. Every delivery is signed with the webhook&apos;s secret and retried with growing delays; an endpoint that keeps failing is
            switched off and admins are notified.
          </p>
        </div>
      </div>
      <DataTable labelledBy="webhooks-heading" caption="Webhooks, newest first" testId="webhooks" columns={["Name", "Endpoint", "Events", "Status", "Last delivery", "Created"]} rows={webhooks}>
        {(w) => (
          <tr key={w.id}>
            <th scope="row"><Link href={`/admin/webhooks/${encodeURIComponent(w.id)}`}>{w.name}</Link></th>
            <td><code>{w.url}</code></td>
            <td>{w.events.join(", ")}</td>
            <td>
              {w.enabled ? "Enabled" : w.disabledReason === "failures" ? "Disabled after repeated failures" : "Disabled"}
              {w.enabled && w.consecutiveFailures > 0 ? <span className="muted"> ({w.consecutiveFailures} failed in a row)</span> : null}
            </td>
            <td>{w.lastDeliveryAt ? <InstantText at={w.lastDeliveryAt} now={now} /> : <span className="muted">Never</span>}</td>
            <td><InstantText at={w.createdAt} now={now} /> <span className="muted">by {w.createdBy}</span></td>
          </tr>
        )}
      </DataTable>
      {webhooks.length === 0 ? <p className="muted">No webhooks yet.</p> : null}
      <section className="card" data-spaced aria-labelledby="new-webhook-heading">
        <h2 id="new-webhook-heading">New webhook</h2>
        <CreateWebhookForm submit={createWebhookAction} />
      </section>
    </>
  );
}
