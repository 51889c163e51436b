// Next.js calls register() once when a server process starts. Background
// maintenance that must run without a request starts here, in the Node.js
// runtime only, and never delays start-up: see lib/server/storage/README.md
// (orphan sweep) and lib/server/pack/pack-jobs.ts (interrupted exports).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startOrphanSweeper } = await import("./lib/server/storage/sweep-schedule");
  startOrphanSweeper();
  const { recoverStalePackJobs } = await import("./lib/server/pack/pack-jobs");
  // Exports whose server died are failed now, not when someone next opens the page.
  void recoverStalePackJobs().catch((error: unknown) => console.error("Recovering interrupted audit pack exports failed", error));
}
