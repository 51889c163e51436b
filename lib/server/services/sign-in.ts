import { setTimeout as sleep } from "node:timers/promises";
import { accountDelayMs, isClientBlocked } from "@/lib/domain/accounts/login-throttle";
import { isRole, type Role } from "@/lib/domain/accounts/roles";
import { db } from "../db";
import { recordAudit } from "../audit";
import { burnPasswordCheck, verifyPassword } from "../password";
import { createSession, sweepEndedSessions } from "./sessions";
import { localPasswordAllowed } from "./local-password";
import { loadSettings } from "./settings";
import { clearClientAccount, failureCounts, recordFailure, sweepExpiredLimits } from "./sign-in-limits";

export type SignInResult =
  | { ok: true; sessionId: string; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" | "locked" | "sso_only" };

export interface SignInAttempt {
  email: string;
  password: string;
  /** The client address as the auth layer derives it; the throttle's client key. */
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password sign-in and records the outcome in the database. The
 * throttle (lib/domain/accounts/login-throttle.ts) blocks a guessing client, never the
 * account, and keys on the address whether or not an account exists, so
 * neither the message nor the timing reveals which addresses have accounts.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const { login: policy } = await loadSettings();
  const from = { ip: attempt.ip ?? null, userAgent: attempt.userAgent ?? null };

  const counts = await failureCounts(policy, email, attempt.ip);
  const user = await db().user.findUnique({ where: { email } });
  if (isClientBlocked(counts, policy)) {
    await burnPasswordCheck(attempt.password);
    await db().$transaction((tx) =>
      recordAudit(tx, null, { action: "auth.sign_in_locked", entityType: "user", entityId: user?.id, after: { email, ...from } }),
    );
    return { ok: false, reason: "locked" };
  }
  // An account under attack from elsewhere slows down; its owner still gets in.
  const delay = accountDelayMs(counts.account, policy);
  if (delay > 0) await sleep(delay);

  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.passwordHash, attempt.password);
  else await burnPasswordCheck(attempt.password);
  // Checked only once the password is right, so it tells nothing to a guesser.
  const localAllowed = user && passwordOk ? await localPasswordAllowed(user.id) : true;
  if (user && passwordOk && localAllowed && user.active && isRole(user.role)) {
    await clearClientAccount(policy, email, attempt.ip);
    await sweepEndedSessions(now);
    const sessionId = await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: now } });
      const id = await createSession(tx, user.id, now);
      await recordAudit(tx, { id: user.id, email, name: user.name, role: user.role as Role, ...from }, {
        action: "auth.sign_in",
        entityType: "user",
        entityId: user.id,
        ...(delay > 0 ? { after: { delayedMs: delay } } : {}),
      });
      return id;
    });
    return { ok: true, sessionId, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role } };
  }

  const after = await recordFailure(policy, email, attempt.ip);
  const blocked = isClientBlocked(after, policy);
  await db().$transaction((tx) =>
    recordAudit(tx, null, {
      action: blocked ? "auth.lockout" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id,
      // A deactivated account is reported to auditors, never to the person signing in.
      after: {
        email,
        ...from,
        reason: refusalReason(user, passwordOk, localAllowed),
        ...(blocked ? { blocked: "client" } : {}),
      },
    }),
  );
  await sweepExpiredLimits(now);
  if (!blocked && user && passwordOk && !localAllowed && user.active) return { ok: false, reason: "sso_only" };
  return { ok: false, reason: blocked ? "locked" : "invalid" };
}

function refusalReason(user: { active: boolean } | null, passwordOk: boolean, localAllowed: boolean) {
  if (!user || !passwordOk) return "bad_credentials" as const;
  if (!user.active) return "deactivated" as const;
  return localAllowed ? ("bad_credentials" as const) : ("local_password_disabled" as const);
}
