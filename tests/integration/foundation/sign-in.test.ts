import { beforeAll, expect, it } from "vitest";
import { signIn } from "@/lib/server/services/sign-in";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

const t0 = new Date("2026-11-22T09:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

forEachProvider("sign-in throttle", (t) => {
  beforeAll(ensureSettings);

  it("locks an account after 5 failures in 15 minutes, even for the right password", async () => {
    const user = await makeActor("security");
    for (let i = 0; i < 4; i++) {
      expect(await signIn({ email: user.email, password: "wrong", now: minutes(i) })).toEqual({ ok: false, reason: "invalid" });
    }
    expect(await signIn({ email: user.email, password: "wrong", now: minutes(4) })).toEqual({ ok: false, reason: "locked" });
    expect(await signIn({ email: user.email, password: user.password, now: minutes(5) })).toEqual({ ok: false, reason: "locked" });
    const row = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.lockedUntil?.toISOString()).toBe(minutes(4 + 15).toISOString());
    // Once the lock expires the right password works again and clears the counters.
    const later = await signIn({ email: user.email, password: user.password, now: minutes(20) });
    expect(later.ok).toBe(true);
    const cleared = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(cleared.failedLoginCount).toBe(0);
    expect(cleared.lockedUntil).toBeNull();
  });

  it("throttles unknown addresses the same way, so the answer never reveals an account", async () => {
    const email = `nobody-${Date.now()}@example.test`;
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await signIn({ email, password: "x", now: minutes(i) })) as { reason: string });
    expect(answers.map((a) => a.reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);
  });

  it("records failures, lockouts and sign-ins in the audit trail", async () => {
    const user = await makeActor("legal");
    for (let i = 0; i < 5; i++) await signIn({ email: user.email, password: "nope", now: minutes(i) });
    const actions = (await t.db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.lockout"]);
  });

  it("a deactivated user cannot sign in, with the same message as a wrong password", async () => {
    const user = await makeActor("procurement");
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signIn({ email: user.email, password: user.password, now: minutes(0) })).toEqual({ ok: false, reason: "invalid" });
  });
});
