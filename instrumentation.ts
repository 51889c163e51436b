// Next.js calls register() once when a server process starts. Background
// maintenance that must run without a request starts here, in the Node.js
// runtime only (the import sits inside the check so no other runtime bundles
// it), and never delays start-up: see lib/server/storage/README.md (orphan
// sweep) and lib/server/pack/pack-jobs.ts (interrupted exports).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startBackgroundMaintenance } = await import("./lib/server/background-maintenance");
    startBackgroundMaintenance();
  }
}
