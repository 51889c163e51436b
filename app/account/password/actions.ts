"use server";

import type { ChangeOwnPasswordInput } from "@/lib/schemas/password";
import { requireActor } from "@/lib/server/auth";
import { runAction } from "@/lib/server/action-result";
import { changeOwnPassword } from "@/lib/server/services/account-password";

export async function changeOwnPasswordAction(input: ChangeOwnPasswordInput) {
  return runAction(async () => {
    // The one action a user with a forced reset may call.
    const actor = await requireActor({ allowPendingPasswordChange: true });
    return changeOwnPassword({ actor, sessionId: actor.sessionId, input });
  });
}
