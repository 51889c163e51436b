import { randomBytes } from "node:crypto";
import { errors, generators, type IdTokenClaims, type UserinfoResponse } from "openid-client";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { isClientBlocked } from "@/lib/domain/accounts/login-throttle";
import type { Role } from "@/lib/domain/accounts/roles";
import { claimAt, normaliseIssuer, roleFromClaim } from "@/lib/domain/accounts/sso";
import type { SsoRefusal } from "@/lib/schemas/sso";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { db, type Tx } from "../db";
import { hashPassword } from "../password";
import { relyingParty, ssoCallbackUrl } from "../sso/oidc-client";
import { createSession, revokeUserSessions, sweepEndedSessions } from "./sessions";
import { loadSettings } from "./settings";
import { failureCounts, recordFailure } from "./sign-in-limits";
import { normaliseEmail } from "./sign-in";
import { loadSsoSettings, ssoClientSecret, type SsoSettings } from "./sso-config";
import { publicView } from "./users";

// Sign-in through the configured OpenID provider (README.md, "Single
// sign-on"; docs/security.md, "Single sign-on"): authorization code flow with
// PKCE, state and nonce, all three kept server-side in SsoLoginAttempt and
// named by a random id in the browser's cookie, so a callback completes once,
// in the browser that started it.

/** How long a browser may spend at the provider before the sign-in must start over. */
export const FLOW_TTL_MS = 10 * 60_000;
/** The throttle key of SSO failures (lib/server/services/sign-in-limits.ts): no e-mail has no "@". */
const THROTTLE_KEY = "single-sign-on";

export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    readonly detail: string | null = null,
  ) {
    super(reason);
  }
}

interface From {
  ip?: string | null;
  userAgent?: string | null;
}

async function refuseIfBlocked(from: From) {
  const { login: policy } = await loadSettings();
  if (isClientBlocked(await failureCounts(policy, THROTTLE_KEY, from.ip), policy)) throw new SsoRefused("client_blocked");
}

/** A person starts one sign-in at a time; more from one client within a minute is a script. */
export const STARTS_PER_MINUTE = 20;

/**
 * Every start writes a row anyone can cause, so starts are counted per client
 * in the database (shared by every instance, like the sign-in throttle): the
 * rows in flight stay bounded by clients, not by requests.
 */
async function consumeStart(from: From) {
  const limiter = new RateLimiterPrisma({ storeClient: db(), tableName: "rateLimit", clearExpiredByTimeout: false, keyPrefix: "sso-start:client", points: STARTS_PER_MINUTE, duration: 60 });
  try {
    await limiter.consume(from.ip || "unknown");
  } catch (rejected) {
    if (rejected instanceof RateLimiterRes) throw new SsoRefused("client_blocked", "too many sign-ins started");
    throw rejected;
  }
}

