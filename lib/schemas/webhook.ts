import { z } from "zod";
import { WEBHOOK_EVENT_TYPES } from "@/lib/domain/webhooks/webhook-events";

// Webhook subscriptions (docs/webhooks.md): the admin's forms and the server
// actions read these same schemas. Where the URL may point (https only,
// no private addresses) needs DNS, so the server checks it beyond this shape
// and answers next to the same field.

const url = z
  .string({ error: "Enter the endpoint's URL" })
  .trim()
  .min(1, "Enter the endpoint's URL, e.g. https://hooks.example.com/assay")
  .max(2000, "At most 2,000 characters")
  .refine((v) => /^https?:\/\//i.test(v), "Use an https:// URL");

const fields = {
  name: z.string({ error: "Give the webhook a name" }).trim().min(1, "Give the webhook a name, e.g. the system that receives it").max(80, "At most 80 characters"),
  url,
  events: z.array(z.enum(WEBHOOK_EVENT_TYPES), { error: "Choose at least one event" }).min(1, "Choose at least one event"),
};

export const webhookCreateSchema = z.object(fields);
export type WebhookCreateInput = z.input<typeof webhookCreateSchema>;

export const webhookIdSchema = z.object({ id: z.string().min(1).max(100) });
export type WebhookIdInput = z.input<typeof webhookIdSchema>;

/** Edits carry the version they started from: a stale save is refused, not merged. */
export const webhookUpdateSchema = z.object({ id: z.string().min(1).max(100), version: z.number().int().positive(), ...fields });
export type WebhookUpdateInput = z.input<typeof webhookUpdateSchema>;

export const webhookToggleSchema = z.object({ id: z.string().min(1).max(100), version: z.number().int().positive(), enabled: z.boolean() });
export type WebhookToggleInput = z.input<typeof webhookToggleSchema>;

/** The delivery log's query string: a bad page number is page 1, never an error. */
export const webhookDeliveryQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(10_000).catch(1) });
