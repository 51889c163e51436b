export const dynamic = "force-dynamic";

/**
 * Liveness: the process is up and answering. Unauthenticated (see proxy.ts)
 * and says nothing else, so a load balancer or HEALTHCHECK may call it.
 * Whether the server can do its work is /api/ready.
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
