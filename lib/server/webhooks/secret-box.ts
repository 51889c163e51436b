// Webhook signing secrets at rest (docs/webhooks.md, "Secrets"). The server
// must sign with the secret, so it cannot keep only a hash as it does for API
// tokens; it keeps it encrypted with AES-256-GCM under a key derived (HKDF)
// from the server secret (lib/server/auth-secret.ts). A database dump or
// backup alone then reveals no secret. Every instance shares AUTH_SECRET
// already (sessions depend on it); replacing it makes stored secrets
// unreadable, and the page then asks for a rotation.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../auth-secret";

const VERSION = "v1";

function key(): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), "assay-webhooks", "webhook-signing-secret-v1", 32));
}

export function sealWebhookSecret(secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const sealed = Buffer.concat([iv, cipher.update(secret, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${sealed.toString("base64url")}`;
}

/** The secret, or null when it was sealed under another server secret (or tampered with). */
export function openWebhookSecret(stored: string): string | null {
  const [version, data] = stored.split(".");
  if (version !== VERSION || !data) return null;
  const sealed = Buffer.from(data, "base64url");
  if (sealed.length < 12 + 16) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(), sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([decipher.update(sealed.subarray(12, sealed.length - 16)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

const SECRET_PREFIX = "whsec_";

/** 32 random bytes; receivers use the whole string, prefix included, as the HMAC key. */
export function newWebhookSecret(): { secret: string; prefix: string } {
  const secret = SECRET_PREFIX + randomBytes(32).toString("base64url");
  return { secret, prefix: secret.slice(0, SECRET_PREFIX.length + 4) };
}
