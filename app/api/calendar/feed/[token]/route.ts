import { clientIp } from "@/lib/server/http/client-ip";
import { calendarFeedForToken, consumeFeedRequest } from "@/lib/server/services/calendar-feed";
import { handleRoute } from "@/lib/server/route-errors";

export const dynamic = "force-dynamic";

/**
 * A user's iCalendar feed (README.md, "Renewal calendar"). Public by path:
 * calendar apps send no cookie, so the random token in the URL is the
 * credential. Rate-limited per client like sign-in; an unknown, revoked or
 * deactivated user's token is the same plain 404.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  return handleRoute(async () => {
    const limit = await consumeFeedRequest(clientIp(request.headers));
    if (!limit.ok) return new Response("Too many requests\n", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds), "Content-Type": "text/plain; charset=utf-8" } });
    const { token } = await params;
    const body = await calendarFeedForToken(token, { origin: new URL(request.url).origin });
    if (body === null) return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
    return new Response(body, {
      headers: {
        "Content-Type": "text/calendar; charset=utf-8",
        "Content-Disposition": 'inline; filename="assay-calendar.ics"',
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
