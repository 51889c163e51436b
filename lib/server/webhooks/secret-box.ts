// Webhook signing secrets at rest (docs/webhooks.md, "Secrets"). The server
// must sign with the secret, so it cannot keep only a hash as it does for API
// tokens; it keeps it sealed by lib/server/secret-box.ts (AES-256-GCM under a
// key derived from AUTH_SECRET for this purpose alone). A database dump or
// backup alone then reveals no secret. Every instance shares AUTH_SECRET
// already (sessions depend on it); replacing it makes stored secrets
// unreadable, and the page then asks for a rotation.
import { randomBytes } from "node:crypto";
import { openSecret, sealSecret } from "../secret-box";

const PURPOSE = "webhook signing secret";

export function sealWebhookSecret(secret: string): string {
  return sealSecret(secret, PURPOSE);
}

/** The secret, or null when it was sealed under another server secret (or tampered with). */
export function openWebhookSecret(stored: string): string | null {
  return openSecret(stored, PURPOSE);
}

const SECRET_PREFIX = "whsec_";

/** 32 random bytes; receivers use the whole string, prefix included, as the HMAC key. */
export function newWebhookSecret(): { secret: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}
