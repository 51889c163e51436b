// The hand-written ZIP writer against two independent readers: Info-ZIP's
// unzip (what auditors use) and yauzl (what verify-pack uses), including the
// ZIP64 structures that large packs need.
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { zipStream, type ZipEntries, type ZipEntryInput, type ZipEntryWritten, type ZipProgress } from "@/lib/server/pack/zip-writer";
import type { Sha256Stream } from "@/lib/server/pack/sha256-offload";

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-zip-"));
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

const mtime = new Date(2025, 2, 4, 12, 30, 10);

async function writeZip(name: string, entries: ZipEntries, forceZip64 = false): Promise<{ file: string; written: ZipEntryWritten[] }> {
  const file = path.join(tmp, name);
  const written: ZipEntryWritten[] = [];
  await pipeline(Readable.from(zipStream(entries, { forceZip64, onEntry: (e) => written.push(e) })), createWriteStream(file));
  return { file, written };
}

async function readAll(file: string): Promise<Map<string, Buffer>> {
  const zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false, strictFileNames: true });
  const out = new Map<string, Buffer>();
  try {
    for await (const entry of zip.eachEntry()) {
      const parts: Buffer[] = [];
      for await (const chunk of await zip.openReadStreamPromise(entry)) parts.push(chunk as Buffer);
      out.set(entry.fileName, Buffer.concat(parts));
    }
  } finally {
    zip.close();
  }
  return out;
}

const sample = (): ZipEntryInput[] => [
  { path: "stored.bin", data: Buffer.from([0, 1, 2, 255]), compress: false, mtime },
  { path: "deflated.txt", data: ["hello ", "world\n".repeat(1000)], compress: true, mtime },
  { path: "empty-stored", data: Buffer.alloc(0), compress: false, mtime },
  { path: "empty-deflated.txt", data: [], compress: true, mtime },
  { path: "dir/Zürich 東京 🔐.txt", data: Buffer.from("unicode name"), compress: false, mtime },
];

describe.each([false, true])("zipStream (forceZip64 = %s)", (forceZip64) => {
  it("is read back identically by unzip and yauzl, with correct SHA-256 reported", async () => {
    const { file, written } = await writeZip(`sample-${forceZip64}.zip`, sample(), forceZip64);
    const test = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    expect(test.status, test.stdout + test.stderr).toBe(0);
    expect(test.stdout).toContain("No errors detected");

    const contents = await readAll(file);
    for (const entry of sample()) {
      const expected = Buffer.concat(
        (entry.data instanceof Uint8Array ? [entry.data] : [...(entry.data as Iterable<string | Uint8Array>)]).map((c) => (typeof c === "string" ? Buffer.from(c) : Buffer.from(c))),
      );
      expect(contents.get(entry.path)?.equals(expected)).toBe(true);
      const w = written.find((x) => x.path === entry.path)!;
      expect(w.size).toBe(expected.length);
      expect(w.sha256).toBe(createHash("sha256").update(expected).digest("hex"));
    }

    const listing = spawnSync("unzip", ["-Z", "-l", file], { encoding: "utf8" }).stdout;
    expect(listing).toMatch(/stored\.bin/);
    expect(listing).toContain("Zürich 東京 🔐.txt");
  });
});

it("writes ZIP64 end records for more than 65,535 entries", async () => {
  const count = 66_000;
  function* many(): Generator<ZipEntryInput> {
    for (let i = 0; i < count; i++) yield { path: `f/${i}.txt`, data: Buffer.from(String(i)), compress: false, mtime };
  }
  const { file } = await writeZip("many.zip", many());
  const zip = await yauzl.openPromise(file, { lazyEntries: true });
  expect(zip.entryCount).toBe(count);
  zip.close();
  const test = spawnSync("unzip", ["-tq", file], { encoding: "utf8" });
  expect(test.status, test.stdout + test.stderr).toBe(0);
}, 120_000);

it("propagates a source error instead of finishing the archive", async () => {
  async function* broken() {
    yield Buffer.from("partial");
    throw new Error("source broke");
  }
  for (const compress of [false, true]) {
    await expect(writeZip(`broken-${compress}.zip`, [{ path: "x", data: broken(), compress, mtime }])).rejects.toThrow(/source broke/);
  }
});

it("refuses duplicate entry names", async () => {
  const entries = [
    { path: "a", data: Buffer.from("1"), compress: false, mtime },
    { path: "a", data: Buffer.from("2"), compress: false, mtime },
  ];
  await expect(writeZip("dup.zip", entries)).rejects.toThrow(/duplicate/);
});

describe("hashes finishing after their bytes", () => {
  const MiB = 1024 * 1024;

  it("reports entries in order, and settled() waits until every earlier entry is reported", async () => {
    const big = randomBytes(3 * MiB); // hashed on the worker
    const seen: string[] = [];
    let atBarrier: string[] = [];
    async function* entries(zip: ZipProgress): AsyncGenerator<ZipEntryInput> {
      yield { path: "big.bin", data: big, compress: false, mtime };
      yield { path: "small.txt", data: Buffer.from("small"), compress: true, mtime };
      await zip.settled();
      atBarrier = [...seen];
      yield { path: "last.txt", data: Buffer.from("last"), compress: false, mtime };
    }
    const file = path.join(tmp, "settled.zip");
    await pipeline(Readable.from(zipStream(entries, { onEntry: (e) => seen.push(e.path) })), createWriteStream(file));
    expect(atBarrier).toEqual(["big.bin", "small.txt"]);
    expect(seen).toEqual(["big.bin", "small.txt", "last.txt"]);
    expect((await readAll(file)).get("big.bin")?.equals(big)).toBe(true);
  });

  it("fails the archive when a digest fails, before the central directory is written", async () => {
    const failing = (): Sha256Stream => ({
      update: () => undefined,
      digest: () => Promise.reject(new Error("hash worker gone")),
      abandon: () => undefined,
    });
    const chunks: Uint8Array[] = [];
    const run = (async () => {
      for await (const chunk of zipStream([{ path: "a.bin", data: Buffer.from("abc"), compress: false, mtime }], { sha256: failing })) chunks.push(chunk);
    })();
    await expect(run).rejects.toThrow(/hash worker gone/);
    const written = Buffer.concat(chunks);
    expect(written.includes(Buffer.from([0x50, 0x4b, 0x05, 0x06]))).toBe(false); // no end-of-central-directory record
  });

  it("stops at the next entry when onEntry rejects an earlier one", async () => {
    let pulled = 0;
    function* entries(): Generator<ZipEntryInput> {
      for (let i = 0; i < 50; i++) {
        pulled++;
        yield { path: `f${i}.bin`, data: randomBytes(MiB), compress: false, mtime };
      }
    }
    const onEntry = (e: ZipEntryWritten) => {
      if (e.path === "f0.bin") throw new Error("f0.bin does not match its upload hash");
    };
    const run = (async () => {
      for await (const _chunk of zipStream(entries(), { onEntry })) void _chunk;
    })();
    await expect(run).rejects.toThrow(/f0.bin does not match/);
    expect(pulled).toBeLessThan(50); // the archive stopped early, not after every entry
  });
});
