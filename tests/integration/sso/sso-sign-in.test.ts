// Single sign-on against a real OpenID provider (`oidc-provider`) on
// loopback, on SQLite and PostgreSQL: the settings service (discovery,
// sealed secret, audit), the sign-in service (linking, role mapping at every
// sign-in, refusals, state / nonce / PKCE / replay) and the per-user
// password switch with the first admin's fallback. The browser journey is
// tests/e2e/sso.spec.ts.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { completeSsoSignIn, startSsoSignIn, STARTS_PER_MINUTE } from "@/lib/server/services/sso-sign-in";
import { getSsoConfig, saveSsoConfig } from "@/lib/server/services/sso-config";
import { firstAdminId, setLocalPassword } from "@/lib/server/services/local-password";
import { signIn } from "@/lib/server/services/sign-in";
import { createSession, resolveSession } from "@/lib/server/services/sessions";
import { setUserActive } from "@/lib/server/services/users";
import { forgetDiscoveredIssuer } from "@/lib/server/sso/oidc-client";
import type { SsoConfigInput } from "@/lib/schemas/sso";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { startOidcProvider, walkProvider, type TestOidcProvider } from "../helpers/oidc-provider";

vi.mock("server-only", () => ({}));

// Never fetched: the provider only redirects a (walked) browser to it.
const APP = "http://assay.test:3999";
const CALLBACK = `${APP}/api/sso/callback`;
let idp: TestOidcProvider;
const previous = { url: process.env.NEXTAUTH_URL, secret: process.env.AUTH_SECRET };
let clients = 0;
const newClient = () => `203.0.113.${++clients}`;

beforeAll(async () => {
  process.env.NEXTAUTH_URL = APP;
  process.env.AUTH_SECRET ??= "integration-auth-secret-0123456789abcdefghij";
  idp = await startOidcProvider(CALLBACK);
});
afterAll(async () => {
  await idp.close();
  if (previous.url === undefined) delete process.env.NEXTAUTH_URL;
  else process.env.NEXTAUTH_URL = previous.url;
  if (previous.secret === undefined) delete process.env.AUTH_SECRET;
});

function config(overrides: Partial<SsoConfigInput> = {}): SsoConfigInput {
  return {
    enabled: true,
    displayName: "Test IdP",
    issuerUrl: idp.issuer,
    clientId: idp.clientId,
    clientSecret: idp.clientSecret,
    claimName: "groups",
    roleMappings: [
      { value: "assay-admins", role: "admin" },
      { value: "assay-security", role: "security" },
      { value: "assay-legal", role: "legal" },
    ],
    unmappedRole: "refuse",
    provisionUsers: false,
    version: 0,
    ...overrides,
  };
}

let logins = 0;
/** An account at the provider, for an e-mail that may or may not have an Assay user. */
function providerAccount(email: string, groups: string[], verified = true) {
  const login = `person-${++logins}-${Date.now()}`;
  idp.accounts.set(login, { email, email_verified: verified, name: `Person ${logins}`, groups });
  return login;
}

/** One whole sign-in; `tamper` may alter the authorization URL or the callback, as an attacker in the browser could. */
async function ssoSignIn(login: string, ip = newClient(), tamper: { authorize?: (u: URL) => void; callback?: (u: URL) => void } = {}) {
  const start = await startSsoSignIn({ ip });
  const authorize = new URL(start.url);
  tamper.authorize?.(authorize);
  const callback = new URL(await walkProvider(authorize.toString(), login, CALLBACK));
  tamper.callback?.(callback);
  const result = await completeSsoSignIn({ flowId: start.flowId, search: callback.search, ip, userAgent: "vitest" });
  return { result, start, callback };
}

