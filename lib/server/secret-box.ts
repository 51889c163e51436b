import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "./auth-secret";

// Seals a small secret (the SSO client secret) for storage: AES-256-GCM under
// a key derived from the app's auth secret with HKDF, so a copy of the
// database alone does not reveal it (docs/security.md, "Single sign-on").
// The purpose string separates this key from any other use of the secret.

const VERSION = "v1";

function key(purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret(), Buffer.alloc(0), `assay secret-box ${VERSION} ${purpose}`, 32));
}

export function sealSecret(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(purpose), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

/** The plain secret, or null when it cannot be opened (tampered, or sealed under another auth secret). */
export function openSecret(sealed: string, purpose: string): string | null {
  const [version, payload] = sealed.split(".");
  if (version !== VERSION || !payload) return null;
  const raw = Buffer.from(payload, "base64url");
  if (raw.length < 28) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key(purpose), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