/** Starts a sign-in: returns the provider's authorization URL and the flow id for the browser's cookie. */
export async function startSsoSignIn(from: From, now = new Date()): Promise<{ flowId: string; url: string }> {
  const settings = await loadSsoSettings();
  if (!settings?.enabled) throw new SsoRefused("not_configured");
  await refuseIfBlocked(from);
  await consumeStart(from);
  const clientSecret = ssoClientSecret(settings);
  if (!clientSecret) throw new SsoRefused("not_configured", "the stored client secret cannot be opened; re-enter it");
  const client = await relyingParty({ issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret }).catch((error: unknown) => {
    throw new SsoRefused("provider_error", errorText(error));
  });
  const state = generators.state();
  const nonce = generators.nonce();
  const codeVerifier = generators.codeVerifier();
  // 256 bits from the CSPRNG: the cookie's value is the only key to this flow.
  const flowId = randomBytes(32).toString("base64url");
  // Flows nobody finished are dead weight: started by anyone, so swept here.
  await db().ssoLoginAttempt.deleteMany({ where: { expiresAt: { lt: now } } });
  await db().ssoLoginAttempt.create({ data: { id: flowId, state, nonce, codeVerifier, createdAt: now, expiresAt: new Date(now.getTime() + FLOW_TTL_MS) } });
  const url = client.authorizationUrl({
    scope: "openid email profile",
    state,
    nonce,
    code_challenge: generators.codeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { flowId, url };
}

export interface SsoCallback extends From {
  /** The flow id from the browser's cookie (null: no cookie). */
  flowId: string | null;
  /** The callback's query string as the provider sent it. */
  search: string;
  now?: Date;
}

export type SsoSignInResult = { ok: true; sessionId: string; user: { id: string; email: string; name: string; role: Role } } | { ok: false; reason: SsoRefusal };

/**
 * Completes a sign-in. Every refusal is audited with its reason and counted
 * by the sign-in throttle; the browser learns only a reason code that names
 * no account.
 */
export async function completeSsoSignIn(callback: SsoCallback): Promise<SsoSignInResult> {
  const now = callback.now ?? new Date();
  const from = { ip: callback.ip ?? null, userAgent: callback.userAgent ?? null };
  let who: { issuer: string | null; subject: string | null; email: string | null; userId?: string } = { issuer: null, subject: null, email: null };
  try {
    await refuseIfBlocked(from);
    const settings = await loadSsoSettings();
    if (!settings?.enabled) throw new SsoRefused("not_configured");
    const issuer = normaliseIssuer(settings.issuerUrl);
    who.issuer = issuer;
    const flow = await takeFlow(callback.flowId, now);
    const claims = await exchangeCode(settings, flow, callback.search);
    const subject = String(claims.sub);
    const email = typeof claims.email === "string" ? normaliseEmail(claims.email) : null;
    who = { ...who, subject, email };
    const result = await signInLinkedUser(settings, issuer, subject, email, claims, from, now);
    return { ok: true, ...result };
  } catch (error) {
    if (!(error instanceof SsoRefused)) throw error;
    await recordRefusal(error, who, from);
    return { ok: false, reason: error.reason };
  }
}

/** The flow of this browser, deleted as it is read: a second callback finds nothing. */
async function takeFlow(flowId: string | null, now: Date) {
  if (!flowId) throw new SsoRefused("flow_missing", "no sign-in cookie");
  const flow = await db().ssoLoginAttempt.findUnique({ where: { id: flowId } });
  const { count } = await db().ssoLoginAttempt.deleteMany({ where: { id: flowId } });
  if (!flow || count === 0) throw new SsoRefused("flow_missing", "unknown or already used");
  if (flow.expiresAt <= now) throw new SsoRefused("flow_missing", "expired");
  return flow;
}

type Claims = IdTokenClaims & Partial<UserinfoResponse>;

async function exchangeCode(settings: SsoSettings, flow: { state: string; nonce: string; codeVerifier: string }, search: string): Promise<Claims> {
  const clientSecret = ssoClientSecret(settings);
  if (!clientSecret) throw new SsoRefused("not_configured", "the stored client secret cannot be opened; re-enter it");
  try {
    const client = await relyingParty({ issuerUrl: settings.issuerUrl, clientId: settings.clientId, clientSecret });
    const params = client.callbackParams(`${ssoCallbackUrl()}${search}`);
    // openid-client checks the state, the ID token's signature, issuer,
    // audience, expiry and nonce, and sends the PKCE verifier.
    const tokens = await client.callback(ssoCallbackUrl(), params, { state: flow.state, nonce: flow.nonce, code_verifier: flow.codeVerifier, response_type: "code" });
    const claims: Claims = { ...tokens.claims() };
    // A provider may keep the groups or e-mail out of the ID token; the
    // userinfo answer is for the same subject (openid-client checks "sub").
    if ((claimAt(claims, settings.claimName) === undefined || claims.email === undefined) && tokens.access_token) {
      const info = await client.userinfo(tokens);
      for (const [key, value] of Object.entries(info)) if (claims[key] === undefined) claims[key] = value;
    }
    return claims;
  } catch (error) {
    if (error instanceof SsoRefused) throw error;
    throw classify(error);
  }
}

function classify(error: unknown): SsoRefused {
  const detail = errorText(error);
  if (error instanceof errors.RPError) {
    if (detail.startsWith("state mismatch")) return new SsoRefused("state_mismatch", detail);
    if (detail.startsWith("nonce mismatch")) return new SsoRefused("nonce_mismatch", detail);
    return new SsoRefused("token_invalid", detail);
  }
  return new SsoRefused("provider_error", detail);
}

function errorText(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

async function signInLinkedUser(settings: SsoSettings, issuer: string, subject: string, email: string | null, claims: Claims, from: From, now: Date) {
  const role = roleFromClaim(claimAt(claims, settings.claimName), settings.roleMappings, settings.unmappedRole);
  const linked = await db().ssoIdentity.findUnique({ where: { issuer_subject: { issuer, subject } } });
  let user = linked ? await db().user.findUnique({ where: { id: linked.userId } }) : null;
  let linkBy: "verified_email" | "provisioned" | null = null;
  if (!user) {
    // The e-mail is trusted once, to make the first link, and only when the
    // provider vouches for it: an unverified address could be anyone's.
    if (!email) throw new SsoRefused("no_account", "the provider sent no e-mail");
    if (claims.email_verified !== true) throw new SsoRefused("email_unverified");
    user = await db().user.findUnique({ where: { email } });
    if (user) {
      const other = await db().ssoIdentity.findFirst({ where: { issuer, userId: user.id } });
      if (other) throw new SsoRefused("no_account", "the account is linked to another identity at this provider");
      linkBy = "verified_email";
    } else if (settings.provisionUsers && role) {
      linkBy = "provisioned";
    } else {
      throw new SsoRefused("no_account", settings.provisionUsers ? null : "just-in-time provisioning is off");
    }
  }
  if (user && !user.active) throw new SsoRefused("deactivated");
  if (!role) throw new SsoRefused("no_role", `claim "${settings.claimName}" matches no mapping`);

  await sweepEndedSessions(now);
  return db().$transaction(async (tx) => {
    const account = user ?? (await provisionUser(tx, email!, claims, role));
    const actor: Actor = { id: account.id, email: account.email, name: account.name, role, ...from };
    if (linkBy) {
      await tx.ssoIdentity.create({ data: { issuer, subject, userId: account.id, createdAt: now, lastLoginAt: now } });
      await recordAudit(tx, actor, { action: "auth.sso_link", entityType: "user", entityId: account.id, after: { issuer, subject, by: linkBy } });
    } else {
      await tx.ssoIdentity.update({ where: { issuer_subject: { issuer, subject } }, data: { lastLoginAt: now } });
    }
    if (user && user.role !== role) await applyProviderRole(tx, user, role, actor, now);
    await tx.user.update({ where: { id: account.id }, data: { lastLoginAt: now } });
    const sessionId = await createSession(tx, account.id, now);
    await recordAudit(tx, actor, { action: "auth.sso_sign_in", entityType: "user", entityId: account.id, after: { issuer, subject } });
    return { sessionId, user: { id: account.id, email: account.email, name: account.name, role } };
  });
}

/** A just-in-time account: SSO only, so its local password is off and unknowable. */
async function provisionUser(tx: Tx, email: string, claims: Claims, role: Role) {
  const name = (typeof claims.name === "string" && claims.name.trim()) || email;
  const user = await tx.user.create({
    data: { email, name: name.slice(0, 120), role, passwordHash: await hashPassword(randomBytes(32).toString("base64url")) },
  });
  await tx.localPasswordDisabled.create({ data: { userId: user.id, disabledAt: new Date() } });
  await recordAudit(tx, { id: user.id, email: user.email, name: user.name, role }, { action: "user.create", entityType: "user", entityId: user.id, after: publicView(user) });
  return user;
}

type UserRecord = { id: string; email: string; name: string; role: string; active: boolean; mustChangePassword: boolean; version: number };

/**
 * The provider decides the role at every sign-in. It is a role change like an
 * admin's: audited, and the user's other sessions end. The last active admin
 * is never demoted this way (they keep their local password to sort it out).
 */
async function applyProviderRole(tx: Tx, user: UserRecord, role: Role, actor: Actor, now: Date) {
  if (user.role === "admin") {
    await tx.orgSettings.updateMany({ where: { id: 1 }, data: { version: { increment: 0 } } });
    const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: user.id } } });
    if (others === 0) throw new SsoRefused("last_admin", `the provider maps the last active admin to ${role}`);
  }
  const updated = await tx.user.update({ where: { id: user.id }, data: { role, version: { increment: 1 } } });
  const sessionsEnded = await revokeUserSessions(tx, user.id, "role_changed", now);
  await recordAudit(tx, actor, {
    action: "user.change_role",
    entityType: "user",
    entityId: user.id,
    before: publicView(user),
    after: { ...publicView(updated), ...(sessionsEnded ? { sessionsEnded } : {}) },
  });
}

async function recordRefusal(refusal: SsoRefused, who: { issuer: string | null; subject: string | null; email: string | null }, from: { ip: string | null; userAgent: string | null }) {
  const { login: policy } = await loadSettings();
  // A blocked client is not counted again (it would extend its own block
  // forever), nor is a call while SSO is off (there is nothing to guess at).
  if (refusal.reason !== "client_blocked" && refusal.reason !== "not_configured") await recordFailure(policy, THROTTLE_KEY, from.ip);
  const user = who.subject && who.issuer ? await db().ssoIdentity.findUnique({ where: { issuer_subject: { issuer: who.issuer, subject: who.subject } } }) : null;
  const byEmail = !user && who.email ? await db().user.findUnique({ where: { email: who.email }, select: { id: true } }) : null;
  await db().$transaction((tx) =>
    recordAudit(tx, null, {
      action: "auth.sso_sign_in_failed",
      entityType: "user",
      entityId: user?.userId ?? byEmail?.id,
      after: { ...from, reason: refusal.reason, issuer: who.issuer, subject: who.subject, email: who.email, detail: refusal.detail },
    }),
  );
}
