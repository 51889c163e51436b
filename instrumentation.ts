// Next.js calls register() once when a server process starts, before it
// answers any request, in the Node.js runtime only (the imports sit inside the
// check so no other runtime bundles them).
// - The socket's peer address is stamped on every request (client addresses,
//   README "Security defaults").
// - Background work learns of a stop signal and halts at its next safe point
//   (lib/server/shutdown.ts).
// - Background maintenance that must run without a request starts here and
//   never delays start-up: see lib/server/storage/README.md (orphan sweep) and
//   lib/server/jobs/README.md (background jobs, interrupted exports).
import type { Instrumentation } from "next";

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { installPeerAddressHeader } = await import("./lib/server/http/peer-address");
  installPeerAddressHeader();
  const { watchStopSignals } = await import("./lib/server/shutdown");
  watchStopSignals();
  const { startBackgroundMaintenance } = await import("./lib/server/background-maintenance");
  startBackgroundMaintenance();
}

// Next calls onRequestError for every error thrown while rendering a page or
// running a route or action. It goes to the structured log with the request
// id (set by proxy.ts) and the digest the error page shows the user as its
// reference, so either one finds this line.
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
