// How packs are produced: atomically on disk (a failed or cancelled build
// leaves nothing behind), or streamed to a download with bounded buffering.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import yauzl from "yauzl";
import { buildPack, removeStalePartials, streamPack, PackSourceError, type PackEntry, type PackOptions } from "@/lib/server/pack/build-pack";
import { MANIFEST_PATH } from "@/lib/server/pack/manifest";
import { UnsafePackPathError } from "@/lib/server/pack/pack-paths";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey, type PackKey } from "@/lib/server/signing/pack-key";
import { generatedBytes } from "./pack-fixtures";

let tmp: string;
let key: PackKey;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-pack-out-"));
  key = await loadOrCreatePackKey({ dataDir: path.join(tmp, "data"), env: {} });
});
afterAll(async () => {
  if (tmp) await fs.rm(tmp, { recursive: true, force: true });
});

function options(entries: PackEntry[] | AsyncIterable<PackEntry>, extra: Partial<PackOptions> = {}): PackOptions {
  return {
    vendor: { id: "v1", name: "Acme" },
    generatedBy: { id: "u1", email: "a@example.com" },
    appVersion: "test",
    approvedAssessment: null,
    chainHeadHash: "0".repeat(64),
    entries,
    signer: key,
    ...extra,
  };
}

async function newDir(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await fs.mkdir(dir);
  return dir;
}

/** A source that fails after `okBytes`, like a storage read dying mid-file. */
function failingSource(okBytes: number): Readable {
  return Readable.from(
    (async function* () {
      yield Buffer.alloc(okBytes, 1);
      throw new Error("disk read failed");
    })(),
  );
}

/** ReadableStream's own async iterator is not in this project's TS DOM lib. */
async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

