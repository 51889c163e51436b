// Set when the server has been told to stop (SIGTERM/SIGINT, see
// instrumentation.ts). Background work checks it between units of work (one
// transaction each) and stops there, so the process exits at a safe point
// rather than in the middle of a batch. No Next imports.

const state = globalThis as unknown as { assayShuttingDown?: boolean };

export function shuttingDown(): boolean {
  return state.assayShuttingDown === true;
}

export function requestShutdown(): void {
  state.assayShuttingDown = true;
}

/** Called once at server start: the first stop signal flips the flag (Next's own handler then closes the server). */
export function watchStopSignals(): void {
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, requestShutdown);
}
