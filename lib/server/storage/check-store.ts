// `npm run cli -- check-store`: compares the evidence store with the document
// rows, reading every stored file once. Reports rows whose bytes are missing,
// bytes no row points at, and bytes whose size or SHA-256 is not what the
// row (and the key) says.
import { createHash } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { PrismaClient } from "../db";
import { BlobNotFoundError, type MaintainedBlobStore } from "./blob-store";
import { referencedKeys } from "./blob-references";

const BATCH = 500;

export interface StoreCheck {
  documents: number;
  blobs: number;
  rowsWithoutBytes: { documentId: string; sha256: string }[];
  bytesWithoutRows: { sha256: string; sizeBytes: number; touchedAt: string }[];
  hashMismatches: { sha256: string; problem: string }[];
}

export function storeProblems(check: StoreCheck): number {
  return check.rowsWithoutBytes.length + check.bytesWithoutRows.length + check.hashMismatches.length;
}

export async function checkStore({ store, client }: { store: MaintainedBlobStore; client: PrismaClient }): Promise<StoreCheck> {
  const check: StoreCheck = { documents: 0, blobs: 0, rowsWithoutBytes: [], bytesWithoutRows: [], hashMismatches: [] };
  // Documents first: each distinct blob is read once, whatever the number of rows sharing it.
  const verdicts = new Map<string, "ok" | "missing" | "bad">();
  let after: string | undefined;
  for (;;) {
    const rows = await client.evidenceDocument.findMany({
      where: after ? { id: { gt: after } } : {},
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, sha256: true, sizeBytes: true },
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    check.documents += rows.length;
    for (const row of rows) {
      let verdict = verdicts.get(row.sha256);
      if (!verdict) {
        const problem = await readAndCompare(store, row.sha256, row.sizeBytes);
        verdict = problem === null ? "ok" : problem === "missing" ? "missing" : "bad";
        if (verdict === "bad") check.hashMismatches.push({ sha256: row.sha256, problem: problem! });
        verdicts.set(row.sha256, verdict);
      }
      if (verdict === "missing") check.rowsWithoutBytes.push({ documentId: row.id, sha256: row.sha256 });
    }
    await yieldToEventLoop();
  }
  for await (const batch of store.listBlobs(BATCH)) {
    check.blobs += batch.length;
    const used = await referencedKeys(
      client,
      batch.map((b) => b.key),
    );
    for (const blob of batch) {
      if (!used.has(blob.key)) {
        check.bytesWithoutRows.push({ sha256: blob.key, sizeBytes: blob.sizeBytes, touchedAt: blob.touchedAt.toISOString() });
        // Unreferenced bytes are still checked: a damaged orphan is worth knowing about.
        const problem = await readAndCompare(store, blob.key, blob.sizeBytes);
        if (problem !== null && problem !== "missing") check.hashMismatches.push({ sha256: blob.key, problem });
      }
    }
  }
  return check;
}

/** null when the stored bytes have this size and hash; otherwise what is wrong. */
async function readAndCompare(store: MaintainedBlobStore, sha256: string, sizeBytes: number): Promise<string | null> {
  let body;
  try {
    body = await store.get(sha256);
  } catch (error) {
    if (error instanceof BlobNotFoundError) return "missing";
    throw error;
  }
  const hash = createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of body as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
    }
  } catch (error) {
    return `unreadable: ${error instanceof Error ? error.message : String(error)}`;
  }
  const actual = hash.digest("hex");
  if (actual !== sha256) return `content hashes to ${actual} (${size} bytes)`;
  if (size !== sizeBytes) return `${size} bytes stored, ${sizeBytes} recorded`;
  return null;
}