describe("buildPack writes atomically", () => {
  it("leaves no file behind when a source fails mid-stream", async () => {
    const dir = await newDir("fail");
    const out = path.join(dir, "pack.zip");
    await expect(
      buildPack({ ...options([{ path: "a.txt", source: () => "fine" }, { path: "evidence/x/b.bin", source: () => failingSource(3 << 20) }]), outputPath: out }),
    ).rejects.toThrow(/disk read failed/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("keeps a previous pack at the same path intact when a rebuild fails", async () => {
    const dir = await newDir("keep");
    const out = path.join(dir, "pack.zip");
    await buildPack({ ...options([{ path: "a.txt", source: () => "v1" }]), outputPath: out });
    const before = await fs.readFile(out);
    await expect(buildPack({ ...options([{ path: "b.bin", source: () => failingSource(10) }]), outputPath: out })).rejects.toThrow();
    expect(await fs.readdir(dir)).toEqual(["pack.zip"]);
    expect((await fs.readFile(out)).equals(before)).toBe(true);
  });

  it("fails, leaving nothing, when a stored file no longer matches the hash recorded at upload", async () => {
    const dir = await newDir("altered");
    const entry: PackEntry = { path: "evidence/soc2_report/r.pdf", source: () => "altered", expectedSha256: "0".repeat(64) };
    await expect(buildPack({ ...options([entry]), outputPath: path.join(dir, "p.zip") })).rejects.toThrow(PackSourceError);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("fails when a file's length differs from the size storage reported", async () => {
    const dir = await newDir("size");
    await expect(buildPack({ ...options([{ path: "x.bin", source: () => "12345", size: 4 }]), outputPath: path.join(dir, "p.zip") })).rejects.toThrow(/expected 4/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it.each([
    ["../escape.txt", UnsafePackPathError],
    ["/etc/passwd", UnsafePackPathError],
    ["evidence\\..\\x.txt", UnsafePackPathError],
    ["manifest.json", PackSourceError],
    ["README.txt", PackSourceError],
  ])("refuses the entry path %s and leaves nothing", async (bad, errorClass) => {
    const dir = await newDir(`path-${bad.replace(/\W/g, "_")}`);
    await expect(buildPack({ ...options([{ path: bad, source: () => "x" }]), outputPath: path.join(dir, "p.zip") })).rejects.toThrow(errorClass);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("refuses two entries with the same path", async () => {
    const dir = await newDir("dup");
    const entries = [{ path: "a.txt", source: () => "1" }, { path: "a.txt", source: () => "2" }];
    await expect(buildPack({ ...options(entries), outputPath: path.join(dir, "p.zip") })).rejects.toThrow(/duplicate/);
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it("stops and leaves nothing when cancelled through its AbortSignal", async () => {
    const dir = await newDir("abort");
    const controller = new AbortController();
    let closed = false;
    const endless = Readable.from(
      (async function* () {
        try {
          for (;;) yield Buffer.alloc(1 << 16);
        } finally {
          closed = true;
        }
      })(),
    );
    const build = buildPack({
      ...options([{ path: "evidence/x/endless.bin", source: () => endless }]),
      outputPath: path.join(dir, "p.zip"),
      signal: controller.signal,
      onProgress: (bytes) => {
        if (bytes > 5 << 20) controller.abort();
      },
    });
    await expect(build).rejects.toThrow(/abort/i);
    expect(await fs.readdir(dir)).toEqual([]);
    expect(closed).toBe(true);
  });

  it("reports progress in bytes and files", async () => {
    const dir = await newDir("progress");
    const calls: [number, number][] = [];
    const manifest = await buildPack({
      ...options([{ path: "a.bin", source: () => Buffer.alloc(3000) }, { path: "b.bin", source: () => Buffer.alloc(5000) }]),
      outputPath: path.join(dir, "p.zip"),
      onProgress: (bytes, filesDone) => calls.push([bytes, filesDone]),
    });
    const total = manifest.files.reduce((s, f) => s + f.size, 0);
    expect(calls.at(-1)).toEqual([total, manifest.files.length]);
    for (let i = 1; i < calls.length; i++) {
      expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
      expect(calls[i]![1]).toBeGreaterThanOrEqual(calls[i - 1]![1]);
    }
  });

  it("removeStalePartials deletes temp files a crashed process left, and nothing else", async () => {
    const dir = await newDir("stale");
    await fs.writeFile(path.join(dir, ".pack.zip.1234.partial"), "half");
    await fs.writeFile(path.join(dir, "pack.zip"), "done");
    expect(await removeStalePartials(dir)).toEqual([".pack.zip.1234.partial"]);
    expect(await fs.readdir(dir)).toEqual(["pack.zip"]);
  });
});

describe("streamPack", () => {
  it("streams 50 MiB with bounded buffering, and the result verifies", async () => {
    const size = 50 * 1024 * 1024;
    let produced = 0;
    let maxAhead = 0;
    async function* counted() {
      for await (const chunk of generatedBytes(size)) {
        produced += chunk.length;
        yield chunk;
      }
    }
    const { stream, manifest } = streamPack(options([{ path: "evidence/pen_test/scan.bin", source: () => counted() }]));
    const out = path.join(tmp, "streamed.zip");
    const handle = await fs.open(out, "w");
    let written = 0;
    for await (const chunk of chunksOf(stream)) {
      // A slow client: bytes produced may run ahead of bytes sent by a few chunks only.
      maxAhead = Math.max(maxAhead, produced - written);
      await handle.write(chunk);
      written += chunk.length;
    }
    await handle.close();
    // Bound: the 8 MiB read-ahead plus a few 1 MiB chunks in flight; the file is 50 MiB.
    expect(maxAhead).toBeLessThan(16 << 20);

    const resolved = await manifest;
    const result = await verifyPack(out, { publicKeyPem: key.publicKeyPem() });
    expect(result).toMatchObject({ ok: true, trusted: true });
    if (result.ok) expect(result.manifest).toEqual(resolved);
    expect(resolved.files.find((f) => f.path === "evidence/pen_test/scan.bin")?.size).toBe(size);
    // Entries from the zip's own directory: manifest written after the evidence.
    const zip = await yauzl.openPromise(out, { lazyEntries: true });
    const names: string[] = [];
    for await (const e of zip.eachEntry()) names.push(e.fileName);
    expect(names.indexOf(MANIFEST_PATH)).toBeGreaterThan(names.indexOf("evidence/pen_test/scan.bin"));
  });

  it("closes the source and rejects the manifest when the client goes away", async () => {
    let closed = false;
    async function* endless() {
      try {
        for (;;) yield Buffer.alloc(1 << 16, 2);
      } finally {
        closed = true;
      }
    }
    const { stream, manifest } = streamPack(options([{ path: "x.bin", source: () => endless() }]));
    const reader = stream.getReader();
    for (let i = 0; i < 10; i++) await reader.read();
    await reader.cancel();
    await expect(manifest).rejects.toThrow(/cancelled/);
    expect(closed).toBe(true);
  });

  it("errors the stream, and rejects the manifest, when a source fails", async () => {
    const { stream, manifest } = streamPack(options([{ path: "x.bin", source: () => failingSource(1000) }]));
    await expect(
      (async () => {
        for await (const _chunk of chunksOf(stream)) {
          /* drain */
        }
      })(),
    ).rejects.toThrow(/disk read failed/);
    await expect(manifest).rejects.toThrow(/disk read failed/);
  });
});
