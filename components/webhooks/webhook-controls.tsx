"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { WebhookRowView } from "@/lib/schemas/views/webhooks";
import type { WebhookIdInput, WebhookToggleInput } from "@/lib/schemas/webhook";
import { WebhookSecret } from "./webhook-secret";

interface Actions {
  setEnabled: (input: WebhookToggleInput) => Promise<ActionResult<unknown>>;
  rotate: (input: WebhookIdInput) => Promise<ActionResult<{ secret: string }>>;
  sendTest: (input: WebhookIdInput) => Promise<ActionResult<{ eventId: string }>>;
  remove: (input: WebhookIdInput) => Promise<ActionResult<unknown>>;
}

/** Switch on or off, send a test event, rotate the secret, delete: each answered in a status line. */
export function WebhookControls({ webhook, actions }: { webhook: WebhookRowView; actions: Actions }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const { id, name } = webhook;

  const run = <T,>(call: () => Promise<ActionResult<T>>, done: (data: T) => string) =>
    startTransition(async () => {
      const result = await call();
      setStatus(result.ok ? { text: done(result.data), error: false } : { text: result.error, error: true });
      router.refresh();
    });

  return (
    <div className="stack">
      {secret ? <WebhookSecret secret={secret} /> : null}
      <div className="form-actions">
        <button type="button" className="btn" disabled={pending} onClick={() => run(() => actions.setEnabled({ id, version: webhook.version, enabled: !webhook.enabled }), () => (webhook.enabled ? "Webhook disabled." : "Webhook enabled."))}>
          {webhook.enabled ? "Disable" : "Enable"}
        </button>
        <button type="button" className="btn" disabled={pending || !webhook.enabled} onClick={() => run(() => actions.sendTest({ id }), () => "Test event queued; it appears in the delivery log below.")}>
          Send test event
        </button>
        <ConfirmDialog
          triggerText="Rotate secret"
          triggerLabel={`Rotate the signing secret of webhook ${name}`}
          triggerClassName="btn btn-small"
          title={`Rotate the signing secret of “${name}”?`}
          confirmText="Rotate secret"
          pendingText="Rotating…"
          onConfirm={async () => {
            const result = await actions.rotate({ id });
            if (!result.ok) return result.error;
            setSecret(result.data.secret);
            setStatus({ text: "New signing secret made. Copy it now: it is shown only once.", error: false });
            router.refresh();
            return null;
          }}
        >
          <p>Deliveries from now on are signed with a new secret; the receiver must be given it, or it will refuse them.</p>
        </ConfirmDialog>
        <ConfirmDialog
          triggerText="Delete"
          triggerLabel={`Delete webhook ${name}`}
          title={`Delete “${name}”?`}
          confirmText="Delete webhook"
          pendingText="Deleting…"
          onConfirm={async () => {
            const result = await actions.remove({ id });
            if (!result.ok) return result.error;
            router.push("/admin/webhooks");
            return null;
          }}
        >
          <p>No more events are sent to it and its delivery log goes with it. The audit log keeps the record.</p>
        </ConfirmDialog>
      </div>
      <p role="status" className={status?.error ? "error" : "muted"}>{status?.text ?? ""}</p>
    </div>
  );
}
