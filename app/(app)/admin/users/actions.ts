"use server";

import type { z } from "zod";
import type { changeRoleSchema, createUserSchema, forcePasswordResetSchema, setUserActiveSchema } from "@/lib/schemas/user";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { changeUserRole, createUser, forcePasswordReset, setUserActive } from "@/lib/server/services/users";
import { setLocalPassword } from "@/lib/server/services/local-password";
import type { setLocalPasswordSchema } from "@/lib/schemas/sso";

export async function createUserAction(input: z.input<typeof createUserSchema>) {
  return runAction(async () => {
    const user = await createUser({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function changeUserRoleAction(input: z.input<typeof changeRoleSchema>) {
  return runAction(async () => {
    const user = await changeUserRole({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function setUserActiveAction(input: z.input<typeof setUserActiveSchema>) {
  return runAction(async () => {
    const user = await setUserActive({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function forcePasswordResetAction(input: z.input<typeof forcePasswordResetSchema>) {
  return runAction(async () => {
    const user = await forcePasswordReset({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

/** Switches a user's e-mail-and-password sign-in off (single sign-on only) or back on. */
export async function setLocalPasswordAction(input: z.input<typeof setLocalPasswordSchema>) {
  return runAction(async () => {
    const result = await setLocalPassword({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: result.id };
  });
}
