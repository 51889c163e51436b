import { randomUUID } from "node:crypto";
import { Readable } from "node:stream";
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
import { emptyUpload, MeteredSource } from "./metered-source";
import { asStorageError } from "./write-fully";
import { crashPoint } from "./crash-point";

/** Rows of about 1 MiB: small enough for any driver, few enough to stay fast. */
export const DB_CHUNK_BYTES = 1024 * 1024;

export interface StoredBlobRow {
  sha256: string;
  sizeBytes: number;
  chunkCount: number;
  /** The staging id its chunks were written under. */
  chunkSetId: string;
}

/**
 * The only database operations the driver needs, so it does not depend on the
 * generated Prisma client (the Prisma implementation lives with the schema).
 *
 * The hash is only known once the last byte has arrived, so chunks are first
 * written under a random chunk-set id and the blob row that names them is
 * inserted at the end, in a transaction that first counts them. Until then no
 * reader can see them; a crash leaves only unreferenced chunk rows, which the
 * orphan sweeper (sweep-orphans.ts) deletes once they are older than its grace
 * period.
 */
export interface BlobTable {
  writeChunk(chunkSetId: string, seq: number, bytes: Uint8Array): Promise<void>;
  /**
   * Atomically inserts the blob row, after checking that all `chunkCount`
   * chunks are there. If a blob with this sha256 already exists, marks it
   * touched (so the sweeper leaves it alone), deletes this chunk set instead
   * and returns created: false.
   */
  commitBlob(row: StoredBlobRow): Promise<{ created: boolean }>;
  /** Deletes every chunk of an upload that failed or was refused. */
  discardChunkSet(chunkSetId: string): Promise<void>;
  findBlob(sha256: string): Promise<StoredBlobRow | null>;
  readChunk(chunkSetId: string, seq: number): Promise<Uint8Array | null>;
  /** Deletes the blob row and its chunks in one transaction. Idempotent. */
  deleteBlob(sha256: string): Promise<void>;
  /** Blob rows in key order, after `afterSha256`. */
  listBlobs(afterSha256: string | null, take: number): Promise<(StoredBlobRow & { touchedAt: Date })[]>;
  /** Deletes the blob row and its chunks only if the row was not touched at or after `cutoff`. */
  deleteBlobIfUntouched(sha256: string, cutoff: Date): Promise<boolean>;
  /** Deletes chunk sets that no blob row names and that got no chunk at or after `cutoff`. */
  deleteOrphanChunkSets(cutoff: Date): Promise<number>;
}

/**
 * Blob store for multi-instance deployments: every app instance sees the same
 * evidence without a shared disk. Streams both ways in DB_CHUNK_BYTES rows, so
 * memory use per upload or download is about one chunk whatever the file size.
 */
export class DatabaseBlobStore implements MaintainedBlobStore {
  constructor(
    private readonly table: BlobTable,
    private readonly chunkBytes = DB_CHUNK_BYTES,
  ) {}

  async put(source: BlobSource, { maxBytes }: PutOptions): Promise<PutResult> {
    const metered = new MeteredSource(source, maxBytes);
    const chunkSetId = randomUUID();
    let seq = 0;
    try {
      for await (const chunk of rechunk(metered, this.chunkBytes)) {
        await this.table.writeChunk(chunkSetId, seq++, chunk);
        crashPoint("upload.staged");
      }
      if (metered.sizeBytes === 0) throw emptyUpload();
      const sha256 = metered.sha256();
      const { created } = await this.table.commitBlob({
        sha256,
        sizeBytes: metered.sizeBytes,
        chunkCount: seq,
        chunkSetId,
      });
      return { key: sha256, sha256, sizeBytes: metered.sizeBytes, created };
    } catch (error) {
      if (seq > 0) await this.table.discardChunkSet(chunkSetId).catch(() => undefined);
      throw asStorageError(error);
    }
  }

  async *listBlobs(batchSize: number): AsyncIterable<StoredBlob[]> {
    let after: string | null = null;
    for (;;) {
      const rows = await this.table.listBlobs(after, batchSize);
      if (rows.length === 0) return;
      yield rows.map((r) => ({ key: r.sha256, sizeBytes: r.sizeBytes, touchedAt: r.touchedAt }));
      after = rows[rows.length - 1]!.sha256;
    }
  }

  /**
   * The reference check comes first; the delete then happens only if no
   * duplicate put touched the row since (commitBlob does, before its caller
   * writes a document row), so a document committed meanwhile keeps its bytes.
   */
  async removeIfIdle(key: string, cutoff: Date, unreferenced: () => Promise<boolean>): Promise<boolean> {
    assertBlobKey(key);
    if (!(await unreferenced())) return false;
    return this.table.deleteBlobIfUntouched(key, cutoff);
  }

  removeStaging(cutoff: Date): Promise<number> {
    return this.table.deleteOrphanChunkSets(cutoff);
  }

  async get(key: string): Promise<Readable> {
    assertBlobKey(key);
    const row = await this.table.findBlob(key);
    if (!row) throw new BlobNotFoundError(key);
    const table = this.table;
    // Pull-based: the next row is fetched only when the consumer wants more.
    return Readable.from(
      (async function* () {
        for (let seq = 0; seq < row.chunkCount; seq++) {
          const bytes = await table.readChunk(row.chunkSetId, seq);
          // A missing chunk mid-download must fail loudly, never send a short file.
          if (!bytes) throw new Error(`Blob ${key} is missing chunk ${seq}.`);
          yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        }
      })(),
      { objectMode: false },
    );
  }

  async has(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async stat(key: string): Promise<BlobStat | null> {
    assertBlobKey(key);
    const row = await this.table.findBlob(key);
    return row ? { key, sizeBytes: row.sizeBytes } : null;
  }

  async delete(key: string): Promise<void> {
    assertBlobKey(key);
    await this.table.deleteBlob(key);
  }
}

/** Regroups arbitrary-sized chunks into exactly `size` bytes (the last may be shorter). */
async function* rechunk(source: AsyncIterable<Buffer>, size: number): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (let chunk of source) {
    while (pendingBytes + chunk.length >= size) {
      const take = size - pendingBytes;
      pending.push(chunk.subarray(0, take));
      yield Buffer.concat(pending, size);
      chunk = chunk.subarray(take);
      pending = [];
      pendingBytes = 0;
    }
    if (chunk.length > 0) {
      pending.push(chunk);
      pendingBytes += chunk.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
