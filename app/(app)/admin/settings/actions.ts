"use server";

import type { z } from "zod";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { updateSettings, type updateSettingsSchema } from "@/lib/server/services/settings";

export async function updateSettingsAction(input: z.input<typeof updateSettingsSchema>) {
  return runAction(async () => {
    const saved = await updateSettings({ actor: await requireActor(), input });
    revalidatePath("/admin/settings");
    return { version: saved.version };
  });
}
