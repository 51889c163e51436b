// Verifying an Assay webhook delivery (docs/webhooks.md). Use the raw request
// body exactly as received: re-serialised JSON will not match.
import crypto from "node:crypto";

export function verifyAssayWebhook(rawBody, signatureHeader, secret, { toleranceSeconds = 300, now = Date.now() } = {}) {
  const parts = Object.fromEntries(String(signatureHeader ?? "").split(",").map((part) => part.trim().split("=")));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || typeof parts.v1 !== "string") return false;
  // Refuse old (or far-future) timestamps: a captured delivery cannot be replayed later.
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = crypto.createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1, "hex");
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}
