import "server-only";
import { encode } from "next-auth/jwt";
import { authSecret } from "../auth-secret";
import { secureCookiesEnabled } from "../auth";
import { COOKIE_MAX_AGE_HOURS } from "../services/sessions";
import { FLOW_TTL_MS } from "../services/sso-sign-in";

// The two cookies of a single sign-on: the flow id while the browser is at
// the provider, then the same session cookie a password sign-in gets.

/** Sent only to /api/sso: no page can read it, and it only names a server-side row. */
export function flowCookieName(): string {
  return `${secureCookiesEnabled() ? "__Secure-" : ""}assay-sso-flow`;
}

export function flowCookie(value: string) {
  return {
    name: flowCookieName(),
    value,
    // Lax, not Strict: the provider's redirect back is a top-level navigation
    // from another site, and must carry it.
    options: { httpOnly: true, sameSite: "lax" as const, secure: secureCookiesEnabled(), path: "/api/sso", maxAge: Math.floor(FLOW_TTL_MS / 1000) },
  };
}

/**
 * next-auth's own session cookie, made with next-auth's own encoder and
 * secret, carrying what the credentials sign-in puts there (the user id and
 * the server-side session id: lib/server/auth.ts), so every later request is
 * checked exactly like a password session.
 */
export async function sessionCookie(user: { id: string; email: string; name: string }, sessionId: string) {
  const maxAge = COOKIE_MAX_AGE_HOURS * 3600;
  const value = await encode({ token: { sub: user.id, sid: sessionId, email: user.email, name: user.name }, secret: authSecret(), maxAge });
  return {
    name: `${secureCookiesEnabled() ? "__Secure-" : ""}next-auth.session-token`,
    value,
    options: { httpOnly: true, sameSite: "lax" as const, secure: secureCookiesEnabled(), path: "/", maxAge },
  };
}
