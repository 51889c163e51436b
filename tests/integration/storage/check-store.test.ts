// check-store reads every stored file: a file whose bytes changed (same size),
// a truncated file, a missing file and bytes no row points at are each
// reported, on both stores, and the command exits 1; a clean store exits 0.
import { mkdtemp, rm, truncate, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { checkStore, storeProblems } from "@/lib/server/storage/check-store";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { runCli } from "../cli/run-cli";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("check-store", (t) => {
  let sandbox: string;
  let actor: Actor;
  let vendorId: string;
  const saved = process.env.ASSAY_DATA_DIR;

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-check-store-"));
    process.env.ASSAY_DATA_DIR = sandbox;
    await ensureSettings();
    actor = await makeActor("security");
    vendorId = (await createVendor({ actor: await makeActor("procurement"), input: { ...validVendor, name: "Check Store Vendor" } })).id;
  });
  afterAll(async () => {
    if (saved === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = saved;
    await rm(sandbox, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await t.db.evidenceDocument.deleteMany({});
    await t.db.evidenceBlobChunk.deleteMany({});
    await t.db.evidenceBlob.deleteMany({});
    await rm(path.join(sandbox, "evidence"), { recursive: true, force: true });
  });

  const upload = async (store: Parameters<typeof uploadEvidence>[0]["store"], text: string) =>
    (await uploadEvidence({ actor, input: { vendorId, kind: "other", effectiveDate: "2026-01-01" }, stream: Readable.from([Buffer.from(text)]), declaredName: "n.txt", store })).document;

  it("filesystem: reports changed, truncated and missing files and orphan bytes; exit 1, then 0 when clean", async () => {
    const store = filesystemStoreIn();
    const file = (sha: string) => path.join(store.root, sha.slice(0, 2), sha);
    const env = { DATABASE_URL: t.url, ASSAY_DATA_DIR: sandbox };
    const clean = await upload(store, "clean evidence\n");
    expect((await runCli(["check-store"], env)).code).toBe(0);

    const changed = await upload(store, "bytes that will change\n");
    const shortened = await upload(store, "bytes that will be cut short\n");
    const missing = await upload(store, "bytes that will vanish\n");
    const orphan = await store.put(Readable.from([Buffer.from("nobody points here\n")]), { maxBytes: 1000 });
    await writeFile(file(changed.sha256), "bytes that will CHANGE\n");
    await truncate(file(shortened.sha256), 5);
    await unlink(file(missing.sha256));

    const check = await checkStore({ store, client: t.db });
    expect(check.rowsWithoutBytes).toEqual([{ documentId: missing.id, sha256: missing.sha256 }]);
    expect(check.bytesWithoutRows.map((b) => b.sha256)).toEqual([orphan.key]);
    expect(check.hashMismatches.map((m) => m.sha256).sort()).toEqual([changed.sha256, shortened.sha256].sort());
    expect(check.hashMismatches.find((m) => m.sha256 === changed.sha256)?.problem).toMatch(/^content hashes to [0-9a-f]{64}/);
    expect(storeProblems(check)).toBe(4);
    expect(check.documents).toBe(4);
    // The untouched file is not reported.
    expect([...check.hashMismatches, ...check.rowsWithoutBytes].map((p) => p.sha256)).not.toContain(clean.sha256);

    const cli = await runCli(["check-store", "--json"], env);
    expect(cli.code).toBe(1);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ok: false, rowsWithoutBytes: [{ documentId: missing.id }] });
  });

  it("database: reports a chunk whose bytes changed and a blob row whose chunks are gone", async () => {
    const store = new DatabaseBlobStore(prismaBlobTable(t.db));
    const changed = await upload(store, "database bytes that will change\n");
    const gone = await upload(store, "database bytes that will vanish\n");
    const changedBlob = await t.db.evidenceBlob.findUniqueOrThrow({ where: { sha256: changed.sha256 } });
    await t.db.evidenceBlobChunk.update({ where: { chunkSetId_seq: { chunkSetId: changedBlob.chunkSetId, seq: 0 } }, data: { bytes: new Uint8Array(Buffer.from("database bytes that will CHANGE\n")) } });
    const goneBlob = await t.db.evidenceBlob.findUniqueOrThrow({ where: { sha256: gone.sha256 } });
    await t.db.evidenceBlobChunk.deleteMany({ where: { chunkSetId: goneBlob.chunkSetId } });

    const check = await checkStore({ store, client: t.db });
    expect(check.hashMismatches.map((m) => m.sha256).sort()).toEqual([changed.sha256, gone.sha256].sort());
    expect(check.hashMismatches.find((m) => m.sha256 === gone.sha256)?.problem).toMatch(/^unreadable: .*missing chunk 0/);
    expect(storeProblems(check)).toBe(2);
  });
});
