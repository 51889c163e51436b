"use server";

import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { changeUserRole, createUser, forcePasswordReset, setUserActive } from "@/lib/server/services/users";

export async function createUserAction(input: unknown) {
  return runAction(async () => {
    const user = await createUser({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function changeUserRoleAction(input: unknown) {
  return runAction(async () => {
    const user = await changeUserRole({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function setUserActiveAction(input: unknown) {
  return runAction(async () => {
    const user = await setUserActive({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}

export async function forcePasswordResetAction(input: unknown) {
  return runAction(async () => {
    const user = await forcePasswordReset({ actor: await requireActor(), input });
    revalidatePath("/admin/users");
    return { id: user.id };
  });
}
