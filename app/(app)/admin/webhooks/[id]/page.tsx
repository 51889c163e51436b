import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EditWebhookForm } from "@/components/webhooks/edit-webhook-form";
import { WebhookControls } from "@/components/webhooks/webhook-controls";
import { InstantText } from "@/components/ui/relative-date";
import { firstValues } from "@/lib/schemas/search-params";
import { webhookDeliveryQuerySchema } from "@/lib/schemas/webhook";
import { requirePageActor } from "@/lib/server/auth";
import { getWebhook } from "@/lib/server/services/webhooks";
import { deleteWebhookAction, rotateWebhookSecretAction, sendWebhookTestAction, setWebhookEnabledAction, updateWebhookAction } from "../actions";

export const metadata: Metadata = { title: "Webhook" };

export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("webhook.manage");
  const { id } = await params;
  const { page } = webhookDeliveryQuerySchema.parse(firstValues(await searchParams));
  const found = await getWebhook({ actor, id, page });
  if (!found) notFound();
  const { webhook, deliveries } = found;
  const now = new Date();
  const basePath = `/admin/webhooks/${encodeURIComponent(webhook.id)}`;
  return (
    <>
      <div className="page-header">
        <div>
          <p><Link href="/admin/webhooks">Webhooks</Link></p>
          <h1>{webhook.name}</h1>
          <p className="muted">
            <code>{webhook.url}</code>. Signing secret <code>{webhook.secretPrefix}…</code>.{" "}
            {webhook.enabled ? (
              "Enabled."
            ) : (
              <strong>
                Disabled{webhook.disabledReason === "failures" ? " after repeated failures" : " by an admin"}
                {webhook.disabledAt ? <> <InstantText at={webhook.disabledAt} now={now} /></> : null}.
              </strong>
            )}{" "}
            {webhook.consecutiveFailures > 0 ? `${webhook.consecutiveFailures} failed attempts in a row.` : null}
          </p>
        </div>
      </div>
      <WebhookControls
        webhook={webhook}
        actions={{ setEnabled: setWebhookEnabledAction, rotate: rotateWebhookSecretAction, sendTest: sendWebhookTestAction, remove: deleteWebhookAction }}
      />
      <section className="card" data-spaced aria-labelledby="edit-webhook-heading">
        <h2 id="edit-webhook-heading">Endpoint and events</h2>
        <EditWebhookForm webhook={webhook} submit={updateWebhookAction} />
      </section>
      <section data-spaced aria-labelledby="delivery-log-heading">
        <h2 id="delivery-log-heading">Delivery log</h2>
        <DeliveryLog page={deliveries} now={now} basePath={basePath} />
      </section>
    </>
  );
}
