import { createHash, randomUUID } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { type FileHandle, mkdir, open, readdir, rename, stat, unlink, utimes } from "node:fs/promises";
import path from "node:path";
import type { Readable } from "node:stream";
import { dataDir } from "@/lib/server/data-dir";
import {
  assertBlobKey,
  BlobNotFoundError,
  type BlobSource,
  type BlobStat,
  type MaintainedBlobStore,
  type PutOptions,
  type StoredBlob,
  type PutResult,
} from "./blob-store";
import { fileChunks, fileChunkStream } from "./file-chunks";
import { emptyUpload, MeteredSource } from "./metered-source";
import { asStorageError, writeFully } from "./write-fully";
import { crashPoint } from "./crash-point";

const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** Temp files live beside the shards so the final rename never crosses a filesystem. */
const TEMP_DIR = "tmp";
const TEMP_SUFFIX = ".part";
/** A blob the sweeper has set aside while it makes sure nothing uses it. */
const ASIDE_SUFFIX = ".sweep";
const SHARD = /^[0-9a-f]{2}$/;
const KEY = /^[0-9a-f]{64}$/;

/**
 * Default store: `<root>/<sha[0:2]>/<sha>`, where root is normally
 * `<dataDir>/evidence`. The two-character shard keeps directories small.
 * Writes go to a temp file, are fsynced and then renamed, so a reader or a
 * crash never sees half a blob under its final name.
 */
export interface FilesystemIo {
  /** How files are opened for writing; tests substitute a handle that writes short or fails. */
  open(file: string, flags: number, mode: number): Promise<FileHandle>;
}

export class FilesystemBlobStore implements MaintainedBlobStore {
  readonly root: string;
  private readonly io: FilesystemIo;

  constructor(root: string, io: FilesystemIo = { open }) {
    // Relative roots would follow the process's cwd, which differs between
    // `next start`, the CLI and tests.
    if (!path.isAbsolute(root)) throw new Error("The evidence directory must be an absolute path.");
    this.root = root;
    this.io = io;
  }

  async put(source: BlobSource, { maxBytes }: PutOptions): Promise<PutResult> {
    const tempDir = path.join(this.root, TEMP_DIR);
    const temp = path.join(tempDir, `${randomUUID()}${TEMP_SUFFIX}`);
    const metered = new MeteredSource(source, maxBytes);
    let handle: FileHandle | undefined;
    try {
      await mkdir(tempDir, { recursive: true, mode: DIR_MODE });
      // O_EXCL: never follow or reuse something already at that name.
      handle = await this.io.open(temp, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, FILE_MODE);
      let position = 0;
      for await (const chunk of metered) position = await writeFully(handle, chunk, position);
      if (metered.sizeBytes === 0) throw emptyUpload();
      crashPoint("upload.staged");
      await handle.sync();
      const closing = handle;
      handle = undefined;
      await closing.close();

      const sha256 = metered.sha256();
      // The bytes on disk, not the bytes we meant to write, decide: a file
      // that is short or different never gets its final name.
      await verifyFile(temp, metered.sizeBytes, sha256);
      const final = this.pathFor(sha256);
      const existing = await statOrNull(final);
      // Same hash and same size: the bytes are already here. Refresh its
      // mtime so the orphan sweeper (sweep-orphans.ts) sees it as in use until
      // this upload's document row is committed. A size mismatch can only be
      // a damaged file (e.g. restored badly), so it is replaced.
      if (existing?.size === metered.sizeBytes && (await touch(final))) {
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
      if (handle) await handle.close().catch(() => undefined);
      // Never let a cleanup failure hide why the upload failed.
      await unlinkQuietly(temp).catch(() => undefined);
      throw asStorageError(error);
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

  async *listBlobs(batchSize: number): AsyncIterable<StoredBlob[]> {
    let batch: StoredBlob[] = [];
    for (const shard of (await readdirOrEmpty(this.root)).filter((n) => SHARD.test(n)).sort()) {
      for (const name of (await readdirOrEmpty(path.join(this.root, shard))).sort()) {
        if (!name.startsWith(shard) || !KEY.test(name)) continue;
        const s = await statOrNull(path.join(this.root, shard, name));
        if (!s?.isFile()) continue;
        batch.push({ key: name, sizeBytes: s.size, touchedAt: s.mtime });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  }

  /**
   * The blob is first renamed aside, so from then on an upload of the same
   * bytes finds nothing and stores its own copy. What decides is checked
   * after that rename: its mtime (a duplicate put touches it before its row
   * is written) and the caller's reference check. A crash while it is aside
   * is undone by removeStaging, which puts it back.
   */
  async removeIfIdle(key: string, cutoff: Date, unreferenced: () => Promise<boolean>): Promise<boolean> {
    assertBlobKey(key);
    const final = this.pathFor(key);
    const aside = path.join(this.root, TEMP_DIR, `${key}.${randomUUID()}${ASIDE_SUFFIX}`);
    await mkdir(path.dirname(aside), { recursive: true, mode: DIR_MODE });
    try {
      await rename(final, aside);
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
    const s = await stat(aside);
    if (s.mtimeMs >= cutoff.getTime() || !(await unreferenced())) {
      await rename(aside, final);
      return false;
    }
    await unlink(aside);
    await syncDirectory(path.dirname(final));
    return true;
  }

  /**
   * Removes temp files left by a crash mid-upload (a clean failure already
   * removes its own) and puts back blobs a crashed sweep had set aside.
   */
  async removeStaging(cutoff: Date): Promise<number> {
    const tempDir = path.join(this.root, TEMP_DIR);
    let removed = 0;
    for (const name of await readdirOrEmpty(tempDir)) {
      const file = path.join(tempDir, name);
      if (name.endsWith(ASIDE_SUFFIX)) {
        const key = name.slice(0, 64);
        if (!KEY.test(key)) continue;
        await mkdir(path.dirname(this.pathFor(key)), { recursive: true, mode: DIR_MODE });
        // Identical bytes either way: restoring over a newer copy is harmless.
        await rename(file, this.pathFor(key));
        continue;
      }
      if (!name.endsWith(TEMP_SUFFIX)) continue;
      const s = await statOrNull(file);
      if (s && s.mtimeMs < cutoff.getTime()) {
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

async function readdirOrEmpty(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isNotFound(error)) return [];
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

/** Re-reads a written file: its size and SHA-256 must be what was received. */
export async function verifyFile(file: string, sizeBytes: number, sha256: string): Promise<void> {
  const handle = await open(file, "r");
  const actual = (await handle.stat()).size;
  if (actual !== sizeBytes) {
    await handle.close();
    throw new Error(`Stored copy is ${actual} bytes, ${sizeBytes} were received; nothing was kept.`);
  }
  const hash = createHash("sha256");
  for await (const chunk of fileChunks(handle, sizeBytes)) hash.update(chunk);
  if (hash.digest("hex") !== sha256) throw new Error("Stored copy differs from the bytes received; nothing was kept.");
}

/** Sets mtime to now; false if the file has gone meanwhile (e.g. swept). */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  try {
    await utimes(file, now, now);
    return true;
  } catch (error) {
    if (isNotFound(error)) return false;
    throw error;
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
