// Errors of the REST API as RFC 9457 problem details (application/problem+json):
// a type, a title, the status, a detail fit for people, and for invalid input
// the field paths, so a client can point at exactly what to fix.
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusyError } from "../db-errors";
import { AppError } from "../errors";
import { logger } from "../logger";
import { statusOfAppError } from "../route-errors";


const TITLE: Record<number, string> = {
  400: "Invalid request",
  401: "Authentication required",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  413: "Content too large",
  429: "Too many requests",
  500: "Internal server error",
  503: "Service busy",
  507: "Insufficient storage",
};

export interface ProblemFieldError {
  /** JSON-pointer-like path of the field, e.g. "country" or "sites.0.city". */
  path: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: ProblemFieldError[];
}

export function problemResponse(status: number, detail: string, options: { errors?: ProblemFieldError[]; headers?: Record<string, string> } = {}): Response {
  const body: Problem = { type: "about:blank", title: TITLE[status] ?? "Error", status, detail, ...(options.errors ? { errors: options.errors } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...options.headers },
  });
}

/** Any error thrown by a handler, as a problem; the unexpected ones are logged and told apart by request id only. */
export function problemFor(error: unknown, requestId: string | undefined): Response {
  if (error instanceof AppError) {
    const errors = error.fieldErrors ? Object.entries(error.fieldErrors).map(([path, message]) => ({ path, message })) : undefined;
    return problemResponse(statusOfAppError(error), error.message, { errors });
  }
  if (isDatabaseBusyError(error)) return problemResponse(503, "Assay is busy; nothing was saved. Retry shortly.", { headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } });
  logger.error({ err: error, requestId }, "API request failed");
  return problemResponse(500, `Unexpected error.${requestId ? ` Reference: ${requestId}.` : ""}`);
}
