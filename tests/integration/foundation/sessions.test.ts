import { beforeAll, expect, it, vi } from "vitest";
import { authOptions } from "@/lib/server/auth";
import { changeOwnPassword } from "@/lib/server/services/account-password";
import { forgetSessionPolicy, resolveSession } from "@/lib/server/services/sessions";
import { signIn } from "@/lib/server/services/sign-in";
import { changeUserRole, forcePasswordReset, setUserActive } from "@/lib/server/services/users";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

// next-auth's sign-out event is called directly, outside a Next request.
vi.mock("server-only", () => ({}));

let clients = 0;

forEachProvider("sessions are revoked and time out on the server", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: { ...DEFAULT_SETTINGS, sessions: { idleMinutes: 30, absoluteHours: 8 } } } });
    forgetSessionPolicy();
  });

  /** A user signed in twice (two browsers), through the real sign-in. */
  async function signedInTwice(role: Parameters<typeof makeActor>[0] = "security") {
    const user = await makeActor(role);
    const sessions = [];
    for (let i = 0; i < 2; i++) {
      const result = await signIn({ email: user.email, password: user.password, ip: `203.0.113.${++clients}` });
      if (!result.ok) throw new Error("sign-in refused");
      sessions.push(result.sessionId);
    }
    return { user, sessions };
  }
  const live = async (sessionId: string, now?: Date) => (await resolveSession(sessionId, now)) !== null;

  it("a live session resolves to its user", async () => {
    const { user, sessions } = await signedInTwice();
    expect((await resolveSession(sessions[0]!))?.user.id).toBe(user.id);
  });

  it("sign-out ends that session and no other", async () => {
    const { user, sessions } = await signedInTwice();
    await authOptions().events!.signOut!({ token: { sub: user.id, sid: sessions[0] }, session: null } as never);
    expect(await live(sessions[0]!)).toBe(false);
    expect(await live(sessions[1]!)).toBe(true);
  });

  it("deactivation ends every session of the user", async () => {
    const admin = await makeActor("admin");
    const { user, sessions } = await signedInTwice();
    await setUserActive({ actor: admin, input: { userId: user.id, active: false, version: 1 } });
    // Reactivating does not bring an ended session back.
    await setUserActive({ actor: admin, input: { userId: user.id, active: true, version: 2 } });
    expect(await live(sessions[0]!)).toBe(false);
    expect(await live(sessions[1]!)).toBe(false);
  });

  it("a role change ends every session of the user", async () => {
    const admin = await makeActor("admin");
    const { user, sessions } = await signedInTwice();
    await changeUserRole({ actor: admin, input: { userId: user.id, role: "viewer", version: 1 } });
    expect(await live(sessions[0]!)).toBe(false);
    expect(await live(sessions[1]!)).toBe(false);
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { entityId: user.id, action: "user.change_role" } });
    expect(JSON.parse(JSON.stringify(event.after))).toMatchObject({ role: "viewer", sessionsEnded: 2 });
  });

  it("a forced password reset ends every session and flags the user", async () => {
    const admin = await makeActor("admin");
    const { user, sessions } = await signedInTwice();
    await forcePasswordReset({ actor: admin, input: { userId: user.id, version: 1 } });
    expect(await live(sessions[0]!)).toBe(false);
    expect(await live(sessions[1]!)).toBe(false);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).mustChangePassword).toBe(true);
  });

  it("changing your own password ends your other sessions and keeps this one", async () => {
    const { user, sessions } = await signedInTwice();
    const next = "a long and private passphrase";
    await changeOwnPassword({ actor: user, sessionId: sessions[0]!, input: { currentPassword: user.password, newPassword: next, confirmPassword: next } });
    expect(await live(sessions[0]!)).toBe(true);
    expect(await live(sessions[1]!)).toBe(false);
  });

  it("times out after the idle limit, unless the session was used meanwhile", async () => {
    const { sessions } = await signedInTwice();
    const started = (await t.db.authSession.findUniqueOrThrow({ where: { id: sessions[0]! } })).createdAt.getTime();
    const at = (minutes: number) => new Date(started + minutes * 60_000);
    // Used every 20 minutes: stays alive past the 30-minute idle limit.
    for (const m of [20, 40, 60]) expect(await live(sessions[0]!, at(m))).toBe(true);
    expect(await live(sessions[0]!, at(89))).toBe(true);
    expect(await live(sessions[0]!, at(120))).toBe(false);
    // The other browser, unused since sign-in, timed out long ago.
    expect(await live(sessions[1]!, at(31))).toBe(false);
  });

  it("ends after the absolute limit however active it is", async () => {
    const { sessions } = await signedInTwice();
    const started = (await t.db.authSession.findUniqueOrThrow({ where: { id: sessions[0]! } })).createdAt.getTime();
    const at = (minutes: number) => new Date(started + minutes * 60_000);
    for (let m = 20; m < 8 * 60; m += 20) expect(await live(sessions[0]!, at(m))).toBe(true);
    expect(await live(sessions[0]!, at(8 * 60))).toBe(false);
  });

  it("follows the organisation's timeout settings", async () => {
    const { sessions } = await signedInTwice();
    await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: { ...DEFAULT_SETTINGS, sessions: { idleMinutes: 5, absoluteHours: 1 } } } });
    forgetSessionPolicy();
    try {
      const started = (await t.db.authSession.findUniqueOrThrow({ where: { id: sessions[0]! } })).createdAt.getTime();
      expect(await live(sessions[0]!, new Date(started + 4 * 60_000))).toBe(true);
      expect(await live(sessions[1]!, new Date(started + 6 * 60_000))).toBe(false);
    } finally {
      await t.db.orgSettings.update({ where: { id: 1 }, data: { settings: DEFAULT_SETTINGS } });
      forgetSessionPolicy();
    }
  });
});
