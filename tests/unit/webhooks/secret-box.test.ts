// Signing secrets at rest (docs/webhooks.md, "Secrets"): sealed under a key
// derived from the server secret, unreadable under another one or when
// tampered with, never stored in the clear.
import { afterEach, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function boxWith(serverSecret: string) {
  vi.resetModules();
  vi.stubEnv("AUTH_SECRET", serverSecret);
  return import("@/lib/server/webhooks/secret-box");
}

it("opens what it sealed, and nothing sealed under another server secret or altered", async () => {
  const box = await boxWith("a".repeat(48));
  const { secret, prefix } = box.newWebhookSecret();
  expect(secret.startsWith(prefix)).toBe(true);
  expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  const sealed = box.sealWebhookSecret(secret);
  expect(sealed).not.toContain(secret.slice(6));
  expect(box.openWebhookSecret(sealed)).toBe(secret);
  // A fresh IV each time: the same secret never seals to the same text.
  expect(box.sealWebhookSecret(secret)).not.toBe(sealed);
  const tampered = sealed.slice(0, -2) + (sealed.endsWith("A") ? "BB" : "AA");
  expect(box.openWebhookSecret(tampered)).toBeNull();

  const other = await boxWith("b".repeat(48));
  expect(other.openWebhookSecret(sealed)).toBeNull();
});
