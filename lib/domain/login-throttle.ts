// Account lockout after repeated failed sign-ins (OWASP Authentication Cheat
// Sheet: lock after a small number of failures within a window). Pure: the
// caller loads and stores the state in the database, so every app instance
// sees the same counters.

export interface ThrottleState {
  failedLoginCount: number;
  firstFailedLoginAt: Date | null;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockoutMinutes: number;
}

const MINUTE = 60_000;

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** State after one more failed attempt; locks when the window's limit is reached. */
export function afterFailure(state: ThrottleState, policy: ThrottlePolicy, now: Date): ThrottleState {
  const windowStart = state.firstFailedLoginAt;
  const inWindow =
    windowStart !== null && now.getTime() - windowStart.getTime() < policy.windowMinutes * MINUTE;
  const failedLoginCount = inWindow ? state.failedLoginCount + 1 : 1;
  const firstFailedLoginAt = inWindow ? windowStart : now;
  const lockedUntil =
    failedLoginCount >= policy.maxFailures ? new Date(now.getTime() + policy.lockoutMinutes * MINUTE) : null;
  // A new lock starts a fresh window once it ends, rather than locking again on the next miss.
  return lockedUntil
    ? { failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil }
    : { failedLoginCount, firstFailedLoginAt, lockedUntil: null };
}

export const CLEARED: ThrottleState = { failedLoginCount: 0, firstFailedLoginAt: null, lockedUntil: null };
