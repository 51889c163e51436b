// Every /api/v1 handler runs inside apiRoute: the bearer token is checked
// (lib/server/services/api-tokens.ts), the token's request budget is spent
// (429 with Retry-After when it is gone), and whatever the handler throws
// comes back as problem+json. Permissions are checked by the same service
// functions the UI calls, with the token's role.
import type { Actor } from "../actor";
import { AppError } from "../errors";
import { clientIp } from "../http/client-ip";
import { REQUEST_ID_HEADER } from "../logger";
import { actorForApiSecret } from "../services/api-tokens";
import { problemFor, problemResponse } from "./problem";
import { spendTokenRequest } from "./token-budget";

/** Requests per token per minute, shared by every instance (the RateLimit table). */
export function apiRequestsPerMinute(): number {
  const configured = Number(process.env.ASSAY_API_REQUESTS_PER_MINUTE);
  return Number.isInteger(configured) && configured > 0 ? configured : 600;
}

export interface ApiContext {
  actor: Actor;
  request: Request;
}

export async function apiRoute(request: Request, handler: (ctx: ApiContext) => Promise<Response>): Promise<Response> {
  const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
  try {
    const header = request.headers.get("authorization") ?? "";
    const secret = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const actor = secret ? await actorForApiSecret(secret, { ip: clientIp(request.headers), userAgent: request.headers.get("user-agent") }) : null;
    if (!actor) {
      return problemResponse(401, "Send a valid API token: Authorization: Bearer assay_…", { headers: { "WWW-Authenticate": 'Bearer realm="assay"' } });
    }
    const budget = await spendTokenRequest(actor.tokenId, apiRequestsPerMinute());
    if (!budget.allowed) {
      return problemResponse(429, `This token has used its ${apiRequestsPerMinute()} requests for this minute.`, { headers: { "Retry-After": String(budget.retryAfterSeconds) } });
    }
    return await handler({ actor, request });
  } catch (error) {
    return problemFor(error, requestId);
  }
}

export function json(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(body), {
    status: init.status ?? 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", ...init.headers },
  });
}

/** A request body as JSON, or a 400 problem. */
export async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new AppError("VALIDATION", "The body must be JSON.", { body: "not valid JSON" });
  }
}
