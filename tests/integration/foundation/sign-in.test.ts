import { afterEach, beforeAll, expect, it } from "vitest";
import { signIn } from "@/lib/server/services/sign-in";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

let clients = 0;
/** A client address no other test has used, so counters never leak between tests. */
const newClient = () => `198.51.100.${++clients}`;

forEachProvider("sign-in throttle", (t) => {
  beforeAll(ensureSettings);

  async function useLoginPolicy(login: Partial<Settings["login"]>) {
    await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: { ...DEFAULT_SETTINGS, login: { ...DEFAULT_SETTINGS.login, ...login } } } });
  }
  afterEach(() => useLoginPolicy({}));

  it("five wrong passwords from five addresses, again and again, do not lock the admin out", async () => {
    // The slow-down is tested on its own below; here only the lockout matters.
    await useLoginPolicy({ accountFailuresBeforeDelay: 100 });
    const admin = await makeActor("admin");
    const attackers = [newClient(), newClient(), newClient(), newClient(), newClient()];
    for (let round = 0; round < 3; round++) {
      for (const ip of attackers) {
        expect(await signIn({ email: admin.email, password: `guess-${round}-${ip}`, ip })).toEqual({ ok: false, reason: "invalid" });
      }
    }
    const owner = await signIn({ email: admin.email, password: admin.password, ip: newClient() });
    expect(owner.ok).toBe(true);
  });

  it("still stops one client guessing one account, without stopping the owner elsewhere", async () => {
    const user = await makeActor("security");
    const guesser = newClient();
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await signIn({ email: user.email, password: `wrong-${i}`, ip: guesser })) as { reason: string });
    expect(answers.map((a) => a.reason)).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    // Even the right password is refused to the guessing client...
    expect(await signIn({ email: user.email, password: user.password, ip: guesser })).toEqual({ ok: false, reason: "locked" });
    // ...while the owner, from their own machine, gets in.
    expect((await signIn({ email: user.email, password: user.password, ip: newClient() })).ok).toBe(true);
  });

  it("stops one client spraying guesses over many accounts", async () => {
    await useLoginPolicy({ clientMaxFailures: 6 });
    const sprayer = newClient();
    const answers = [];
    for (let i = 0; i < 6; i++) {
      answers.push(((await signIn({ email: `spray-${i}-${Date.now()}@example.test`, password: "Summer2026!!", ip: sprayer })) as { reason: string }).reason);
    }
    expect(answers).toEqual(["invalid", "invalid", "invalid", "invalid", "invalid", "locked"]);
    const user = await makeActor("viewer");
    expect(await signIn({ email: user.email, password: user.password, ip: sprayer })).toEqual({ ok: false, reason: "locked" });
  });

  it("slows an account under attack down progressively, and the right password still gets in", async () => {
    await useLoginPolicy({ accountFailuresBeforeDelay: 2, maxDelaySeconds: 1 });
    const user = await makeActor("legal");
    for (let i = 0; i < 2; i++) await signIn({ email: user.email, password: "not-it", ip: newClient() });
    const started = Date.now();
    const result = await signIn({ email: user.email, password: user.password, ip: newClient() });
    expect(result.ok).toBe(true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "auth.sign_in" } });
    expect(JSON.parse(JSON.stringify(event.after))).toMatchObject({ delayedMs: 1000 });
  });

  it("answers unknown addresses exactly as it answers real ones", async () => {
    const user = await makeActor("procurement");
    const unknown = `nobody-${Date.now()}@example.test`;
    const run = async (email: string) => {
      const ip = newClient();
      const reasons = [];
      for (let i = 0; i < 6; i++) reasons.push(((await signIn({ email, password: `x-${i}`, ip })) as { reason: string }).reason);
      return reasons;
    };
    const known = await run(user.email);
    expect(await run(unknown)).toEqual(known);
    expect(known).toEqual(["invalid", "invalid", "invalid", "invalid", "locked", "locked"]);
  });

  it("records failures and the client block in the audit trail", async () => {
    const user = await makeActor("legal");
    const ip = newClient();
    for (let i = 0; i < 5; i++) await signIn({ email: user.email, password: "nope", ip });
    const events = await t.db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.lockout"]);
    expect(JSON.parse(JSON.stringify(events.at(-1)?.after))).toMatchObject({ ip, blocked: "client" });
  });

  it("a deactivated user cannot sign in, with the same message as a wrong password", async () => {
    const user = await makeActor("procurement");
    await t.db.user.update({ where: { id: user.id }, data: { active: false } });
    expect(await signIn({ email: user.email, password: user.password, ip: newClient() })).toEqual({ ok: false, reason: "invalid" });
  });

  it("starts a server-side session on success", async () => {
    const user = await makeActor("viewer");
    const result = await signIn({ email: user.email, password: user.password, ip: newClient() });
    if (!result.ok) throw new Error("sign-in failed");
    const session = await t.db.authSession.findUniqueOrThrow({ where: { id: result.sessionId } });
    expect(session).toMatchObject({ userId: user.id, revokedAt: null });
  });
});
