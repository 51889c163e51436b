"use server";

import { revalidatePath } from "next/cache";
import type { SsoConfigInput } from "@/lib/schemas/sso";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { saveSsoConfig } from "@/lib/server/services/sso-config";

export async function saveSsoConfigAction(input: SsoConfigInput) {
  return runAction(async () => {
    const view = await saveSsoConfig({ actor: await requireActor(), input });
    revalidatePath("/admin/sso");
    return view;
  });
}
