import { NextResponse, type NextRequest } from "next/server";
import { clientIp } from "@/lib/server/http/client-ip";
import { flowCookie, flowCookieName, sessionCookie } from "@/lib/server/sso/cookies";
import { appUrl } from "@/lib/server/sso/oidc-client";
import { completeSsoSignIn } from "@/lib/server/services/sso-sign-in";

export const dynamic = "force-dynamic";

/**
 * Where the provider sends the browser back. Public by necessity; the flow
 * cookie, state, nonce and PKCE decide (lib/server/services/sso-sign-in.ts).
 * Every outcome clears the flow cookie: a flow is used once.
 */
export async function GET(request: NextRequest) {
  const result = await completeSsoSignIn({
    flowId: request.cookies.get(flowCookieName())?.value ?? null,
    search: request.nextUrl.search,
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  const response = NextResponse.redirect(appUrl(result.ok ? "/" : `/signin?sso=${result.reason}`), 303);
  const spent = flowCookie("");
  response.cookies.set(spent.name, "", { ...spent.options, maxAge: 0 });
  if (result.ok) {
    const session = await sessionCookie(result.user, result.sessionId);
    response.cookies.set(session.name, session.value, session.options);
  }
  response.headers.set("Cache-Control", "no-store");
  return response;
}
