import { z } from "zod";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, passwordWeakness } from "@/lib/domain/accounts/password-policy";

// One password rule for every form that sets a password (create user, change
// your own) and for the server that checks it again: lib/domain/accounts/password-policy.ts.

/** A new password; `contextWords` are the user's own identifiers it must not contain. */
export function newPasswordField(contextWords: readonly string[] = []) {
  return z
    .string()
    .min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(MAX_PASSWORD_LENGTH, `Use at most ${MAX_PASSWORD_LENGTH} characters`)
    .superRefine((password, ctx) => {
      const weakness = passwordWeakness(password, contextWords);
      if (weakness) ctx.addIssue({ code: "custom", message: weakness });
    });
}

/** Changing your own password: the current one proves it is you, not someone at an unlocked screen. */
export function changeOwnPasswordSchema(contextWords: readonly string[] = []) {
  return z
    .object({
      currentPassword: z.string().min(1, "Enter your current password").max(1024),
      newPassword: newPasswordField(contextWords),
      confirmPassword: z.string(),
    })
    .superRefine((v, ctx) => {
      if (v.confirmPassword !== v.newPassword) {
        ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "The two new passwords do not match" });
      }
      if (v.newPassword === v.currentPassword) {
        ctx.addIssue({ code: "custom", path: ["newPassword"], message: "Choose a password different from the current one" });
      }
    });
}
export type ChangeOwnPasswordInput = z.infer<ReturnType<typeof changeOwnPasswordSchema>>;
