import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import type { FailureCounts, ThrottlePolicy } from "@/lib/domain/accounts/login-throttle";
import { db } from "../db";

// The counters behind lib/domain/accounts/login-throttle.ts, kept by rate-limiter-flexible
// in the RateLimit table (its Prisma store) so every instance sees the same
// numbers on SQLite and PostgreSQL alike. Keys are the normalised e-mail
// whether or not an account exists, so unknown addresses count the same.

export interface LimitPolicy extends ThrottlePolicy {
  windowMinutes: number;
  blockMinutes: number;
}

/** A client we cannot identify still gets counted, under one shared key. */
const UNKNOWN_CLIENT = "unknown";

function limiters(policy: LimitPolicy) {
  // Built per call (cheap objects) so a settings change applies at once;
  // expired rows are swept by sweepExpiredLimits instead of the library's timer.
  const common = { storeClient: db(), tableName: "rateLimit", clearExpiredByTimeout: false, duration: policy.windowMinutes * 60 };
  return {
    clientAccount: new RateLimiterPrisma({ ...common, keyPrefix: "login:client-account", points: policy.clientAccountMaxFailures }),
    client: new RateLimiterPrisma({ ...common, keyPrefix: "login:client", points: policy.clientMaxFailures }),
    // Only counted, never refused: the account is slowed down, not locked.
    account: new RateLimiterPrisma({ ...common, keyPrefix: "login:account", points: Number.MAX_SAFE_INTEGER }),
  };
}

function keys(email: string, client: string | null | undefined) {
  const c = client || UNKNOWN_CLIENT;
  return { clientAccount: `${c}|${email}`, client: c, account: email };
}

export async function failureCounts(policy: LimitPolicy, email: string, client: string | null | undefined): Promise<FailureCounts> {
  const l = limiters(policy);
  const k = keys(email, client);
  const [clientAccount, clientAll, account] = await Promise.all([
    l.clientAccount.get(k.clientAccount),
    l.client.get(k.client),
    l.account.get(k.account),
  ]);
  return {
    clientAccount: clientAccount?.consumedPoints ?? 0,
    client: clientAll?.consumedPoints ?? 0,
    account: account?.consumedPoints ?? 0,
  };
}

/** Counts one failure everywhere; a client that reaches a limit stays blocked for `blockMinutes` from now. */
export async function recordFailure(policy: LimitPolicy, email: string, client: string | null | undefined): Promise<FailureCounts> {
  const l = limiters(policy);
  const k = keys(email, client);
  const [clientAccount, clientAll, account] = await Promise.all([
    consumeOrBlocked(l.clientAccount, k.clientAccount),
    consumeOrBlocked(l.client, k.client),
    consumeOrBlocked(l.account, k.account),
  ]);
  const block = policy.blockMinutes * 60;
  await Promise.all([
    clientAccount.remainingPoints === 0 ? l.clientAccount.block(k.clientAccount, block) : null,
    clientAll.remainingPoints === 0 ? l.client.block(k.client, block) : null,
  ]);
  return { clientAccount: clientAccount.consumedPoints, client: clientAll.consumedPoints, account: account.consumedPoints };
}

/** The right password clears this client's failures on this account, and nothing else. */
export async function clearClientAccount(policy: LimitPolicy, email: string, client: string | null | undefined) {
  await limiters(policy).clientAccount.delete(keys(email, client).clientAccount);
}

/** Deletes counters that expired over an hour ago (keys are per address and per client, so they pile up). */
export async function sweepExpiredLimits(now = new Date()) {
  await db().rateLimit.deleteMany({ where: { expire: { lt: new Date(now.getTime() - 3_600_000) } } });
}

async function consumeOrBlocked(limiter: RateLimiterPrisma, key: string): Promise<RateLimiterRes> {
  try {
    return await limiter.consume(key);
  } catch (rejected) {
    // Over the limit (a concurrent attempt got there first): still counted.
    if (rejected instanceof RateLimiterRes) return rejected;
    throw rejected;
  }
}
