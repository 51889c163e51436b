import { beforeAll, expect, it } from "vitest";
import { changeUserRole, createUser, setUserActive } from "@/lib/server/services/users";
import { verifyPassword } from "@/lib/server/password";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

forEachProvider("user management", (t) => {
  beforeAll(ensureSettings);

  it("an admin creates a user whose password is stored as an argon2id hash", async () => {
    const admin = await makeActor("admin");
    const created = await createUser({
      actor: admin,
      input: { email: "New.Counsel@Example.test", name: "New Counsel", role: "legal", password: "a-long-enough-password" },
    });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.email).toBe("new.counsel@example.test");
    expect(row.passwordHash.startsWith("$argon2id$")).toBe(true);
    expect(await verifyPassword(row.passwordHash, "a-long-enough-password")).toBe(true);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "user.create", entityId: created.id } });
    expect(JSON.stringify(event.after)).not.toContain("argon2");
  });

  it("non-admins cannot manage users", async () => {
    for (const role of ["procurement", "legal", "security", "viewer"] as const) {
      const actor = await makeActor(role);
      await expect(
        createUser({ actor, input: { email: `x-${role}@example.test`, name: "X", role: "admin", password: "a-long-enough-password" } }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("the last active admin can be neither demoted nor deactivated", async () => {
    await t.db.user.updateMany({ where: { role: "admin" }, data: { active: false } });
    const admin = await makeActor("admin");
    const row = await t.db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(changeUserRole({ actor: admin, input: { userId: admin.id, role: "viewer", version: row.version } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    await expect(setUserActive({ actor: admin, input: { userId: admin.id, active: false, version: row.version } })).rejects.toMatchObject({
      code: "INVALID_STATE",
    });
    // With a second admin the demotion goes through.
    const second = await makeActor("admin");
    const demoted = await changeUserRole({ actor: second, input: { userId: admin.id, role: "viewer", version: row.version } });
    expect(demoted.role).toBe("viewer");
  });
});
