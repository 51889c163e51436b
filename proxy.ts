import { NextResponse, type NextRequest } from "next/server";
import { screenActionBody, screenActionContentType, screenActionOrigin } from "@/lib/server/http/action-request";

// Runs before every page: sets a per-request CSP nonce and sends signed-out
// visitors to the sign-in page. It is a convenience, not the security boundary:
// every page, action and route checks the session and permission itself.

// /api/health and /api/ready answer load balancers and probes; they reveal only "ok"/"fail".
// /api/v1 is the REST API: its handlers authenticate a bearer token, never a session cookie
// (lib/server/api/README.md), so it must reach them without one.
// /api/calendar/feed is authenticated by its own per-user token (calendar apps send no cookie).
// /api/sso starts and completes single sign-on, before there is a session.
const PUBLIC_PATHS = ["/signin", "/api/auth", "/.well-known", "/forbidden", "/api/health", "/api/ready", "/api/v1", "/api/calendar/feed", "/api/sso"];
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic' lets Next's nonced bootstrap load its chunks; eval only for dev's HMR.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React renders style attributes server-side; no script can be injected through these.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A path with a broken percent-escape ("%ZZ") cannot name any page: 400, not a 500 from deeper down. */
export function isMalformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}

/** Server-action requests Next itself would answer with a 500 get a 4xx here (lib/server/http/action-request.ts). */
async function screenServerAction(request: NextRequest): Promise<NextResponse | null> {
  if (request.method !== "POST" || !request.headers.has("next-action")) return null;
  let screen = screenActionOrigin(request.headers.get("origin"), request.headers.get("x-forwarded-host") ?? request.headers.get("host"));
  if (screen.ok) screen = screenActionContentType(request.headers.get("content-type"));
  if (screen.ok) screen = screenActionBody(await request.clone().text());
  return screen.ok ? null : NextResponse.json({ ok: false, code: screen.status === 403 ? "FORBIDDEN" : "VALIDATION", error: screen.error }, { status: screen.status });
}

/**
 * Every request gets a fresh id, passed to the handler (x-request-id request
 * header: logs and error pages show it) and returned to the client, so a
 * user's report can be matched to the server's log line. A client-sent id is
 * ignored: it could collide with another request's on purpose.
 */
const REQUEST_ID_HEADER = "x-request-id";

export async function proxy(request: NextRequest) {
  const requestId = crypto.randomUUID();
  const response = (await screenServerAction(request)) ?? routeRequest(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

function routeRequest(request: NextRequest, requestId: string) {
  const { pathname } = request.nextUrl;
  if (isMalformedPath(pathname)) {
    return NextResponse.json({ ok: false, code: "VALIDATION", error: "The address is malformed." }, { status: 400 });
  }
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!isPublic && !hasSession) {
    if (pathname.startsWith("/api/")) {
      return NextResponse.json({ ok: false, code: "UNAUTHENTICATED", error: "Sign in first." }, { status: 401 });
    }
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = "";
    return NextResponse.redirect(url);
  }

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  // A header set here replaces the handler's own, so route handlers (downloads
  // with their sandbox CSP, JSON, exports) keep theirs; handleRoute gives any
  // response without one a deny-all policy. Pages get the nonce-based one.
  if (!pathname.startsWith("/api/")) response.headers.set("Content-Security-Policy", csp);
  const https = request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
  if (https) response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  return response;
}

export const config = {
  matcher: [
    // Everything but static assets, which carry no session and no HTML, and the
    // evidence uploads (the app's and the REST API's): a body passing through
    // the proxy is buffered only up to 10 MB and the rest silently dropped.
    // The upload handlers check the session or token, and that the whole file
    // arrived, themselves. Only well-formed ids are exempt, so a malformed one
    // still gets the proxy's 400.
    { source: "/((?!_next/static|_next/image|favicon.ico|api/vendors/[A-Za-z0-9_-]+/evidence$|api/v1/vendors/[A-Za-z0-9_-]+/evidence$).*)" },
  ],
};
