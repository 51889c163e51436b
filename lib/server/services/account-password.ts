import { isClientBlocked } from "@/lib/domain/accounts/login-throttle";
import { identityWords } from "@/lib/domain/accounts/password-policy";
import { changeOwnPasswordSchema } from "@/lib/schemas/password";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { hashPassword, verifyPassword } from "../password";
import { parseInput } from "../validation";
import { revokeUserSessions } from "./sessions";
import { loadSettings } from "./settings";
import { clearClientAccount, failureCounts, recordFailure } from "./sign-in-limits";

/**
 * A signed-in user sets a new password. The current password is required (an
 * unlocked screen is not enough), a forced reset is cleared, and every other
 * session of the user ends: whoever knew the old password is out.
 */
export async function changeOwnPassword({ actor, sessionId, input }: { actor: Actor; sessionId: string; input: unknown }) {
  requirePermission(actor, "account.password.change");
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user) throw notFound("User not found.");
  const data = parseInput(changeOwnPasswordSchema(identityWords(user)), input);
  // Guesses at the current password (someone at an unlocked screen) count
  // against the same per-client limits as sign-in guesses.
  const { login: policy } = await loadSettings();
  if (isClientBlocked(await failureCounts(policy, user.email, actor.ip), policy)) {
    throw new AppError("VALIDATION", "Check the highlighted field.", { currentPassword: "Too many wrong attempts from here. Wait a few minutes, then try again." });
  }
  if (!(await verifyPassword(user.passwordHash, data.currentPassword))) {
    await recordFailure(policy, user.email, actor.ip);
    await db().$transaction((tx) =>
      recordAudit(tx, actor, { action: "user.change_password_failed", entityType: "user", entityId: user.id, after: { reason: "wrong_current_password" } }),
    );
    throw new AppError("VALIDATION", "Check the highlighted field.", { currentPassword: "That is not your current password" });
  }
  await clearClientAccount(policy, user.email, actor.ip);
  const passwordHash = await hashPassword(data.newPassword);
  const now = new Date();
  return db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: false, passwordChangedAt: now, version: { increment: 1 } },
    });
    const sessionsEnded = await revokeUserSessions(tx, user.id, "password_changed", now, sessionId);
    await recordAudit(tx, actor, {
      action: "user.change_password",
      entityType: "user",
      entityId: user.id,
      before: { mustChangePassword: user.mustChangePassword },
      after: { mustChangePassword: false, sessionsEnded },
    });
    return { sessionsEnded };
  });
}
