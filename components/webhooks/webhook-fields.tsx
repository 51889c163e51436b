"use client";

import type { FieldErrors, UseFormRegister } from "react-hook-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextField } from "@/components/ui/text-field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/webhook-events";
import type { WebhookCreateInput } from "@/lib/schemas/webhook";

const EVENT_OPTIONS = WEBHOOK_EVENT_TYPES.map((e) => ({ value: e, label: `${WEBHOOK_EVENT_LABELS[e]} (${e})` }));

/** Name, URL and events: the same fields when creating and editing a webhook. */
export function WebhookFields({ register, errors }: { register: UseFormRegister<WebhookCreateInput>; errors: FieldErrors<WebhookCreateInput> }) {
  return (
    <>
      <TextField label="Name" hint="Which system receives it, e.g. “Ticketing”." error={errors.name?.message} {...register("name")} />
      <TextField
        label="Endpoint URL"
        hint="https only. Private, loopback and link-local addresses are refused unless the server's operator allowed them."
        inputMode="url"
        error={errors.url?.message}
        {...register("url")}
      />
      <CheckboxGroup legend="Events" options={EVENT_OPTIONS} error={errors.events?.message} {...register("events")} />
    </>
  );
}
