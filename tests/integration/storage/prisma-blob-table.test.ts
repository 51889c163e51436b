// The blob-store contract against the real Prisma BlobTable on SQLite and
// PostgreSQL (database-store.test.ts runs it on an in-memory table), plus the
// commit rules the orphan sweeper relies on.
import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { DatabaseBlobStore, DB_CHUNK_BYTES } from "@/lib/server/storage/database-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { chunked } from "../../unit/storage/sample-files";
import { describeBlobStoreContract } from "./blob-store-contract";
import { forEachProvider } from "../helpers/test-database";

async function orphanChunkSets(): Promise<string[]> {
  const named = new Set((await db().evidenceBlob.findMany({ select: { chunkSetId: true } })).map((b) => b.chunkSetId));
  const sets = await db().evidenceBlobChunk.findMany({ select: { chunkSetId: true }, distinct: ["chunkSetId"] });
  return sets.map((s) => s.chunkSetId).filter((id) => !named.has(id));
}

forEachProvider("Prisma blob table", (t) => {
  describeBlobStoreContract(`DatabaseBlobStore on Prisma [${t.provider}]`, async () => {
    const scratchDir = await mkdtemp(path.join(tmpdir(), "assay-prisma-store-"));
    return {
      store: new DatabaseBlobStore(prismaBlobTable(t.db)),
      scratchDir,
      storedKeys: async () => (await t.db.evidenceBlob.findMany({ select: { sha256: true }, orderBy: { sha256: "asc" } })).map((b) => b.sha256),
      leftovers: async () => [...(await orphanChunkSets()).map((id) => `orphan chunk set ${id}`), ...(await readdir(scratchDir)).map((f) => `scratch/${f}`)],
      allFiles: async () => (await readdir(scratchDir, { recursive: true })).map(String),
      dispose: async () => {
        await t.db.evidenceBlobChunk.deleteMany({});
        await t.db.evidenceBlob.deleteMany({});
        await rm(scratchDir, { recursive: true, force: true });
      },
    };
  });

  describe("commit rules", () => {
    it("a duplicate put marks the existing blob as touched and drops its own chunks", async () => {
      const store = new DatabaseBlobStore(prismaBlobTable(t.db));
      const data = randomBytes(DB_CHUNK_BYTES + 10);
      const first = await store.put(chunked(data), { maxBytes: 4 * DB_CHUNK_BYTES });
      const old = new Date(Date.now() - 3600_000);
      await t.db.evidenceBlob.update({ where: { sha256: first.key }, data: { createdAt: old } });
      const again = await store.put(chunked(data), { maxBytes: 4 * DB_CHUNK_BYTES });
      expect(again).toMatchObject({ key: first.key, created: false });
      expect((await t.db.evidenceBlob.findUniqueOrThrow({ where: { sha256: first.key } })).createdAt.getTime()).toBeGreaterThan(old.getTime() + 1000);
      expect(await orphanChunkSets()).toEqual([]);
      await t.db.evidenceBlobChunk.deleteMany({});
      await t.db.evidenceBlob.deleteMany({});
    });

    it("refuses to name a chunk set that lost chunks before the commit", async () => {
      const table = prismaBlobTable(t.db);
      await table.writeChunk("set-with-a-gap", 0, Buffer.from("a"));
      await expect(table.commitBlob({ sha256: "0".repeat(64), sizeBytes: 2, chunkCount: 2, chunkSetId: "set-with-a-gap" })).rejects.toThrow(/1 of its 2 chunks/);
      expect(await t.db.evidenceBlob.count()).toBe(0);
      await t.db.evidenceBlobChunk.deleteMany({});
    });
  });
});
