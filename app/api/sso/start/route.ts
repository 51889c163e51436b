import { NextResponse } from "next/server";
import { clientIp } from "@/lib/server/http/client-ip";
import { logger } from "@/lib/server/logger";
import { flowCookie } from "@/lib/server/sso/cookies";
import { appUrl } from "@/lib/server/sso/oidc-client";
import { SsoRefused, startSsoSignIn } from "@/lib/server/services/sso-sign-in";

export const dynamic = "force-dynamic";

/**
 * "Sign in with <provider>": a plain link (a form post could not be
 * redirected to the provider under the CSP's form-action 'self'). Public: the
 * person is not signed in yet (README.md, "Single sign-on").
 */
export async function GET(request: Request) {
  try {
    const { flowId, url } = await startSsoSignIn({ ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") });
    const response = NextResponse.redirect(url, 303);
    const cookie = flowCookie(flowId);
    response.cookies.set(cookie.name, cookie.value, cookie.options);
    response.headers.set("Cache-Control", "no-store");
    return response;
  } catch (error) {
    if (!(error instanceof SsoRefused)) throw error;
    if (error.detail) logger.warn({ reason: error.reason, detail: error.detail }, "single sign-on could not start");
    return NextResponse.redirect(appUrl(`/signin?sso=${error.reason}`), 303);
  }
}
