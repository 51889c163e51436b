import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { Prisma } from "../db";
import type { PrismaClient } from "../db";
import type { BlobTable, StoredBlobRow } from "./database-store";

/** Orphan chunk sets looked at per query: well under SQLite's 999 parameters. */
const SWEEP_BATCH = 500;

/**
 * The database blob store's table, on Prisma (works on SQLite and PostgreSQL).
 * EvidenceBlob.createdAt doubles as "last touched": a duplicate put moves it
 * forward, which tells the orphan sweeper that a document row is about to
 * point at the blob.
 */
export function prismaBlobTable(client: PrismaClient): BlobTable {
  const discard = (chunkSetId: string) => client.evidenceBlobChunk.deleteMany({ where: { chunkSetId } });
  return {
    async writeChunk(chunkSetId, seq, bytes) {
      await client.evidenceBlobChunk.create({ data: { chunkSetId, seq, bytes: new Uint8Array(bytes) } });
    },
    async commitBlob(row: StoredBlobRow) {
      // Twice at most: a duplicate may be swept between our insert failing and our touch.
      for (let attempt = 0; ; attempt++) {
        try {
          await client.$transaction(async (tx) => {
            // Never name a chunk set that lost rows (e.g. swept after stalling past the grace period).
            const present = await tx.evidenceBlobChunk.count({ where: { chunkSetId: row.chunkSetId } });
            if (present !== row.chunkCount) throw new Error(`Upload has ${present} of its ${row.chunkCount} chunks; nothing was stored.`);
            await tx.evidenceBlob.create({ data: row });
          });
          return { created: true };
        } catch (error) {
          if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
          // Same bytes already stored: keep the existing blob (marked in use), drop this copy.
          const { count } = await client.evidenceBlob.updateMany({ where: { sha256: row.sha256 }, data: { createdAt: new Date() } });
          if (count === 1) {
            await discard(row.chunkSetId);
            return { created: false };
          }
          if (attempt >= 1) throw error;
        }
      }
    },
    async discardChunkSet(chunkSetId) {
      await discard(chunkSetId);
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
    async listBlobs(afterSha256, take) {
      const rows = await client.evidenceBlob.findMany({
        where: afterSha256 ? { sha256: { gt: afterSha256 } } : {},
        orderBy: { sha256: "asc" },
        take,
        select: { sha256: true, sizeBytes: true, chunkCount: true, chunkSetId: true, createdAt: true },
      });
      return rows.map(({ createdAt, ...row }) => ({ ...row, touchedAt: createdAt }));
    },
    async deleteBlobIfUntouched(sha256, cutoff) {
      return client.$transaction(async (tx) => {
        const blob = await tx.evidenceBlob.findUnique({ where: { sha256 } });
        if (!blob) return false;
        // Conditional on the timestamp, so a duplicate put that touched it after we looked wins.
        const { count } = await tx.evidenceBlob.deleteMany({ where: { sha256, createdAt: { lt: cutoff } } });
        if (count === 0) return false;
        await tx.evidenceBlobChunk.deleteMany({ where: { chunkSetId: blob.chunkSetId } });
        return true;
      });
    },
    async deleteOrphanChunkSets(cutoff) {
      let removed = 0;
      let after: string | null = null;
      for (;;) {
        // Every chunk set has a chunk 0; paging through those lists each set once.
        const firsts: { chunkSetId: string }[] = await client.evidenceBlobChunk.findMany({
          where: { seq: 0, createdAt: { lt: cutoff }, ...(after ? { chunkSetId: { gt: after } } : {}) },
          orderBy: { chunkSetId: "asc" },
          take: SWEEP_BATCH,
          select: { chunkSetId: true },
        });
        if (firsts.length === 0) return removed;
        after = firsts[firsts.length - 1]!.chunkSetId;
        const ids = firsts.map((f) => f.chunkSetId);
        const named = new Set((await client.evidenceBlob.findMany({ where: { chunkSetId: { in: ids } }, select: { chunkSetId: true } })).map((b) => b.chunkSetId));
        for (const chunkSetId of ids.filter((id) => !named.has(id))) {
          const deleted = await client.$transaction(async (tx) => {
            // Still being written, or committed since we looked: leave it.
            if ((await tx.evidenceBlobChunk.count({ where: { chunkSetId, createdAt: { gte: cutoff } } })) > 0) return false;
            if ((await tx.evidenceBlob.count({ where: { chunkSetId } })) > 0) return false;
            await tx.evidenceBlobChunk.deleteMany({ where: { chunkSetId } });
            return true;
          });
          if (deleted) removed++;
        }
        await yieldToEventLoop();
      }
    },
  };
}
