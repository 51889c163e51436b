// What the orphan sweep removes and what it must leave alone, on both stores
// and both providers: only blobs no document row points at, last touched
// before the grace period; staging older than the grace period; and never a
// blob that an upload of the same bytes is about to point a row at.
import { randomBytes } from "node:crypto";
import { mkdir, mkdtemp, readdir, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import type { MaintainedBlobStore } from "@/lib/server/storage/blob-store";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { FilesystemBlobStore } from "@/lib/server/storage/filesystem-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { SWEEP_GRACE_MS, sweepOrphans } from "@/lib/server/storage/sweep-orphans";
import { chunked } from "../../unit/storage/sample-files";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const HOURS_AGO = (h: number) => new Date(Date.now() - h * 3600_000);

forEachProvider("orphan sweep", (t) => {
  let sandbox: string;
  let actor: Actor;
  let vendorId: string;

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-sweep-"));
    await ensureSettings();
    actor = await makeActor("security");
    vendorId = (await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Sweep Vendor" } })).id;
  });
  afterAll(async () => {
    await rm(sandbox, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.db.evidenceDocument.deleteMany({});
    await t.db.evidenceBlobChunk.deleteMany({});
    await t.db.evidenceBlob.deleteMany({});
  });

  const upload = (store: MaintainedBlobStore, text: string) =>
    uploadEvidence({ actor, input: { vendorId, kind: "other", effectiveDate: "2026-01-01" }, stream: Readable.from([Buffer.from(text)]), declaredName: "note.txt", store });

  const stores: [string, () => Promise<{ store: MaintainedBlobStore; age: (key: string, at: Date) => Promise<void> }>][] = [
    [
      "filesystem",
      async () => {
        const store = new FilesystemBlobStore(await mkdtemp(path.join(sandbox, "fs-")));
        return { store, age: (key, at) => utimes(path.join(store.root, key.slice(0, 2), key), at, at) };
      },
    ],
    [
      "database",
      async () => ({
        store: new DatabaseBlobStore(prismaBlobTable(t.db)),
        age: async (key, at) => {
          await t.db.evidenceBlob.update({ where: { sha256: key }, data: { createdAt: at } });
        },
      }),
    ],
  ];

  for (const [kind, make] of stores) {
    describe(`${kind} store`, () => {
      it("removes old unreferenced blobs only: referenced and recent ones stay", async () => {
        const { store, age } = await make();
        const kept = (await upload(store, "referenced evidence\n")).document.sha256;
        const orphan = await store.put(chunked(Buffer.from("orphan bytes\n")), { maxBytes: 1000 });
        const young = await store.put(chunked(Buffer.from("upload in flight\n")), { maxBytes: 1000 });
        await age(kept, HOURS_AGO(5));
        await age(orphan.key, HOURS_AGO(5));

        const result = await sweepOrphans({ store, client: t.db, scratchDir: sandbox });
        expect(result.blobsRemoved).toEqual([orphan.key]);
        expect(await store.has(orphan.key)).toBe(false);
        expect(await store.has(kept)).toBe(true);
        expect(await store.has(young.key)).toBe(true);
      });

      it("leaves a blob alone once an upload of the same bytes has touched it", async () => {
        const { store, age } = await make();
        const bytes = Buffer.from("uploaded again while unreferenced\n");
        const first = await store.put(chunked(bytes), { maxBytes: 1000 });
        await age(first.key, HOURS_AGO(5));
        // The duplicate put happens; its document row is not written yet.
        const again = await store.put(chunked(bytes), { maxBytes: 1000 });
        expect(again.created).toBe(false);
        expect((await sweepOrphans({ store, client: t.db, scratchDir: sandbox })).blobsRemoved).toEqual([]);
        expect(await store.has(first.key)).toBe(true);
      });

      it("keeps the bytes when a document row appears while the sweep is deciding", async () => {
        const { store, age } = await make();
        const put = await store.put(chunked(Buffer.from("row arrives late\n")), { maxBytes: 1000 });
        await age(put.key, HOURS_AGO(5));
        const removed = await store.removeIfIdle(put.key, HOURS_AGO(1), async () => false);
        expect(removed).toBe(false);
        expect(await store.has(put.key)).toBe(true);
      });
    });
  }

  it("filesystem: old temp files and scratch directories go, fresh ones and set-aside blobs are kept or restored", async () => {
    const store = new FilesystemBlobStore(await mkdtemp(path.join(sandbox, "fs-")));
    const put = await store.put(chunked(Buffer.from("set aside by a sweep that crashed\n")), { maxBytes: 1000 });
    const tmp = path.join(store.root, "tmp");
    await mkdir(tmp, { recursive: true });
    // A sweep killed between its rename and its decision leaves the blob aside.
    await rename(path.join(store.root, put.key.slice(0, 2), put.key), path.join(tmp, `${put.key}.crashed.sweep`));
    await writeFile(path.join(tmp, "old.part"), "half");
    await writeFile(path.join(tmp, "fresh.part"), "half");
    await utimes(path.join(tmp, "old.part"), HOURS_AGO(2), HOURS_AGO(2));
    const scratch = await mkdtemp(path.join(sandbox, "scratch-"));
    await mkdir(path.join(scratch, "assay-upload-old"));
    await mkdir(path.join(scratch, "assay-upload-fresh"));
    await mkdir(path.join(scratch, "someone-else"));
    await utimes(path.join(scratch, "assay-upload-old"), HOURS_AGO(2), HOURS_AGO(2));
    await utimes(path.join(scratch, "someone-else"), HOURS_AGO(2), HOURS_AGO(2));

    const result = await sweepOrphans({ store, client: t.db, graceMs: SWEEP_GRACE_MS, scratchDir: scratch });
    expect(result).toMatchObject({ stagingRemoved: 1, scratchRemoved: 1 });
    expect((await readdir(tmp)).sort()).toEqual(["fresh.part"]);
    expect((await readdir(scratch)).sort()).toEqual(["assay-upload-fresh", "someone-else"]);
    // Restored, and (its mtime being fresh) not swept in the same run.
    expect((await stat(path.join(store.root, put.key.slice(0, 2), put.key))).isFile()).toBe(true);
  });

  it("database: chunk sets no blob names go once older than the grace period; fresh ones stay", async () => {
    const table = prismaBlobTable(t.db);
    const store = new DatabaseBlobStore(table);
    const kept = await store.put(chunked(randomBytes(5000)), { maxBytes: 10_000 });
    await table.writeChunk("crashed-upload", 0, randomBytes(10));
    await table.writeChunk("crashed-upload", 1, randomBytes(10));
    await table.writeChunk("in-flight-upload", 0, randomBytes(10));
    await t.db.evidenceBlobChunk.updateMany({ where: { chunkSetId: { in: ["crashed-upload"] } }, data: { createdAt: HOURS_AGO(2) } });
    await t.db.evidenceBlobChunk.updateMany({ where: { NOT: { chunkSetId: { in: ["crashed-upload", "in-flight-upload"] } } }, data: { createdAt: HOURS_AGO(2) } });

    const result = await sweepOrphans({ store, client: t.db, scratchDir: sandbox });
    expect(result.stagingRemoved).toBe(1);
    const left = (await t.db.evidenceBlobChunk.findMany({ select: { chunkSetId: true }, distinct: ["chunkSetId"] })).map((c) => c.chunkSetId);
    const blob = await t.db.evidenceBlob.findUniqueOrThrow({ where: { sha256: kept.key } });
    expect(left.sort()).toEqual([blob.chunkSetId, "in-flight-upload"].sort());
  });
});
