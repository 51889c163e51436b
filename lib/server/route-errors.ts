import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusyError } from "./db-errors";
import { AppError, type AppErrorCode } from "./errors";
import { logger } from "./logger";
import { currentRequestId } from "./request-id";

/** The HTTP status of each expected error, shared by the JSON routes and the REST API's problems. */
export const STATUS_OF_ERROR: Record<AppErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION: 400,
  CONFLICT: 409,
  INVALID_STATE: 409,
  // 507 Insufficient Storage (RFC 4918): the request was fine, the server has no room.
  STORAGE_FULL: 507,
  BUSY: 503,
};

/** What a user is told when the database had no room for the request in time: nothing was committed. */
export const BUSY_MESSAGE = "Assay is busy right now and did not save this. Please try again in a few seconds.";

/**
 * What a user is told after an unexpected failure. It does not promise that
 * nothing was saved: the failure may have come after a commit. The reference
 * is the request id, which the server's log line carries too.
 */
export function unexpectedErrorMessage(requestId: string | undefined): string {
  const reference = requestId ? ` Reference: ${requestId}.` : "";
  return `Something went wrong on our side. Your change may or may not have been saved: reload to check before trying again.${reference}`;
}

/**
 * Route handlers' twin of runAction: expected errors become JSON with the right
 * status and a message fit for people; a database too busy to start the work
 * is 503 with Retry-After; anything else is logged and answered with a
 * generic 500 that carries no stack trace, only the request id.
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

/** The HTTP status of an expected error, for the app's routes and the API alike: a file over the upload limit is 413. */
export function statusOfAppError(error: AppError): number {
  return error.name === "UploadRejectedError" && (error as { reason?: string }).reason === "too_large" ? 413 : STATUS_OF_ERROR[error.code];
}

async function answer(body: () => Promise<Response>): Promise<Response> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) {
      const status = statusOfAppError(error);
      // A busy server says when to come back, as the database-busy answer below does.
      const headers = error.code === "BUSY" ? { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } : undefined;
      return Response.json({ ok: false, code: error.code, error: error.message, fieldErrors: error.fieldErrors }, { status, headers });
    }
    const requestId = await currentRequestId();
    if (isDatabaseBusyError(error)) {
      logger.warn({ requestId, err: error }, "database busy: request answered 503");
      return Response.json(
        { ok: false, code: "BUSY", error: BUSY_MESSAGE },
        { status: 503, headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } },
      );
    }
    logger.error({ requestId, err: error }, "unexpected error in route handler");
    return Response.json({ ok: false, code: "INTERNAL", error: unexpectedErrorMessage(requestId), requestId }, { status: 500 });
  }
}
