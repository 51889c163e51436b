// Removes what crashed uploads leave behind (see README.md in this folder):
// staging (temp files, chunk sets no blob names), blobs no document row points
// at, and upload scratch directories. Anything younger than the grace period
// is left alone: it may belong to an upload still in flight.
import { readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { PrismaClient } from "../db";
import type { BlobInventory } from "./blob-store";
import { isUnreferenced, referencedKeys } from "./blob-references";
import { SCRATCH_PREFIX } from "./ingest-upload";

/** Far longer than any upload takes between its first byte and its document row. */
export const SWEEP_GRACE_MS = 60 * 60 * 1000;
const BATCH = 500;

export interface SweepResult {
  blobsRemoved: string[];
  stagingRemoved: number;
  scratchRemoved: number;
}

export async function sweepOrphans({
  store,
  client,
  graceMs = SWEEP_GRACE_MS,
  now = new Date(),
  scratchDir = tmpdir(),
}: {
  store: BlobInventory;
  client: PrismaClient;
  graceMs?: number;
  now?: Date;
  scratchDir?: string;
}): Promise<SweepResult> {
  const cutoff = new Date(now.getTime() - graceMs);
  const stagingRemoved = await store.removeStaging(cutoff);
  const blobsRemoved: string[] = [];
  for await (const batch of store.listBlobs(BATCH)) {
    const idle = batch.filter((b) => b.touchedAt < cutoff).map((b) => b.key);
    const used = await referencedKeys(client, idle);
    for (const key of idle.filter((k) => !used.has(k))) {
      if (await store.removeIfIdle(key, cutoff, () => isUnreferenced(client, key))) blobsRemoved.push(key);
    }
    // Batches of async I/O, with a turn of the event loop between: requests keep being served.
    await yieldToEventLoop();
  }
  const scratchRemoved = await removeOldScratch(scratchDir, cutoff);
  return { blobsRemoved, stagingRemoved, scratchRemoved };
}

/** ZIP uploads are spooled to <tmp>/assay-upload-*; a crash leaves the directory. */
async function removeOldScratch(dir: string, cutoff: Date): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names.filter((n) => n.startsWith(SCRATCH_PREFIX))) {
    const full = path.join(dir, name);
    const s = await stat(full).catch(() => null);
    if (s?.isDirectory() && s.mtimeMs < cutoff.getTime()) {
      await rm(full, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
