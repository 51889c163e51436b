"use client";

import { useEffect } from "react";
import type { UseFormRegister } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { WebhookRowView } from "@/lib/schemas/views/webhooks";
import { webhookUpdateSchema, type WebhookCreateInput, type WebhookUpdateInput } from "@/lib/schemas/webhook";
import { WebhookFields } from "./webhook-fields";
import { ClientForm } from "@/components/ui/client-form";

const storedValues = (w: WebhookRowView): WebhookUpdateInput => ({ id: w.id, version: w.version, name: w.name, url: w.url, events: w.events as WebhookUpdateInput["events"] });

/** The fields the form edits, compared as stored: a version alone moving is no conflict with the typing. */
type Content = { name?: string; url?: string; events?: readonly (string | undefined)[] };
function sameContent(a: Content | undefined, b: Content): boolean {
  const content = (v: Content | undefined) => JSON.stringify([v?.name, v?.url, [...(v?.events ?? [])].sort()]);
  return a !== undefined && content(a) === content(b);
}

export function EditWebhookForm({ webhook, submit }: { webhook: WebhookRowView; submit: (input: WebhookUpdateInput) => Promise<ActionResult<unknown>> }) {
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: webhookUpdateSchema,
    defaultValues: storedValues(webhook),
    action: submit,
    successMessage: () => "Webhook saved.",
    // Saved: nothing is left unsaved, so the stored values (and their new version) may replace the form's.
    onSuccess: (_data, values) => form.reset(values),
  });
  // The page re-reads the webhook after any change on it (a save, Disable, a rotation), each a new
  // version. An untouched form takes the new version. One with unsaved typing takes it too when
  // what the form edits (name, endpoint, events) is what the typing started from: a rotation or
  // Disable, even one made a moment ago on this page, changed nothing the save would overwrite.
  // If those changed, it keeps the old version, and its save is refused as changed by someone else.
  const { isDirty } = form.formState;
  const stored = storedValues(webhook);
  const storedKey = JSON.stringify(stored);
  useEffect(() => {
    const next = JSON.parse(storedKey) as WebhookUpdateInput;
    if (!isDirty) form.reset(next);
    else if (sameContent(form.formState.defaultValues, next)) form.setValue("version", next.version);
  }, [storedKey, isDirty, form]);
  const { errors, isSubmitting } = form.formState;
  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="Edit webhook">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      {/* The update's fields are the create form's plus id and version, which the form carries unchanged. */}
      <WebhookFields register={form.register as unknown as UseFormRegister<WebhookCreateInput>} errors={errors} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save"}</button>
      </div>
    </ClientForm>
  );
}
