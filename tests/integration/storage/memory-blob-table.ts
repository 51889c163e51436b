import type { BlobTable, StoredBlobRow } from "@/lib/server/storage/database-store";

/**
 * TEST DOUBLE ONLY. An in-memory BlobTable used to run the shared blob-store
 * contract against DatabaseBlobStore's streaming, chunking and clean-up logic.
 * It proves nothing about the Prisma implementation (transactions, bytea /
 * BLOB sizes, unique-violation handling); prisma-blob-table.test.ts covers
 * that on SQLite and PostgreSQL.
 */
export class MemoryBlobTable implements BlobTable {
  readonly blobs = new Map<string, StoredBlobRow>();
  /** chunkSetId → seq → bytes */
  readonly chunks = new Map<string, Map<number, Uint8Array>>();
  readonly touched = new Map<string, Date>();
  largestChunk = 0;

  async writeChunk(chunkSetId: string, seq: number, bytes: Uint8Array): Promise<void> {
    const set = this.chunks.get(chunkSetId) ?? new Map<number, Uint8Array>();
    if (set.has(seq)) throw new Error("duplicate chunk");
    // Copy, as a database would: the caller may reuse its buffer.
    set.set(seq, Uint8Array.from(bytes));
    this.chunks.set(chunkSetId, set);
    this.largestChunk = Math.max(this.largestChunk, bytes.length);
  }

  async commitBlob(row: StoredBlobRow): Promise<{ created: boolean }> {
    this.touched.set(row.sha256, new Date());
    if (this.blobs.has(row.sha256)) {
      this.chunks.delete(row.chunkSetId);
      return { created: false };
    }
    this.blobs.set(row.sha256, { ...row });
    return { created: true };
  }

  async discardChunkSet(chunkSetId: string): Promise<void> {
    this.chunks.delete(chunkSetId);
  }

  async findBlob(sha256: string): Promise<StoredBlobRow | null> {
    return this.blobs.get(sha256) ?? null;
  }

  async readChunk(chunkSetId: string, seq: number): Promise<Uint8Array | null> {
    return this.chunks.get(chunkSetId)?.get(seq) ?? null;
  }

  async deleteBlob(sha256: string): Promise<void> {
    const row = this.blobs.get(sha256);
    if (!row) return;
    this.blobs.delete(sha256);
    this.chunks.delete(row.chunkSetId);
  }

  async listBlobs(afterSha256: string | null, take: number) {
    return [...this.blobs.values()]
      .filter((b) => afterSha256 === null || b.sha256 > afterSha256)
      .sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1))
      .slice(0, take)
      .map((b) => ({ ...b, touchedAt: this.touched.get(b.sha256) ?? new Date(0) }));
  }

  async deleteBlobIfUntouched(sha256: string, cutoff: Date): Promise<boolean> {
    if (!this.blobs.has(sha256) || (this.touched.get(sha256) ?? new Date(0)) >= cutoff) return false;
    await this.deleteBlob(sha256);
    return true;
  }

  async deleteOrphanChunkSets(): Promise<number> {
    const orphans = this.orphanChunkSets();
    for (const id of orphans) this.chunks.delete(id);
    return orphans.length;
  }

  /** Chunk sets no blob row points at: what a failed upload must never leave. */
  orphanChunkSets(): string[] {
    const referenced = new Set([...this.blobs.values()].map((b) => b.chunkSetId));
    return [...this.chunks.keys()].filter((id) => !referenced.has(id));
  }
}
