// Sign-in throttling that cannot be turned against the account owner (OWASP
// Authentication Cheat Sheet, "Login Throttling"; ASVS 5.0 V6.3.1). Hard
// blocks apply to one client: to that client on one account, and to that
// client across all accounts. The account as a whole is only ever slowed down,
// so an attacker hammering it from elsewhere can delay its owner by a few
// seconds but never keep them out. Pure: the counters live in the database
// (lib/server/services/sign-in-limits.ts).

export interface ThrottlePolicy {
  /** Failures by one client on one account before that client is blocked for it. */
  clientAccountMaxFailures: number;
  /** Failures by one client over all accounts before the client is blocked. */
  clientMaxFailures: number;
  accountFailuresBeforeDelay: number;
  maxDelaySeconds: number;
}

export interface FailureCounts {
  /** This client on this account, inside the window. */
  clientAccount: number;
  /** This client on any account, inside the window. */
  client: number;
  /** Any client on this account, inside the window. */
  account: number;
}

/** Whether this client may try this account at all. */
export function isClientBlocked(counts: FailureCounts, policy: ThrottlePolicy): boolean {
  return counts.clientAccount >= policy.clientAccountMaxFailures || counts.client >= policy.clientMaxFailures;
}

/**
 * How long to wait before checking a password for this account: nothing until
 * the account has seen `accountFailuresBeforeDelay` failures, then one second,
 * doubling with every further failure, never more than `maxDelaySeconds`.
 */
export function accountDelayMs(accountFailures: number, policy: ThrottlePolicy): number {
  const over = accountFailures - policy.accountFailuresBeforeDelay;
  if (over < 0) return 0;
  return Math.min(1000 * 2 ** Math.min(over, 30), policy.maxDelaySeconds * 1000);
}
