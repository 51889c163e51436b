// Next.js calls register() once when a server process starts, before it
// answers any request, in the Node.js runtime only (the imports sit inside the
// check so no other runtime bundles them).
// - The socket's peer address is stamped on every request (client addresses,
//   README "Security defaults").
// - Background maintenance that must run without a request starts here and
//   never delays start-up: see lib/server/storage/README.md (orphan sweep) and
//   lib/server/pack/pack-jobs.ts (interrupted exports).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { installPeerAddressHeader } = await import("./lib/server/http/peer-address");
    installPeerAddressHeader();
    const { startBackgroundMaintenance } = await import("./lib/server/background-maintenance");
    startBackgroundMaintenance();
  }
}
