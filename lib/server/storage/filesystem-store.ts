import { randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { mkdir, open, readdir, rename, stat, unlink } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { dataDir } from "@/lib/server/data-dir";
import {
  assertBlobKey,
  BlobNotFoundError,
  type BlobSource,
  type BlobStat,
  type BlobStore,
  type PutOptions,
  type PutResult,
} from "./blob-store";
import { fileChunkStream } from "./file-chunks";
import { emptyUpload, MeteredSource } from "./metered-source";

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** Temp files live beside the shards so the final rename never crosses a filesystem. */
const TEMP_DIR = "tmp";
const TEMP_SUFFIX = ".part";

/**
 * Default store: `<root>/<sha[0:2]>/<sha>`, where root is normally
 * `<dataDir>/evidence`. The two-character shard keeps directories small.
 * Writes go to a temp file, are fsynced and then renamed, so a reader or a
 * crash never sees half a blob under its final name.
 */
export class FilesystemBlobStore implements BlobStore {
  readonly root: string;

  constructor(root: string) {
    // Relative roots would follow the process's cwd, which differs between
    // `next start`, the CLI and tests.
    if (!path.isAbsolute(root)) throw new Error("The evidence directory must be an absolute path.");
    this.root = root;
  }

  async put(source: BlobSource, { maxBytes }: PutOptions): Promise<PutResult> {
    const tempDir = path.join(this.root, TEMP_DIR);
    await mkdir(tempDir, { recursive: true, mode: DIR_MODE });
    const temp = path.join(tempDir, `${randomUUID()}${TEMP_SUFFIX}`);
    const metered = new MeteredSource(source, maxBytes);

    // "wx": never follow or reuse something already at that name.
    const handle = await open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, FILE_MODE);
    let closed = false;
    try {
      for await (const chunk of metered) await handle.write(chunk);
      if (metered.sizeBytes === 0) throw emptyUpload();
      await handle.sync();
      await handle.close();
      closed = true;

      const sha256 = metered.sha256();
      const final = this.pathFor(sha256);
      const existing = await statOrNull(final);
      // Same hash and same size: the bytes are already here. A size mismatch
      // can only be a damaged file (e.g. restored badly), so replace it.
      if (existing?.size === metered.sizeBytes) {
        await unlinkQuietly(temp);
        return { key: sha256, sha256, sizeBytes: metered.sizeBytes, created: false };
      }
      await mkdir(path.dirname(final), { recursive: true, mode: DIR_MODE });
      // Two concurrent uploads of the same bytes may both rename; the content
      // is identical, so whichever lands last is still correct.
      await rename(temp, final);
      await syncDirectory(path.dirname(final));
      return { key: sha256, sha256, sizeBytes: metered.sizeBytes, created: true };
    } catch (error) {
      if (!closed) await handle.close().catch(() => undefined);
      // Never let a cleanup failure hide why the upload failed.
      await unlinkQuietly(temp).catch(() => undefined);
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    assertBlobKey(key);
    try {
      const handle = await open(this.pathFor(key), "r");
      let size: number;
      try {
        size = (await handle.stat()).size;
      } catch (error) {
        await handle.close();
        throw error;
      }
      // 1 MiB reads rather than the default 64 KiB (a 1 GB audit pack makes 1,000
      // reads, not 16,000), two in flight: see file-chunks.ts and scripts/bench/pack.ts.
      return fileChunkStream(handle, size);
    } catch (error) {
      if (isNotFound(error)) throw new BlobNotFoundError(key);
      throw error;
    }
  }

  async has(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async stat(key: string): Promise<BlobStat | null> {
    assertBlobKey(key);
    const s = await statOrNull(this.pathFor(key));
    return s?.isFile() ? { key, sizeBytes: s.size } : null;
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await unlinkQuietly(this.pathFor(key));
  }

  /**
   * Removes temp files left by a crash mid-upload (a clean failure already
   * removes its own). Run it at start-up or from the CLI, not per request.
   */
  async sweepTemp(olderThanMs: number, now: Date = new Date()): Promise<number> {
    const tempDir = path.join(this.root, TEMP_DIR);
    let names: string[];
    try {
      names = await readdir(tempDir);
    } catch (error) {
      if (isNotFound(error)) return 0;
      throw error;
    }
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith(TEMP_SUFFIX))) {
      const file = path.join(tempDir, name);
      const s = await statOrNull(file);
      if (s && now.getTime() - s.mtimeMs > olderThanMs) {
        await unlinkQuietly(file);
        removed++;
      }
    }
    return removed;
  }

  private pathFor(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

/** `<dataDir>/evidence`; the data directory defaults to ASSAY_DATA_DIR (or ./data), made absolute. */
export function filesystemStoreIn(dir: string = dataDir()): FilesystemBlobStore {
  return new FilesystemBlobStore(path.join(dir, "evidence"));
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

async function unlinkQuietly(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** Makes the rename itself durable. Not possible on Windows; harmless to skip there. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, "r");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Best effort: the data file itself was already fsynced.
  }
}

function isNotFound(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === "ENOENT";
}