forEachProvider("single sign-on", (t) => {
  let admin: Awaited<ReturnType<typeof makeActor>>;

  beforeAll(async () => {
    await ensureSettings();
    admin = await makeActor("admin");
  });

  async function configure(overrides: Partial<SsoConfigInput> = {}) {
    const current = await getSsoConfig({ actor: admin });
    forgetDiscoveredIssuer();
    return saveSsoConfig({ actor: admin, input: config({ version: current?.version ?? 0, clientSecret: current ? "" : idp.clientSecret, ...overrides }) });
  }

  // Refusals of a missing permission are written apart, a moment later (lib/server/denials.ts).
  async function eventsSince(id: number) {
    return t.db.auditEvent.findMany({ where: { id: { gt: id }, action: { not: "denied.permission" } }, orderBy: { id: "asc" } });
  }
  async function head() {
    return (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
  }

  it("checks the issuer's discovery and the secret on save, seals the secret and never shows or audits it", async () => {
    const viewer = await makeActor("viewer");
    await expect(saveSsoConfig({ actor: viewer, input: config() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(saveSsoConfig({ actor: admin, input: config({ issuerUrl: "http://idp.example.com" }) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { issuerUrl: expect.stringContaining("https://") },
    });
    await expect(saveSsoConfig({ actor: admin, input: config({ issuerUrl: "http://127.0.0.1:9" }) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { issuerUrl: expect.stringContaining("No OpenID provider answered") },
    });
    await expect(saveSsoConfig({ actor: admin, input: config({ clientSecret: "" }) })).rejects.toMatchObject({ fieldErrors: { clientSecret: "Enter the client secret" } });
    expect(await t.db.ssoConfig.count()).toBe(0);

    const before = await head();
    const view = await saveSsoConfig({ actor: admin, input: config() });
    expect(view).toMatchObject({ enabled: true, hasClientSecret: true, version: 1 });
    expect(JSON.stringify(view)).not.toContain(idp.clientSecret);
    const row = await t.db.ssoConfig.findUniqueOrThrow({ where: { id: 1 } });
    expect(row.clientSecretSealed).not.toContain(idp.clientSecret);
    expect(row.clientSecretSealed).not.toContain(Buffer.from(idp.clientSecret).toString("base64url"));
    const [event] = await eventsSince(before);
    expect(event).toMatchObject({ action: "sso.configure", actorId: admin.id });
    expect(JSON.stringify(event)).not.toContain(idp.clientSecret);
    expect(event!.after).toMatchObject({ clientSecretChanged: true });

    // An empty secret keeps the stored one; a stale version is refused.
    const again = await saveSsoConfig({ actor: admin, input: config({ clientSecret: "", version: 1, displayName: "Corporate IdP" }) });
    expect(again.displayName).toBe("Corporate IdP");
    expect((await t.db.ssoConfig.findUniqueOrThrow({ where: { id: 1 } })).clientSecretSealed).toBe(row.clientSecretSealed);
    await expect(saveSsoConfig({ actor: admin, input: config({ version: 1 }) })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("links an existing user once by verified e-mail, then by subject, with the mapped role at every sign-in", async () => {
    await configure();
    const user = await makeActor("viewer");
    const login = providerAccount(user.email, ["staff", "assay-security"]);
    const oldSession = await t.db.$transaction((tx) => createSession(tx, user.id, new Date()));

    const before = await head();
    const { result } = await ssoSignIn(login);
    expect(result).toMatchObject({ ok: true, user: { id: user.id, role: "security" } });
    expect((await t.db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("security");
    expect(await t.db.ssoIdentity.findUnique({ where: { issuer_subject: { issuer: idp.issuer, subject: login } } })).toMatchObject({ userId: user.id });
    const actions = (await eventsSince(before)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual([
      ["auth.sso_link", user.id],
      ["user.change_role", user.id],
      ["auth.sso_sign_in", user.id],
    ]);
    // A role change ends the sessions started under the old role, as an admin's would.
    expect((await t.db.authSession.findUniqueOrThrow({ where: { id: oldSession } })).revokedReason).toBe("role_changed");

    // The provider moves the user; the e-mail no longer matters once linked.
    idp.accounts.set(login, { ...idp.accounts.get(login)!, email: "someone-else@example.test", groups: ["assay-legal"] });
    const next = await head();
    expect((await ssoSignIn(login)).result).toMatchObject({ ok: true, user: { id: user.id, role: "legal" } });
    const change = (await eventsSince(next)).find((e) => e.action === "user.change_role");
    expect(change).toMatchObject({ before: expect.objectContaining({ role: "security" }), after: expect.objectContaining({ role: "legal" }) });
  });

  it("gives an ordinary server-side session, which deactivation ends like any other", async () => {
    await configure();
    const user = await makeActor("viewer");
    const { result } = await ssoSignIn(providerAccount(user.email, ["assay-security"]));
    if (!result.ok) throw new Error(`refused: ${result.reason}`);
    expect((await resolveSession(result.sessionId))?.user.id).toBe(user.id);
    const current = await t.db.user.findUniqueOrThrow({ where: { id: user.id } });
    await setUserActive({ actor: admin, input: { userId: user.id, active: false, version: current.version } });
    expect(await resolveSession(result.sessionId)).toBeNull();
  });

  it("refuses a deactivated user, an unverified e-mail, an unknown person and an unmapped one, auditing why", async () => {
    await configure();
    const gone = await makeActor("security");
    await t.db.user.update({ where: { id: gone.id }, data: { active: false } });
    const cases: [string, string][] = [
      [providerAccount(gone.email, ["assay-security"]), "deactivated"],
      [providerAccount((await makeActor("legal")).email, ["assay-legal"], false), "email_unverified"],
      [providerAccount(`nobody-${Date.now()}@example.test`, ["assay-legal"]), "no_account"],
      [providerAccount((await makeActor("legal")).email, ["marketing"]), "no_role"],
    ];
    for (const [login, reason] of cases) {
      const before = await head();
      expect((await ssoSignIn(login)).result).toEqual({ ok: false, reason });
      const events = await eventsSince(before);
      expect(events.map((e) => e.action)).toEqual(["auth.sso_sign_in_failed"]);
      expect(events[0]!.after).toMatchObject({ reason, subject: login });
    }
    expect(await t.db.authSession.count({ where: { userId: gone.id } })).toBe(0);
  });

  it("maps unmapped users to the configured least-privileged role, and provisions only when allowed", async () => {
    await configure({ unmappedRole: "viewer" });
    const existing = await makeActor("legal");
    expect((await ssoSignIn(providerAccount(existing.email, ["marketing"]))).result).toMatchObject({ ok: true, user: { role: "viewer" } });

    const email = `new-${Date.now()}@example.test`;
    expect((await ssoSignIn(providerAccount(email, ["assay-security"]))).result).toEqual({ ok: false, reason: "no_account" });
    await configure({ provisionUsers: true });
    const { result } = await ssoSignIn(providerAccount(email, ["assay-security"]));
    expect(result).toMatchObject({ ok: true, user: { email, role: "security" } });
    const created = await t.db.user.findUniqueOrThrow({ where: { email } });
    // A provisioned account has no usable password: SSO only.
    expect(await t.db.localPasswordDisabled.findUnique({ where: { userId: created.id } })).not.toBeNull();
  });

  it("refuses a replayed callback, an altered state, a swapped nonce and a swapped PKCE challenge", async () => {
    await configure();
    const user = await makeActor("viewer");
    const login = providerAccount(user.email, ["assay-security"]);

    const first = await ssoSignIn(login);
    expect(first.result.ok).toBe(true);
    const replay = await completeSsoSignIn({ flowId: first.start.flowId, search: first.callback.search, ip: newClient() });
    expect(replay).toEqual({ ok: false, reason: "flow_missing" });
    expect(await completeSsoSignIn({ flowId: null, search: first.callback.search, ip: newClient() })).toEqual({ ok: false, reason: "flow_missing" });

    const state = await ssoSignIn(login, newClient(), { callback: (u) => u.searchParams.set("state", "forged-state") });
    expect(state.result).toEqual({ ok: false, reason: "state_mismatch" });

    const nonce = await ssoSignIn(login, newClient(), { authorize: (u) => u.searchParams.set("nonce", "attacker-nonce") });
    expect(nonce.result).toEqual({ ok: false, reason: "nonce_mismatch" });

    // The provider remembers the challenge it was sent; our verifier no longer matches it.
    const pkce = await ssoSignIn(login, newClient(), { authorize: (u) => u.searchParams.set("code_challenge", "A".repeat(43)) });
    expect(pkce.result).toEqual({ ok: false, reason: "provider_error" });
  });

  it("counts SSO refusals in the sign-in throttle: a client failing again and again is blocked", async () => {
    await configure();
    const ip = newClient();
    const reasons = [];
    for (let i = 0; i < 6; i++) reasons.push(((await completeSsoSignIn({ flowId: `forged-${i}`, search: "?code=x&state=y", ip })) as { reason: string }).reason);
    expect(reasons).toEqual(["flow_missing", "flow_missing", "flow_missing", "flow_missing", "flow_missing", "client_blocked"]);
    await expect(startSsoSignIn({ ip })).rejects.toMatchObject({ reason: "client_blocked" });
  });

  it("limits how many sign-ins one client may start a minute (each start stores a row)", async () => {
    await configure();
    const ip = newClient();
    for (let i = 0; i < STARTS_PER_MINUTE; i++) await startSsoSignIn({ ip });
    await expect(startSsoSignIn({ ip })).rejects.toMatchObject({ reason: "client_blocked" });
    // Another client is not affected.
    await expect(startSsoSignIn({ ip: newClient() })).resolves.toMatchObject({ url: expect.stringContaining(idp.issuer) });
  });

  it("never demotes the last active admin through the provider", async () => {
    await configure();
    const admins = await t.db.user.findMany({ where: { role: "admin", active: true } });
    const sole = admins[0]!;
    await t.db.user.updateMany({ where: { role: "admin", active: true, id: { not: sole.id } }, data: { active: false } });
    try {
      const login = providerAccount(sole.email, ["assay-legal"]);
      expect((await ssoSignIn(login)).result).toEqual({ ok: false, reason: "last_admin" });
      expect((await t.db.user.findUniqueOrThrow({ where: { id: sole.id } })).role).toBe("admin");
    } finally {
      await t.db.user.updateMany({ where: { id: { in: admins.map((a) => a.id) } }, data: { active: true } });
    }
  });

  it("refuses the password of a user whose local password is off; the first admin always keeps theirs", async () => {
    const user = await makeActor("security");
    const viewer = await makeActor("viewer");
    await expect(setLocalPassword({ actor: viewer, input: { userId: user.id, enabled: false } })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const before = await head();
    await setLocalPassword({ actor: admin, input: { userId: user.id, enabled: false } });
    expect((await eventsSince(before)).map((e) => [e.action, e.actorId, e.entityId])).toEqual([["user.local_password_disable", admin.id, user.id]]);
    expect(await signIn({ email: user.email, password: user.password, ip: newClient() })).toEqual({ ok: false, reason: "sso_only" });
    // A wrong password learns nothing more than any wrong password.
    expect(await signIn({ email: user.email, password: "not-the-password-0", ip: newClient() })).toEqual({ ok: false, reason: "invalid" });
    await setLocalPassword({ actor: admin, input: { userId: user.id, enabled: true } });
    expect((await signIn({ email: user.email, password: user.password, ip: newClient() })).ok).toBe(true);

    const first = await firstAdminId();
    expect(first).toBeTruthy();
    await expect(setLocalPassword({ actor: admin, input: { userId: first!, enabled: false } })).rejects.toMatchObject({ code: "INVALID_STATE" });
    expect(await t.db.localPasswordDisabled.count({ where: { userId: first! } })).toBe(0);
    // Even a row written behind the service's back does not lock the first admin out.
    const firstAdmin = await t.db.user.findUniqueOrThrow({ where: { id: first! } });
    await t.db.localPasswordDisabled.create({ data: { userId: first!, disabledAt: new Date() } });
    try {
      const password = firstAdmin.id === admin.id ? admin.password : "integration-password-1";
      expect((await signIn({ email: firstAdmin.email, password, ip: newClient() })).ok).toBe(true);
    } finally {
      await t.db.localPasswordDisabled.delete({ where: { userId: first! } });
    }
  });
});
