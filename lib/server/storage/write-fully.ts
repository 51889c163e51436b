// A write(2) may store fewer bytes than asked (a full disk, a quota, a signal),
// and FileHandle.write reports that count rather than throwing. Ignoring it
// once left a truncated evidence file under its final name, so every write of
// evidence bytes goes through writeFully, and every storage error is mapped by
// asStorageError before it reaches a caller.
import type { FileHandle } from "node:fs/promises";
import { StorageFullError } from "./blob-store";

/** Errno codes that mean "no room": the disk or the user's quota. */
const FULL_CODES = new Set(["ENOSPC", "EDQUOT"]);

/**
 * Writes all of `bytes` at `position` and returns the position after them. A
 * write that makes no progress is a full disk even if the OS did not say so.
 */
export async function writeFully(handle: FileHandle, bytes: Uint8Array, position: number): Promise<number> {
  let done = 0;
  while (done < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.length - done, position + done);
    if (!Number.isInteger(bytesWritten) || bytesWritten <= 0) throw Object.assign(new Error("write made no progress"), { code: "ENOSPC" });
    done += bytesWritten;
  }
  return position + done;
}

/** True for a full disk or quota, from the filesystem or from either database. */
export function isStorageFull(error: unknown): boolean {
  if (error instanceof StorageFullError) return true;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown } | null;
  if (!e || typeof e !== "object") return false;
  if (typeof e.code === "string" && FULL_CODES.has(e.code)) return true;
  // SQLite: SQLITE_FULL "database or disk is full"; PostgreSQL: 53100 disk_full,
  // "could not extend file … No space left on device". Prisma wraps both.
  const message = typeof e.message === "string" ? e.message : "";
  if (/SQLITE_FULL|database or disk is full|No space left on device|\b53100\b|could not extend file/i.test(message)) return true;
  return e.cause !== undefined && e.cause !== error && isStorageFull(e.cause);
}

/** The error to throw: StorageFullError for "no room", the original otherwise. */
export function asStorageError(error: unknown): unknown {
  return isStorageFull(error) && !(error instanceof StorageFullError) ? new StorageFullError() : error;
}
