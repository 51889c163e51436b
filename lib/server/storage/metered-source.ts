import { createHash } from "node:crypto";
import type { BlobSource } from "./blob-store";
import { UploadRejectedError } from "./blob-store";

/**
 * Wraps an upload stream: hashes and counts the bytes as they pass and throws
 * too_large the moment the limit is crossed. Throwing inside for-await calls
 * the source's return(), which destroys a Readable, so the client's remaining
 * bytes are never read, let alone written.
 */
export class MeteredSource implements AsyncIterable<Buffer> {
  private readonly hash = createHash("sha256");
  private bytes = 0;
  private finished = false;

  constructor(
    private readonly source: BlobSource,
    private readonly maxBytes: number,
  ) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new Error("maxBytes must be a positive integer.");
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for await (const chunk of this.source as AsyncIterable<unknown>) {
      const buf = toBuffer(chunk);
      this.bytes += buf.length;
      if (this.bytes > this.maxBytes) throw tooLarge(this.maxBytes);
      this.hash.update(buf);
      if (buf.length > 0) yield buf;
    }
    this.finished = true;
  }

  get sizeBytes(): number {
    return this.bytes;
  }

  /** Hex SHA-256 of everything read; only valid once the source is exhausted. */
  sha256(): string {
    if (!this.finished) throw new Error("The source has not been read to the end.");
    return this.hash.digest("hex");
  }
}

export function tooLarge(maxBytes: number): UploadRejectedError {
  return new UploadRejectedError("too_large", `The file is larger than the ${formatBytes(maxBytes)} limit.`);
}

export function emptyUpload(): UploadRejectedError {
  return new UploadRejectedError("empty", "The file is empty.");
}

/** "25 MB", "512 KB", "900 bytes": binary units, labelled as people say them. */
export function formatBytes(n: number): string {
  const units = ["bytes", "KB", "MB", "GB"] as const;
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${shown} ${units[unit]}`;
}

function toBuffer(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  // A string chunk means someone set an encoding on the stream and the bytes
  // were already decoded; hashing the re-encoded text would be wrong.
  throw new TypeError("Upload streams must yield bytes, not strings.");
}
