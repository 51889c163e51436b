import { afterFailure, CLEARED, isLocked, type ThrottleState } from "@/lib/domain/login-throttle";
import { isRole, type Role } from "@/lib/domain/roles";
import { db, type Tx } from "../db";
import { recordAudit } from "../audit";
import { burnPasswordCheck, verifyPassword } from "../password";
import { loadSettings } from "./settings";

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role } }
  | { ok: false; reason: "invalid" | "locked" };

export interface SignInAttempt {
  email: string;
  password: string;
  ip?: string | null;
  userAgent?: string | null;
  now?: Date;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks a password sign-in and records the outcome in the database. Unknown
 * addresses are throttled exactly like real ones (in LoginThrottle), so neither
 * the message nor the lockout reveals whether an account exists.
 */
export async function signIn(attempt: SignInAttempt): Promise<SignInResult> {
  const now = attempt.now ?? new Date();
  const email = normaliseEmail(attempt.email);
  const { login: policy } = await loadSettings();
  const user = await db().user.findUnique({ where: { email } });
  const from = { ip: attempt.ip ?? null, userAgent: attempt.userAgent ?? null };

  const state: ThrottleState = user ?? (await db().loginThrottle.findUnique({ where: { email } })) ?? CLEARED;
  if (isLocked(state, now)) {
    await burnPasswordCheck(attempt.password);
    await db().$transaction((tx) =>
      recordAudit(tx, null, { action: "auth.sign_in_locked", entityType: "user", entityId: user?.id, after: { email, ...from } }),
    );
    return { ok: false, reason: "locked" };
  }

  let passwordOk = false;
  if (user) passwordOk = await verifyPassword(user.passwordHash, attempt.password);
  else await burnPasswordCheck(attempt.password);
  if (user && passwordOk && user.active && isRole(user.role)) {
    await db().$transaction(async (tx) => {
      await tx.user.update({ where: { id: user.id }, data: { ...CLEARED, lastLoginAt: now } });
      await recordAudit(tx, { id: user.id, email, name: user.name, role: user.role as Role, ...from }, {
        action: "auth.sign_in",
        entityType: "user",
        entityId: user.id,
      });
    });
    return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role as Role } };
  }

  const next = afterFailure(state, policy, now);
  await db().$transaction(async (tx) => {
    await saveThrottle(tx, email, user?.id, next);
    await recordAudit(tx, null, {
      action: next.lockedUntil ? "auth.lockout" : "auth.sign_in_failed",
      entityType: "user",
      entityId: user?.id,
      // A deactivated account is reported to auditors, never to the person signing in.
      after: { email, ...from, reason: user && passwordOk && !user.active ? "deactivated" : "bad_credentials" },
    });
  });
  return { ok: false, reason: next.lockedUntil ? "locked" : "invalid" };
}

async function saveThrottle(tx: Tx, email: string, userId: string | undefined, state: ThrottleState) {
  if (userId) {
    await tx.user.update({ where: { id: userId }, data: state });
  } else {
    await tx.loginThrottle.upsert({ where: { email }, create: { email, ...state }, update: state });
  }
}
