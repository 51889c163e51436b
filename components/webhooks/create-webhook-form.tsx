"use client";

import Link from "next/link";
import { useState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/schemas/action-result";
import { webhookCreateSchema, type WebhookCreateInput } from "@/lib/schemas/webhook";
import { WebhookFields } from "./webhook-fields";
import { WebhookSecret } from "./webhook-secret";
import { ClientForm } from "@/components/ui/client-form";

const EMPTY: WebhookCreateInput = { name: "", url: "", events: [] };

export function CreateWebhookForm({ submit }: { submit: (input: WebhookCreateInput) => Promise<ActionResult<{ id: string; secret: string }>> }) {
  const [created, setCreated] = useState<{ id: string; secret: string } | null>(null);
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: webhookCreateSchema,
    defaultValues: EMPTY,
    action: submit,
    successMessage: (_data, values) => `Webhook "${values.name}" created. Copy its signing secret now: it is shown only once.`,
    onSuccess: (data) => {
      setCreated(data);
      form.reset(EMPTY);
    },
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="New webhook">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      {created ? (
        <>
          <WebhookSecret secret={created.secret} />
          <p><Link href={`/admin/webhooks/${encodeURIComponent(created.id)}`}>Open the new webhook</Link> to send a test event.</p>
        </>
      ) : null}
      <WebhookFields register={form.register} errors={errors} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Creating…" : "Create webhook"}</button>
      </div>
    </ClientForm>
  );
}
