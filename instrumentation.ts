// Next calls onRequestError for every error thrown while rendering a page or
// running a route or action. It goes to the structured log with the request
// id (set by proxy.ts) and the digest the error page shows the user as its
// reference, so either one finds this line.
import type { Instrumentation } from "next";

/** At server start: background work learns of a stop signal and halts at its next safe point (lib/server/shutdown.ts). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { watchStopSignals } = await import("./lib/server/shutdown");
  watchStopSignals();
}

export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger, REQUEST_ID_HEADER } = await import("./lib/server/logger");
  const header = request.headers[REQUEST_ID_HEADER];
  logger.error(
    {
      requestId: Array.isArray(header) ? header[0] : header,
      digest: (error as { digest?: string }).digest,
      method: request.method,
      path: request.path,
      routePath: context.routePath,
      routeType: context.routeType,
      err: error,
    },
    "unexpected error while serving a request",
  );
};
