import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
process.env.AUTH_SECRET ??= "unit-test-auth-secret-0123456789abcdefghijkl";
const { openSecret, sealSecret } = await import("@/lib/server/secret-box");

describe("secret box (the SSO client secret at rest)", () => {
  const secret = "client-secret-Ω-0123456789";

  it("opens what it sealed, and never stores the plain text", () => {
    const sealed = sealSecret(secret, "sso-client-secret");
    expect(openSecret(sealed, "sso-client-secret")).toBe(secret);
    expect(sealed).not.toContain(secret);
    expect(sealed).not.toContain(Buffer.from(secret).toString("base64url"));
  });

  it("seals the same secret differently each time (random IV)", () => {
    expect(sealSecret(secret, "p")).not.toBe(sealSecret(secret, "p"));
  });

  it("refuses a tampered box, another purpose's key, and garbage", () => {
    const sealed = sealSecret(secret, "sso-client-secret");
    const raw = Buffer.from(sealed.slice(3), "base64url");
    raw[raw.length - 1]! ^= 1;
    expect(openSecret(`v1.${raw.toString("base64url")}`, "sso-client-secret")).toBeNull();
    expect(openSecret(sealed, "another-purpose")).toBeNull();
    for (const junk of ["", "v1.", "v2." + sealed.slice(3), "v1.AAAA", "plain-secret"]) expect(openSecret(junk, "sso-client-secret")).toBeNull();
  });
});
