"use server";

import { revalidatePath } from "next/cache";
import type { ApiTokenCreateInput } from "@/lib/schemas/api-token";
import type { z } from "zod";
import type { apiTokenRevokeSchema } from "@/lib/schemas/api-token";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { createApiToken, revokeApiToken } from "@/lib/server/services/api-tokens";

/** Answers the secret once; it is never stored or shown again. */
export async function createApiTokenAction(input: ApiTokenCreateInput) {
  return runAction(async () => {
    const token = await createApiToken({ actor: await requireActor(), input });
    revalidatePath("/admin/api-tokens");
    return token;
  });
}

export async function revokeApiTokenAction(input: z.input<typeof apiTokenRevokeSchema>) {
  return runAction(async () => {
    await revokeApiToken({ actor: await requireActor(), input });
    revalidatePath("/admin/api-tokens");
  });
}
