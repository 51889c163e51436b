import { Prisma } from "../db";
import type { PrismaClient } from "../db";
import type { BlobTable, StoredBlobRow } from "./database-store";

/** The database blob store's table, on Prisma (works on SQLite and PostgreSQL). */
export function prismaBlobTable(client: PrismaClient): BlobTable {
  return {
    async writeChunk(chunkSetId, seq, bytes) {
      await client.evidenceBlobChunk.create({ data: { chunkSetId, seq, bytes: new Uint8Array(bytes) } });
    },
    async commitBlob(row: StoredBlobRow) {
      try {
        await client.evidenceBlob.create({ data: row });
        return { created: true };
      } catch (error) {
        // Same bytes already stored: keep the existing blob, drop this copy.
        if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
          await client.evidenceBlobChunk.deleteMany({ where: { chunkSetId: row.chunkSetId } });
          return { created: false };
        }
        throw error;
      }
    },
    async discardChunkSet(chunkSetId) {
      await client.evidenceBlobChunk.deleteMany({ where: { chunkSetId } });
    },
    async findBlob(sha256) {
      return client.evidenceBlob.findUnique({
        where: { sha256 },
        select: { sha256: true, sizeBytes: true, chunkCount: true, chunkSetId: true },
      });
    },
    async readChunk(chunkSetId, seq) {
      const row = await client.evidenceBlobChunk.findUnique({ where: { chunkSetId_seq: { chunkSetId, seq } } });
      return row ? new Uint8Array(row.bytes) : null;
    },
    async deleteBlob(sha256) {
      await client.$transaction(async (tx) => {
        const blob = await tx.evidenceBlob.findUnique({ where: { sha256 } });
        if (!blob) return;
        await tx.evidenceBlobChunk.deleteMany({ where: { chunkSetId: blob.chunkSetId } });
        await tx.evidenceBlob.delete({ where: { sha256 } });
      });
    },
  };
}
