import { AppError, type AppErrorCode } from "./errors";

const STATUS: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  // 507 Insufficient Storage (RFC 4918): the request was fine, the server has no room.
  STORAGE_FULL: 507,
};

/**
 * Route handlers' twin of runAction: expected errors become JSON with the right
 * status and a message fit for people; anything else is logged and answered
 * with a generic 500 that carries no stack trace.
 */
export async function handleRoute(body: () => Promise<Response>): Promise<Response> {
  return withDefaultCsp(await answer(body));
}

/** No route handler serves HTML; a response without its own CSP gets one that allows nothing. */
export const ROUTE_DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; sandbox";

function withDefaultCsp(response: Response): Response {
  try {
    if (!response.headers.has("Content-Security-Policy")) response.headers.set("Content-Security-Policy", ROUTE_DEFAULT_CSP);
  } catch {
    // Redirect responses have immutable headers and no body to protect.
  }
  return response;
}

async function answer(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) {
      const status = error.name === "UploadRejectedError" && (error as { reason?: string }).reason === "too_large" ? 413 : STATUS[error.code];
      return Response.json({ ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors }, { status });
    }
    console.error("Unexpected error in route handler", error);
    return Response.json({ ok: false, code: "INTERNAL", error: "Something went wrong on our side. Nothing was saved." }, { status: 500 });
  }
}
