"use client";

import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { WebhookRowView } from "@/lib/schemas/views/webhooks";
import { webhookUpdateSchema, type WebhookCreateInput, type WebhookUpdateInput } from "@/lib/schemas/webhook";
import type { UseFormRegister } from "react-hook-form";
import { WebhookFields } from "./webhook-fields";

export function EditWebhookForm({ webhook, submit }: { webhook: WebhookRowView; submit: (input: WebhookUpdateInput) => Promise<ActionResult<unknown>> }) {
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: webhookUpdateSchema,
    defaultValues: { id: webhook.id, version: webhook.version, name: webhook.name, url: webhook.url, events: webhook.events as WebhookUpdateInput["events"] },
    action: submit,
    successMessage: () => "Webhook saved.",
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form className="stack" onSubmit={onSubmit} noValidate aria-label="Edit webhook">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      {/* The update's fields are the create form's plus id and version, which the form carries unchanged. */}
      <WebhookFields register={form.register as unknown as UseFormRegister<WebhookCreateInput>} errors={errors} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save"}</button>
      </div>
    </form>
  );
}
