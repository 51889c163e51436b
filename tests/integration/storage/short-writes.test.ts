// A full disk must never leave a truncated file under its final name, nor a
// document that claims bytes the store does not hold. Two ways in: a stub at
// the storage interface (a file handle that writes short, lies or fails with
// ENOSPC), and a real 1 MiB tmpfs that fills up (needs root to mount; where
// mount is not allowed the test is reported as skipped, with the reason).
import { randomBytes } from "node:crypto";
import { type FileHandle, mkdir, mkdtemp, open, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { handleRoute } from "@/lib/server/route-errors";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { StorageFullError } from "@/lib/server/storage/blob-store";
import { FilesystemBlobStore, type FilesystemIo } from "@/lib/server/storage/filesystem-store";
import { ingestUpload } from "@/lib/server/storage/ingest-upload";
import { isStorageFull } from "@/lib/server/storage/write-fully";
import { chunked, realDocx } from "../../unit/storage/sample-files";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";
import { mountSmallDisk, warnSkipped } from "../helpers/tmpfs";

type Write = (buffer: Uint8Array, offset: number, length: number, position: number) => Promise<{ bytesWritten: number; buffer: Uint8Array }>;

/** Opens real files, but every write goes through `write` (given the real handle). */
function stubbedIo(write: (real: FileHandle, ...args: Parameters<Write>) => ReturnType<Write>): FilesystemIo {
  return {
    async open(file, flags, mode) {
      const real = await open(file, flags, mode);
      return new Proxy(real, {
        get(target, prop) {
          if (prop === "write") return (b: Uint8Array, o: number, l: number, p: number) => write(target, b, o, l, p);
          const value = Reflect.get(target, prop, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
      });
    },
  };
}

const enospc = () => Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC", errno: -28 });

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

describe("FilesystemBlobStore on a disk that writes short or fills up (stubbed handle)", () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), "assay-short-write-"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("keeps writing after a short write, so the stored file is complete", async () => {
    // The OS may store fewer bytes than asked and say so; the rest must still be written.
    const store = new FilesystemBlobStore(root, stubbedIo((real, b, o, l, p) => real.write(b, o, Math.max(1, Math.floor(l / 3)), p)));
    const data = randomBytes(300_000);
    const put = await store.put(chunked(data, 64 * 1024), { maxBytes: 1_000_000 });
    expect(put.sizeBytes).toBe(data.length);
    expect((await readFile(path.join(root, put.key.slice(0, 2), put.key))).equals(data)).toBe(true);
  });

  it("refuses, and keeps nothing, when the file on disk is not what was received", async () => {
    // A handle that reports full writes but stores only half of each: the re-read catches it.
    const store = new FilesystemBlobStore(root, stubbedIo(async (real, b, o, l, p) => {
      await real.write(b, o, Math.floor(l / 2), p);
      return { bytesWritten: l, buffer: b };
    }));
    await expect(store.put(chunked(randomBytes(200_000)), { maxBytes: 1_000_000 })).rejects.toThrow(/bytes|differs/);
    expect(await filesUnder(root)).toEqual([]);
  });

  it("turns ENOSPC part-way into StorageFullError (507) and removes the partial temp file", async () => {
    let written = 0;
    const store = new FilesystemBlobStore(root, stubbedIo(async (real, b, o, l, p) => {
      if (written >= 100_000) throw enospc();
      const n = Math.min(l, 100_000 - written);
      written += n;
      return real.write(b, o, n, p);
    }));
    const error = await store.put(chunked(randomBytes(300_000)), { maxBytes: 1_000_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageFullError);
    expect(error).toMatchObject({ code: "STORAGE_FULL" });
    expect(await filesUnder(root)).toEqual([]);
    const response = await handleRoute(async () => {
      throw error;
    });
    expect(response.status).toBe(507);
    expect(await response.json()).toMatchObject({ ok: false, code: "STORAGE_FULL", error: expect.stringMatching(/^Storage is full/) });
  });

  it("recognises a full database as storage full too", () => {
    expect(isStorageFull(new Error("SqliteError: database or disk is full"))).toBe(true);
    expect(isStorageFull(Object.assign(new Error("Invalid prisma call"), { cause: { code: "53100", message: "could not extend file: No space left on device" } }))).toBe(true);
    expect(isStorageFull(new Error("Unique constraint failed"))).toBe(false);
  });
});

const disk = await mountSmallDisk("1m");
const cannotMount = warnSkipped(disk, "Full-disk tests on a real 1 MiB tmpfs (the stubbed-handle tests still ran)") ? disk.skipped : null;
const mountPoint = "dir" in disk ? disk.dir : "";
const onFullDisk = cannotMount ? describe.skip : describe;

afterAll(async () => {
  if ("unmount" in disk) await disk.unmount();
});

onFullDisk(`a real 1 MiB tmpfs that fills up${cannotMount ? ` (SKIPPED: ${cannotMount})` : ""}`, () => {
  it("a blob larger than the free space is refused with StorageFullError and nothing is left; a small one then fits", async () => {
    const root = path.join(mountPoint, "evidence-a");
    const store = new FilesystemBlobStore(root);
    await expect(store.put(chunked(randomBytes(1_500_000), 64 * 1024), { maxBytes: 10_000_000 })).rejects.toBeInstanceOf(StorageFullError);
    expect(await filesUnder(root)).toEqual([]);
    const small = randomBytes(10_000);
    const put = await store.put(chunked(small), { maxBytes: 10_000_000 });
    expect((await readFile(path.join(root, put.key.slice(0, 2), put.key))).equals(small)).toBe(true);
    await rm(root, { recursive: true, force: true });
  });

  it("a DOCX whose scratch copy does not fit is refused with StorageFullError", async () => {
    const scratchDir = path.join(mountPoint, "scratch");
    await mkdir(scratchDir);
    const store = new FilesystemBlobStore(path.join(tmpdir(), `assay-unused-${process.pid}`));
    const docx = Buffer.concat([await realDocx(), randomBytes(1_500_000)]);
    await expect(ingestUpload({ store, stream: chunked(docx, 64 * 1024), declaredName: "policy.docx", maxBytes: 10_000_000, scratchDir })).rejects.toBeInstanceOf(StorageFullError);
    expect(await filesUnder(scratchDir)).toEqual([]);
    await rm(scratchDir, { recursive: true, force: true });
  });
});

forEachProvider("evidence upload on a full disk", (t) => {
  const saved = process.env.ASSAY_DATA_DIR;
  beforeAll(async () => {
    await ensureSettings();
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = saved;
  });

  (cannotMount ? it.skip : it)(`answers STORAGE_FULL and stores no document row${cannotMount ? ` (SKIPPED: ${cannotMount})` : ""}`, async () => {
    const actor = await makeActor("security");
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: `Full Disk ${t.provider}` } });
    const root = path.join(mountPoint, `evidence-${t.provider}`);
    const text = Buffer.alloc(1_500_000, "evidence text line\n");
    const error = await uploadEvidence({
      actor,
      input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-01" },
      stream: Readable.from(chunked(text, 64 * 1024)),
      declaredName: "big.txt",
      store: new FilesystemBlobStore(root),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "STORAGE_FULL", fieldErrors: { file: expect.stringMatching(/Storage is full/) } });
    expect(await t.db.evidenceDocument.count({ where: { vendorId: vendor.id } })).toBe(0);
    expect(await filesUnder(root)).toEqual([]);
    await rm(root, { recursive: true, force: true });
  });
});
