import { randomBytes } from "node:crypto";
import { needsTouch, sessionExpiry, type SessionPolicy } from "@/lib/domain/accounts/session-timeout";
import { db, type Tx } from "../db";
import { loadSettings } from "./settings";

// Server-side sessions behind the JWT cookie: the cookie names a row here, and
// the row decides. Revoking a row ends that browser's session at its next
// request, on every instance (README.md, "Security defaults").

/** The session cookie's own lifetime, the outer bound of settings.sessions.absoluteHours. */
export const COOKIE_MAX_AGE_HOURS = 24;

export const REVOKE_REASONS = ["sign_out", "deactivated", "role_changed", "password_changed", "password_reset_forced"] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];

/** Starts a session in the caller's transaction (the sign-in's, with its audit event). */
export async function createSession(tx: Tx, userId: string, now: Date): Promise<string> {
  // 256 bits from the CSPRNG: the id is also a bearer secret inside the signed cookie.
  const id = randomBytes(32).toString("base64url");
  await tx.authSession.create({ data: { id, userId, createdAt: now, lastSeenAt: now } });
  return id;
}

/** Ends every live session of a user, or all but `except` (the one changing its own password). */
export async function revokeUserSessions(tx: Tx, userId: string, reason: RevokeReason, now: Date, except?: string) {
  const { count } = await tx.authSession.updateMany({
    where: { userId, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: now, revokedReason: reason },
  });
  return count;
}

export async function revokeSession(tx: Tx, sessionId: string, reason: RevokeReason, now: Date) {
  await tx.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
}

/**
 * Deletes sessions no cookie can still name: the cookie itself lasts at most
 * COOKIE_MAX_AGE_HOURS (lib/server/auth.ts), so older rows are dead weight.
 */
export async function sweepEndedSessions(now: Date) {
  await db().authSession.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - COOKIE_MAX_AGE_HOURS * 3_600_000) } } });
}

// The timeouts are read on every request; a few seconds' staleness after an
// admin changes them is fine, a settings query per request is not.
const POLICY_TTL_MS = 10_000;
let cachedPolicy: { client: unknown; at: number; policy: SessionPolicy } | undefined;

async function sessionPolicy(): Promise<SessionPolicy> {
  // The cache runs on the wall clock, never on a caller's `now` (tests pass one from the future).
  const client = db();
  const wallClock = Date.now();
  if (cachedPolicy && cachedPolicy.client === client && wallClock - cachedPolicy.at < POLICY_TTL_MS) return cachedPolicy.policy;
  const policy = (await loadSettings(client)).sessions;
  cachedPolicy = { client, at: wallClock, policy };
  return policy;
}

/** Tests change the timeouts and need them at once. */
export function forgetSessionPolicy() {
  cachedPolicy = undefined;
}

/**
 * The session's user when the session is live: not revoked, not idle or too
 * old, and its user still active. One indexed read per request, plus a write
 * at most once a minute to move the idle clock.
 */
export async function resolveSession(sessionId: string, now = new Date()) {
  const [session, policy] = await Promise.all([
    db().authSession.findUnique({ where: { id: sessionId }, include: { user: true } }),
    sessionPolicy(),
  ]);
  if (!session || session.revokedAt || !session.user.active) return null;
  if (sessionExpiry(session, policy, now)) return null;
  if (needsTouch(session, now)) {
    await db().authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { lastSeenAt: now } });
  }
  return { sessionId, user: session.user };
}
