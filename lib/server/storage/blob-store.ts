import type { Readable } from "node:stream";
import { AppError } from "@/lib/server/errors";

// Evidence bytes live behind this interface so a single machine can keep them
// on disk and a multi-instance deployment in PostgreSQL (README.md, Architecture,
// "Scale path"). Blobs are content-addressed: the key IS the SHA-256, so the
// same bytes uploaded twice are stored once and the hash recorded on the
// document row can always be re-checked against the store.

export type BlobSource = Readable | AsyncIterable<Uint8Array>;

export interface PutOptions {
  /** The upload is aborted, and nothing kept, as soon as more bytes than this arrive. */
  maxBytes: number;
}

export interface PutResult {
  key: string;
  sha256: string;
  sizeBytes: number;
  /** False when a blob with these bytes was already stored (a duplicate upload). */
  created: boolean;
}

export interface BlobStat {
  key: string;
  sizeBytes: number;
}

/** A committed blob as the maintenance tools see it. */
export interface StoredBlob {
  key: string;
  sizeBytes: number;
  /** When it was written, or last put again as a duplicate (which marks it in use). */
  touchedAt: Date;
}

/**
 * The store seen by the orphan sweeper and `check-store`, never per request:
 * listing every blob, and removing what no document row points at.
 */
export interface BlobInventory {
  /** Every committed blob, a batch at a time. */
  listBlobs(batchSize: number): AsyncIterable<StoredBlob[]>;
  /**
   * Deletes the blob unless it was touched at or after `cutoff` (an upload
   * of the same bytes is in flight) or `unreferenced()`, asked once the blob
   * is out of reach of new uploads, says a document row now points at it.
   */
  removeIfIdle(key: string, cutoff: Date, unreferenced: () => Promise<boolean>): Promise<boolean>;
  /** Removes what crashed uploads left before `cutoff` (temp files, chunk sets no blob names). */
  removeStaging(cutoff: Date): Promise<number>;
}

export type MaintainedBlobStore = BlobStore & BlobInventory;

export interface BlobStore {
  /** Streams the source in. Either the whole blob is stored or nothing is. */
  put(source: BlobSource, opts: PutOptions): Promise<PutResult>;
  /** Throws BlobNotFoundError before any byte is sent, so a route can still answer 404. */
  get(key: string): Promise<Readable>;
  has(key: string): Promise<boolean>;
  stat(key: string): Promise<BlobStat | null>;
  /** Idempotent. Callers must first make sure no document row still points at the key. */
  delete(key: string): Promise<void>;
}

export type UploadRejectionReason =
  | "too_large"
  | "empty"
  | "bad_type"
  | "name_mismatch"
  | "bad_name"
  /** Fewer (or more) bytes arrived than Content-Length announced. */
  | "incomplete"
  /** The bytes do not hash to the digest the client sent. */
  | "digest_mismatch"
  /** A DOCX/XLSX that would inflate past the archive limits (zip bomb). */
  | "archive_limits";

/**
 * An upload refused for a reason the uploader can fix. It is a VALIDATION
 * AppError so the existing error path shows its message (next to the "file"
 * field); `reason` is the machine code for tests, logs and HTTP status choice
 * (too_large → 413, the rest → 400/415).
 */
export class UploadRejectedError extends AppError {
  constructor(
    readonly reason: UploadRejectionReason,
    message: string,
  ) {
    super("VALIDATION", message, { file: message });
    this.name = "UploadRejectedError";
  }
}

/**
 * The disk or database that holds evidence has no room left. Raised instead of
 * ENOSPC/EDQUOT (or the database's "disk full") once whatever was partly
 * written has been removed, so the route answers 507 and nothing is stored.
 */
export class StorageFullError extends AppError {
  constructor() {
    const message = "Storage is full, so the file was not stored. Ask an administrator to free space, then upload it again.";
    super("STORAGE_FULL", message, { file: message });
    this.name = "StorageFullError";
  }
}

export class BlobNotFoundError extends AppError {
  constructor(readonly key: string) {
    super("NOT_FOUND", "The file is missing from storage.");
    this.name = "BlobNotFoundError";
  }
}

const KEY = /^[0-9a-f]{64}$/;

/**
 * Keys become file paths and SQL parameters; only a lower-case SHA-256 hex
 * string is ever a key, which rules out path traversal through a key.
 */
export function assertBlobKey(key: string): void {
  if (typeof key !== "string" || !KEY.test(key)) throw new Error("Invalid blob key.");
}
