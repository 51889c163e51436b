"use server";

import { revalidatePath } from "next/cache";
import type { WebhookCreateInput, WebhookIdInput, WebhookToggleInput, WebhookUpdateInput } from "@/lib/schemas/webhook";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createWebhook, deleteWebhook, rotateWebhookSecret, sendWebhookTest, setWebhookEnabled, updateWebhook } from "@/lib/server/services/webhooks";

// Thin entry points: the service checks webhook.manage, validates and audits.

/** Answers the signing secret once; it is never shown again. */
export async function createWebhookAction(input: WebhookCreateInput) {
  return runAction(async () => {
    const created = await createWebhook({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks");
    return created;
  });
}

export async function updateWebhookAction(input: WebhookUpdateInput) {
  return runAction(async () => {
    await updateWebhook({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks", "layout");
  });
}

export async function setWebhookEnabledAction(input: WebhookToggleInput) {
  return runAction(async () => {
    await setWebhookEnabled({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks", "layout");
  });
}

/** Answers the new secret once. */
export async function rotateWebhookSecretAction(input: WebhookIdInput) {
  return runAction(async () => {
    const rotated = await rotateWebhookSecret({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks", "layout");
    return rotated;
  });
}

export async function deleteWebhookAction(input: WebhookIdInput) {
  return runAction(async () => {
    await deleteWebhook({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks", "layout");
  });
}

export async function sendWebhookTestAction(input: WebhookIdInput) {
  return runAction(async () => {
    const sent = await sendWebhookTest({ actor: await requireActor(), input });
    revalidatePath("/admin/webhooks", "layout");
    return sent;
  });
}
