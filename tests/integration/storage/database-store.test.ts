// The database driver is tested through an in-memory BlobTable (see
// memory-blob-table.ts): this covers its chunking, streaming, dedupe and
// clean-up logic with the same contract as the filesystem store. The Prisma
// BlobTable runs the same contract on both databases in prisma-blob-table.test.ts.
import { createHash, randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseBlobStore, DB_CHUNK_BYTES } from "@/lib/server/storage/database-store";
import { chunked } from "../../unit/storage/sample-files";
import { describeBlobStoreContract } from "./blob-store-contract";
import { MemoryBlobTable } from "./memory-blob-table";

async function databaseHarness(table = new MemoryBlobTable()) {
  const scratchDir = await mkdtemp(path.join(tmpdir(), "assay-db-store-"));
  return {
    table,
    store: new DatabaseBlobStore(table),
    scratchDir,
    storedKeys: async () => [...table.blobs.keys()].sort(),
    leftovers: async () => [
      ...table.orphanChunkSets().map((id) => `orphan chunk set ${id}`),
      ...(await readdir(scratchDir)).map((f) => `scratch/${f}`),
    ],
    allFiles: async () => (await readdir(scratchDir, { recursive: true })).map(String),
    dispose: () => rm(scratchDir, { recursive: true, force: true }),
  };
}

describeBlobStoreContract("DatabaseBlobStore (in-memory BlobTable)", () => databaseHarness());

describe("DatabaseBlobStore: chunking", () => {
  it("stores ~1 MiB rows whatever size the incoming chunks are", async () => {
    const h = await databaseHarness();
    try {
      const data = randomBytes(2 * DB_CHUNK_BYTES + 123);
      const put = await h.store.put(chunked(data, 100_000), { maxBytes: 10 * DB_CHUNK_BYTES });
      const row = h.table.blobs.get(put.key);
      expect(row).toMatchObject({ sizeBytes: data.length, chunkCount: 3 });
      expect(h.table.largestChunk).toBe(DB_CHUNK_BYTES);
      const sizes = [...(h.table.chunks.get(row?.chunkSetId ?? "")?.values() ?? [])].map((c) => c.length);
      expect(sizes).toEqual([DB_CHUNK_BYTES, DB_CHUNK_BYTES, 123]);
    } finally {
      await h.dispose();
    }
  });

  it("fails a download loudly when a chunk is missing, rather than sending a short file", async () => {
    const h = await databaseHarness();
    try {
      const put = await h.store.put(chunked(randomBytes(2 * DB_CHUNK_BYTES)), { maxBytes: 10 * DB_CHUNK_BYTES });
      const row = h.table.blobs.get(put.key);
      h.table.chunks.get(row?.chunkSetId ?? "")?.delete(1);
      const stream = await h.store.get(put.key);
      const hash = createHash("sha256");
      await expect(
        (async () => {
          for await (const c of stream) hash.update(c as Buffer);
        })(),
      ).rejects.toThrow(/missing chunk 1/);
    } finally {
      await h.dispose();
    }
  });

  it("discards the staged chunks when the final commit fails", async () => {
    const table = new MemoryBlobTable();
    table.commitBlob = async () => {
      throw new Error("database went away");
    };
    const h = await databaseHarness(table);
    try {
      await expect(h.store.put(chunked(randomBytes(3 * DB_CHUNK_BYTES)), { maxBytes: 10 * DB_CHUNK_BYTES })).rejects.toThrow(
        "database went away",
      );
      expect(table.chunks.size).toBe(0);
    } finally {
      await h.dispose();
    }
  });
});
