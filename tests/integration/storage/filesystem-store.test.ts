import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FilesystemBlobStore, filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { chunked, utf8 } from "../../unit/storage/sample-files";
import { describeBlobStoreContract, type StoreHarness } from "./blob-store-contract";

const BLOB_PATH = /^data\/evidence\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

/** A throwaway sandbox: <sandbox>/data/evidence is the store, <sandbox>/scratch the ingest scratch dir. */
async function filesystemHarness(): Promise<StoreHarness & { sandbox: string; store: FilesystemBlobStore }> {
  const sandbox = await mkdtemp(path.join(tmpdir(), "assay-fs-store-"));
  const scratchDir = path.join(sandbox, "scratch");
  await mkdir(scratchDir);
  const store = filesystemStoreIn(path.join(sandbox, "data"));
  const blobKeys = async () =>
    (await listFiles(sandbox)).flatMap((f) => {
      const m = BLOB_PATH.exec(f);
      // A blob must sit in the shard named after its own first two hex digits.
      return m && m[2]?.startsWith(m[1] ?? "") ? [m[2]] : [];
    });
  return {
    sandbox,
    store,
    scratchDir,
    storedKeys: async () => (await blobKeys()).sort(),
    leftovers: async () => {
      const files = (await listFiles(sandbox)).filter((f) => !BLOB_PATH.test(f));
      const scratch = (await readdir(scratchDir)).map((d) => `scratch/${d}`);
      return [...new Set([...files, ...scratch])];
    },
    allFiles: () => listFiles(sandbox),
    dispose: () => rm(sandbox, { recursive: true, force: true }),
  };
}

describeBlobStoreContract("FilesystemBlobStore", filesystemHarness);

describe("FilesystemBlobStore: on-disk layout", () => {
  let h: Awaited<ReturnType<typeof filesystemHarness>>;
  beforeEach(async () => {
    h = await filesystemHarness();
  });
  afterEach(async () => {
    await h.dispose();
  });

  it("writes <dataDir>/evidence/<sha[0:2]>/<sha>, private to the app user", async () => {
    const put = await h.store.put(chunked(utf8("private evidence")), { maxBytes: 100 });
    const file = path.join(h.sandbox, "data", "evidence", put.sha256.slice(0, 2), put.sha256);
    const fileStat = await stat(file);
    expect(fileStat.size).toBe(put.sizeBytes);
    if (process.platform !== "win32") {
      expect(fileStat.mode & 0o777).toBe(0o600);
      expect((await stat(path.dirname(file))).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(h.sandbox, "data", "evidence"))).mode & 0o777).toBe(0o700);
    }
  });

  it("refuses a relative root, which would depend on the working directory", () => {
    expect(() => new FilesystemBlobStore("data/evidence")).toThrow(/absolute/);
  });

  it("replaces a damaged copy (wrong size) instead of trusting it as a duplicate", async () => {
    const data = utf8("the real bytes");
    const first = await h.store.put(chunked(data), { maxBytes: 100 });
    const file = path.join(h.store.root, first.key.slice(0, 2), first.key);
    await writeFile(file, "trunc");
    const again = await h.store.put(chunked(data), { maxBytes: 100 });
    expect(again.created).toBe(true);
    expect((await stat(file)).size).toBe(data.length);
  });

  it("sweeps temp files a crash left behind, and only old ones", async () => {
    const tempDir = path.join(h.store.root, "tmp");
    await mkdir(tempDir, { recursive: true });
    const stale = path.join(tempDir, "crashed.part");
    const fresh = path.join(tempDir, "in-flight.part");
    await writeFile(stale, "half");
    await writeFile(fresh, "half");
    const now = new Date();
    const twoHoursAgo = new Date(now.getTime() - 2 * 3600_000);
    await utimes(stale, twoHoursAgo, twoHoursAgo);
    expect(await h.store.removeStaging(new Date(now.getTime() - 3600_000))).toBe(1);
    expect(await readdir(tempDir)).toEqual(["in-flight.part"]);
  });
});
