import { beforeAll, expect, it } from "vitest";
import { changeOwnPassword } from "@/lib/server/services/account-password";
import { signIn } from "@/lib/server/services/sign-in";
import { createUser, forcePasswordReset } from "@/lib/server/services/users";
import { verifyPassword } from "@/lib/server/password";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

let n = 0;

forEachProvider("password policy, changing your password, forced resets", (t) => {
  beforeAll(ensureSettings);

  it.each(["aaaaaaaaaaaa", "password1234"])("an admin cannot give a user the password %s", async (password) => {
    const admin = await makeActor("admin");
    const email = `weak-${++n}-${Date.now()}@example.test`;
    await expect(createUser({ actor: admin, input: { email, name: "Weak Password", role: "viewer", password } })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { password: expect.stringMatching(/common|repeats/) },
    });
    expect(await t.db.user.findUnique({ where: { email } })).toBeNull();
  });

  it("nobody can change their own password to a weak one, and nothing changes", async () => {
    const user = await makeActor("legal");
    const before = (await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    await expect(
      changeOwnPassword({ actor: user, sessionId: "none", input: { currentPassword: user.password, newPassword: "password1234", confirmPassword: "password1234" } }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { newPassword: expect.stringMatching(/common/) } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(before);
  });

  it("changing your password needs the current one; a wrong one is refused next to the field and audited", async () => {
    const user = await makeActor("security");
    const next = "violet harbour lanterns";
    await expect(
      changeOwnPassword({ actor: user, sessionId: "none", input: { currentPassword: "not my password", newPassword: next, confirmPassword: next } }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: "That is not your current password" } });
    const events = await t.db.auditEvent.findMany({ where: { entityId: user.id }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(["user.change_password_failed"]);
  });

  it("guessing the current password is throttled like guessing at sign-in", async () => {
    const user = { ...(await makeActor("viewer")), ip: `192.0.2.${++n}` };
    const next = "slow river under stone";
    const attempt = (currentPassword: string) =>
      changeOwnPassword({ actor: user, sessionId: "none", input: { currentPassword, newPassword: next, confirmPassword: next } }).catch((e: { fieldErrors?: Record<string, string> }) => e.fieldErrors?.currentPassword);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt(`guess ${i}`));
    expect(answers).toEqual(Array(5).fill("That is not your current password"));
    expect(await attempt(user.password)).toMatch(/Too many wrong attempts/);
    expect(await verifyPassword((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash, next)).toBe(false);
  });

  it("a changed password signs in, the old one does not, and the change is audited without any secret", async () => {
    const user = await makeActor("procurement");
    const next = "quiet copper meadow";
    await changeOwnPassword({ actor: user, sessionId: "none", input: { currentPassword: user.password, newPassword: next, confirmPassword: next } });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, next)).toBe(true);
    expect(row.passwordChangedAt).not.toBeNull();
    expect((await signIn({ email: user.email, password: user.password, ip: `192.0.2.${++n}` })).ok).toBe(false);
    expect((await signIn({ email: user.email, password: next, ip: `192.0.2.${++n}` })).ok).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.change_password" } });
    const recorded = JSON.stringify([event.before, event.after]);
    expect(recorded).not.toContain(next);
    expect(recorded).not.toContain("argon2");
  });

  it("a forced reset is audited, and choosing a new password clears it", async () => {
    const admin = await makeActor("admin");
    const user = await makeActor("viewer");
    await forcePasswordReset({ actor: admin, input: { userId: user.id, version: 1 } });
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.force_password_reset" } });
    expect(event.actorId).toBe(admin.id);
    expect(JSON.parse(JSON.stringify(event.after))).toMatchObject({ mustChangePassword: true });
    const next = "amber tide over dunes";
    await changeOwnPassword({ actor: user, sessionId: "none", input: { currentPassword: user.password, newPassword: next, confirmPassword: next } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });

  it("only an admin can force a reset", async () => {
    const security = await makeActor("security");
    const user = await makeActor("viewer");
    await expect(forcePasswordReset({ actor: security, input: { userId: user.id, version: 1 } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(false);
  });
});
