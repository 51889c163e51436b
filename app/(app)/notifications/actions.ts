"use server";

import { revalidatePath } from "next/cache";
import type { MarkNotificationsReadInput, NotificationPreferencesInput } from "@/lib/schemas/notifications";
import { runAction } from "@/lib/server/action-result";
import { requireActor } from "@/lib/server/auth";
import { markNotificationsRead, updateNotificationPreferences } from "@/lib/server/services/notifications";

export async function markNotificationsReadAction(input: MarkNotificationsReadInput) {
  return runAction(async () => {
    const result = await markNotificationsRead({ actor: await requireActor(), input });
    // The bell in the shell shows the unread count on every page.
    revalidatePath("/", "layout");
    return result;
  });
}

export async function updateNotificationPreferencesAction(input: NotificationPreferencesInput) {
  return runAction(async () => {
    const result = await updateNotificationPreferences({ actor: await requireActor(), input });
    revalidatePath("/notifications");
    return result;
  });
}
