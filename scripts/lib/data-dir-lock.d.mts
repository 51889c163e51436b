// Types for data-dir-lock.mjs, which stays plain JS so start.mjs runs without a build.
export const LOCK_FILE: string;
export class DataDirLockedError extends Error {}
export function acquireDataDirLock(
  dataDir: string,
  options?: { pid?: number; host?: string; now?: Date },
): { file: string; release: () => void };
