import { readiness } from "@/lib/server/ops/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness: database reachable, migrations current, storage writable. 200
 * when all hold, 503 otherwise. Unauthenticated (see proxy.ts), so it names
 * only which check failed; the reason is in the server log.
 */
export async function GET() {
  const { ready, checks } = await readiness();
  return Response.json({ status: ready ? "ready" : "not_ready", checks }, { status: ready ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
