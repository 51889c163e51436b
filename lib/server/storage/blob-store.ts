import type { Readable } from "node:stream";
import { AppError } from "@/lib/server/errors";

// Evidence bytes live behind this interface so a single machine can keep them
// on disk and a multi-instance deployment in PostgreSQL (architecture.md,
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
