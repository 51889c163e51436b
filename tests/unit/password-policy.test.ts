import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { identityWords, passwordWeakness } from "@/lib/domain/accounts/password-policy";
import { newPasswordField } from "@/lib/schemas/password";
import { commonPasswordsFromPackage } from "../../scripts/data/common-passwords-source";

describe("password policy", () => {
  it.each([
    ["aaaaaaaaaaaa", /repeats/],
    ["password1234", /most common/],
    ["PASSWORD1234", /most common/],
    ["qwerasdfzxcv", /most common/],
    ["abcabcabcabc", /repeats/],
    ["121212121212", /repeats/],
    ["abcdefghijklm", /sequence/],
    ["1234567890123", /sequence/],
    ["zyxwvutsrqpo", /sequence/],
    ["qwertyuiopas", /keyboard/],
    ["asdfghjklzxc", /keyboard/],
    ["poiuytrewq09", /keyboard/],
    ["my assay login 2026", /name/],
  ])("refuses %s", (password, reason) => {
    expect(passwordWeakness(password)).toMatch(reason);
  });

  it.each([
    "correct horse battery staple", // lower case and spaces only: no composition rules
    "tangerine submarine",
    "Zq8!vR2#mL5@",
    "ünïcödé pässwörd",
  ])("accepts %s", (password) => {
    expect(passwordWeakness(password)).toBeNull();
  });

  it("refuses a password built from the user's own e-mail or name", () => {
    const words = identityWords({ email: "maria.fernandes@example.test", name: "Maria Fernandes" });
    expect(passwordWeakness("fernandes-rocks-2026", words)).toMatch(/your name/);
    expect(passwordWeakness("mariafernandes!!", words)).toMatch(/your name/);
    expect(passwordWeakness("sunny orchard path", words)).toBeNull();
  });

  it("the schema shared by forms and server says why, next to the field", () => {
    const result = newPasswordField().safeParse("password1234");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/most common/);
    expect(newPasswordField().safeParse("short").error?.issues[0]?.message).toBe("Use at least 12 characters");
    expect(newPasswordField().safeParse("x".repeat(257)).success).toBe(false);
  });

  it("the bundled list is exactly what the package yields (rerun npm run data:passwords after an upgrade)", async () => {
    const bundled = JSON.parse(readFileSync(path.join(__dirname, "../../lib/domain/reference/common-passwords.json"), "utf8")) as string[];
    const fromPackage = await commonPasswordsFromPackage();
    expect(bundled).toEqual(fromPackage);
    expect(bundled.length).toBeGreaterThan(200);
  });
});
