// Webhook limits and the outbound exceptions, from the environment
// (docs/webhooks.md, "Settings"). They are deliberately not in the admin
// settings page: opening private networks to outbound requests is an
// operator's decision about the deployment, and an admin account (or whoever
// took one over) must not be able to turn the SSRF protection off.

export interface WebhookConfig {
  /** Loopback targets and plain http to them: for tests and local development only. */
  allowLoopback: boolean;
  /** Private networks the operator allows, e.g. "10.20.0.0/16" for an on-premises ticketing server. */
  allowedCidrs: string[];
  /** Failed attempts in a row after which an endpoint is disabled and admins are told. */
  maxConsecutiveFailures: number;
  /** Attempts per delivery before it is given up. */
  maxAttempts: number;
  /** The first retry's delay; each next one doubles (lib/server/jobs/retry-delay.ts), capped at an hour. */
  retryBaseSeconds: number;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
  /** How often each server looks for due deliveries. */
  pollMs: number;
  /** Days a finished delivery stays in the log. */
  logDays: number;
}

function int(env: Record<string, string | undefined>, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) throw new Error(`${name} must be a whole number from 1 to ${max} (got "${raw}").`);
  return value;
}

/** Timeouts stay well under the age at which an attempt's claim counts as abandoned (deliver-webhook.ts, one minute). */
const MAX_TIMEOUT_MS = 30_000;

export function webhookConfig(env: Record<string, string | undefined> = process.env): WebhookConfig {
  return {
    allowLoopback: env.ASSAY_WEBHOOK_ALLOW_LOOPBACK === "true",
    allowedCidrs: (env.ASSAY_WEBHOOK_ALLOWED_CIDRS ?? "").split(",").map((s) => s.trim()).filter(Boolean),
    maxConsecutiveFailures: int(env, "ASSAY_WEBHOOK_MAX_FAILURES", 10),
    maxAttempts: int(env, "ASSAY_WEBHOOK_MAX_ATTEMPTS", 8),
    retryBaseSeconds: int(env, "ASSAY_WEBHOOK_RETRY_BASE_SECONDS", 30),
    connectTimeoutMs: int(env, "ASSAY_WEBHOOK_CONNECT_TIMEOUT_MS", 3_000, MAX_TIMEOUT_MS),
    totalTimeoutMs: int(env, "ASSAY_WEBHOOK_TIMEOUT_MS", 10_000, MAX_TIMEOUT_MS),
    pollMs: int(env, "ASSAY_WEBHOOK_POLL_MS", 2_000),
    logDays: int(env, "ASSAY_WEBHOOK_LOG_DAYS", 30),
  };
}
