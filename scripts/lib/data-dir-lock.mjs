// One server per data directory. Two servers on one SQLite file fight over
// its write lock (writes time out), and both would run the background jobs
// on the same evidence and pack files. `npm start` takes this lock before it
// touches the database and holds it for the server's life.
//
// The lock is a file created exclusively (O_EXCL) holding the owner's pid and
// host. A lock whose pid no longer runs on this host is stale (the server was
// killed, the machine rebooted) and is taken over; a live one refuses the
// second server with a message that says what to do.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const LOCK_FILE = "assay.lock";

export class DataDirLockedError extends Error {
  constructor(message) {
    super(message);
    this.name = "DataDirLockedError";
  }
}

/** @param {number} pid */
function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return /** @type {NodeJS.ErrnoException} */ (error).code === "EPERM";
  }
}

/**
 * Takes the lock on `dataDir` for this process, or throws DataDirLockedError.
 * @param {string} dataDir
 * @returns {{ file: string, release: () => void }}
 */
export function acquireDataDirLock(dataDir, { pid = process.pid, host = os.hostname(), now = new Date() } = {}) {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const content = `${JSON.stringify({ pid, host, startedAt: now.toISOString() })}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: "wx", mode: 0o600 });
      return { file, release: () => releaseLock(file, pid) };
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (holder && holder.host !== host) {
      throw new DataDirLockedError(
        `The data directory ${dataDir} is in use by an Assay server on ${holder.host} (pid ${holder.pid}, since ${holder.startedAt}). ` +
          `Stop that server, or give this one its own ASSAY_DATA_DIR. If that host is gone for good, delete ${file}.`,
      );
    }
    if (holder && holder.pid !== pid && isRunning(holder.pid)) {
      throw new DataDirLockedError(
        `Another Assay server (pid ${holder.pid}, started ${holder.startedAt}) is already using the data directory ${dataDir}. ` +
          "Stop it first, or give this server its own ASSAY_DATA_DIR (and PORT).",
      );
    }
    // Stale (its process is gone) or unreadable (a crash mid-write): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirLockedError(`Could not take the lock ${file}: another server is starting at the same moment. Try again.`);
}

/** @param {string} file */
function readHolder(file) {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, "utf8"));
    return typeof parsed.pid === "number" && typeof parsed.host === "string" ? parsed : null;
  } catch {
    return null;
  }
}

/** Removes the lock only if it is still ours (never another server's). */
function releaseLock(file, pid) {
  const holder = readHolder(file);
  if (holder && holder.pid === pid && holder.host === os.hostname()) fs.rmSync(file, { force: true });
}
