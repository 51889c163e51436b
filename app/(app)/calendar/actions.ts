"use server";

import { revalidatePath } from "next/cache";
import type { CreateCalendarFeedInput } from "@/lib/schemas/calendar";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/server/services/calendar-feed";

export async function createCalendarFeedAction(input: CreateCalendarFeedInput) {
  return runAction(async () => {
    const actor = await requireActor();
    const created = await createCalendarFeed({ actor, input });
    revalidatePath("/calendar");
    return created;
  });
}

export async function revokeCalendarFeedAction() {
  return runAction(async () => {
    const actor = await requireActor();
    const result = await revokeCalendarFeed({ actor });
    revalidatePath("/calendar");
    return result;
  });
}
