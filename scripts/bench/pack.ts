// Benchmark: one vendor's audit pack over ~1 GB of evidence.
//
// The bench writes 16 × 64 MiB of random bytes straight into the filesystem
// blob store of the bench data directory (content-addressed, as uploads are),
// fsyncs them, and registers them as the evidence of one vendor. It then
// times, on the same files, in alternating pairs:
//   - a plain read of the 16 files through the evidence store (1 MiB reads,
//     two in flight, as the pack reads them; bytes discarded);
//   - the audit pack as the download route builds it (planVendorPack +
//     streamPack: read, SHA-256 on a worker thread, CRC-32, ZIP, sign), output
//     discarded as a socket would take it.
// Twice: with the files in the page cache (reads run at memory speed, so this
// is the CPU-bound case), and with them evicted before every run (reads come
// from storage, as a gigabyte of evidence on a server usually does).
//
// Throughput = evidence bytes / time. The ratio is taken per pair and the
// median quoted: on these machines garbage collection alone swings a plain
// read between ~1 and ~5 GB/s from one run to the next (the GC column shows
// it), and a pair sees the same conditions. While the pack streams, RSS is
// sampled every 50 ms; growth = peak - RSS just before. Targets: >= 70% of the
// plain read, < 100 MB growth. Also printed: SHA-256 + CRC-32 of the same
// files on one thread (what the pack reached before hashing moved to a
// worker), and the bulk export path (buildPack to a file, which adds a 1 GB
// write) with verify-pack on its output.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { spawnSync } from "node:child_process";
import { createReadStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PerformanceObserver } from "node:perf_hooks";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import type { Actor } from "@/lib/server/actor";
import { dataDir } from "@/lib/server/data-dir";
import { db } from "@/lib/server/db";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { buildPack, streamPack } from "@/lib/server/pack/build-pack";
import { planVendorPack } from "@/lib/server/services/vendor-pack";
import { createVendorLists } from "@/lib/server/services/vendor-lists";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey } from "@/lib/server/signing/pack-key";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { line, ms } from "./stats";

const FILES = Number(process.env.BENCH_PACK_FILES || 16);
const FILE_MB = Number(process.env.BENCH_PACK_FILE_MB || 64);
const PAIRS = Number(process.env.BENCH_PACK_PAIRS || 7);
const REGIMES = ["page cache", "storage"] as const;
const MB = 1024 * 1024;

/** Random bytes, fast: AES-256-CTR keystream over zeros with a random key. */
function randomStream(total: number): Readable {
  const cipher = createCipheriv("aes-256-ctr", randomBytes(32), randomBytes(16));
  const zeros = Buffer.alloc(4 * MB);
  let left = total;
  return new Readable({
    read() {
      if (left === 0) return void this.push(null);
      const n = Math.min(zeros.length, left);
      left -= n;
      this.push(cipher.update(n === zeros.length ? zeros : zeros.subarray(0, n)));
    },
  });
}

/** Writes one file into the store's layout (<root>/<sha[0:2]>/<sha>) and returns its hash. */
async function writeBlob(root: string, size: number): Promise<string> {
  const tmp = path.join(root, `bench-${randomBytes(6).toString("hex")}.tmp`);
  const sha = createHash("sha256");
  await pipeline(
    randomStream(size),
    async function* (source) {
      for await (const chunk of source) {
        sha.update(chunk as Buffer);
        yield chunk;
      }
    },
    (await fs.open(tmp, "w", 0o600)).createWriteStream(),
  );
  const written = await fs.open(tmp, "r+");
  await written.sync().finally(() => written.close()); // clean pages: the storage runs can evict them
  const digest = sha.digest("hex");
  await fs.mkdir(path.join(root, digest.slice(0, 2)), { recursive: true, mode: 0o700 });
  await fs.rename(tmp, path.join(root, digest.slice(0, 2), digest));
  return digest;
}

function nullSink(): Writable {
  return new Writable({ highWaterMark: MB, write: (_chunk, _enc, done) => done() });
}

interface Run {
  ms: number;
  rssGrowth: number;
  /** Main-thread garbage collection during the run (PerformanceObserver "gc" entries). */
  gcMs: number;
}

/** Runs fn while sampling RSS every 50 ms; returns its time, the peak growth over the RSS just before, and its GC time. */
async function measured(fn: () => Promise<void>): Promise<Run> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  let gcMs = 0;
  const gc = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  gc.observe({ entryTypes: ["gc"] });
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const elapsed = performance.now() - t0;
  peak = Math.max(peak, process.memoryUsage().rss);
  await new Promise((resolve) => setImmediate(resolve)); // let the observer deliver the last entries
  gc.disconnect();
  return { ms: elapsed, rssGrowth: peak - base, gcMs };
}

/**
 * Drops the files' pages from the page cache: `dd iflag=nocache count=0` is
 * posix_fadvise(POSIX_FADV_DONTNEED), which needs no privileges. The files
 * were fsynced when written, so every page is clean and can go.
 */
async function evictFromPageCache(files: string[]): Promise<void> {
  for (const file of files) {
    const r = spawnSync("dd", [`if=${file}`, "iflag=nocache", "count=0", "status=none"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`could not evict ${file} from the page cache: ${r.stderr || r.error}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (bytes: number, millis: number) => bytes / MB / (millis / 1000);
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;

export async function benchPack(now: Date) {
  const totalBytes = FILES * FILE_MB * MB;
  console.log(`\n## Audit pack over ${FILES} × ${FILE_MB} MiB of evidence (${(totalBytes / MB / 1024).toFixed(2)} GiB, filesystem store; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.availableParallelism()} cores)`);
  const client = db();
  await client.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, settings: DEFAULT_SETTINGS }, update: {} });
  await client.$transaction((tx) => ensureControlCatalogue(tx));
  const user = await client.user.create({ data: { email: `bench-security-${Date.now()}@assay.local`, name: "Bench Security", role: "security", passwordHash: "x" } });
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: "security" };
  const vendor = await client.vendor.create({
    data: {
      name: "Bench Evidence BPO",
      searchName: "bench evidence bpo",
      legalName: "Bench Evidence BPO Ltd",
      country: "PH",
      ...createVendorLists({ services: ["chat"], industries: ["fintech"], dataCategories: ["contact_pii"] }),
      tier: "high",
      tierRank: 1,
      computedTier: "high",
    },
  });

  const store = filesystemStoreIn(dataDir());
  await fs.mkdir(store.root, { recursive: true, mode: 0o700 });
  const t0 = performance.now();
  const blobs: string[] = [];
  const keys: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const sha256 = await writeBlob(store.root, FILE_MB * MB);
    blobs.push(path.join(store.root, sha256.slice(0, 2), sha256));
    keys.push(sha256);
    await client.evidenceDocument.create({
      data: {
        vendorId: vendor.id,
        kind: i % 2 === 0 ? "soc2_report" : "pentest_report",
        fileKind: "pdf",
        sha256,
        sizeBytes: FILE_MB * MB,
        mimeType: "application/pdf",
        fileName: `evidence-${String(i + 1).padStart(2, "0")}.pdf`,
        uploadedById: user.id,
        effectiveDate: now.toISOString().slice(0, 10),
      },
    });
  }
  line("generated evidence files", ms(performance.now() - t0));

  const key = await loadOrCreatePackKey({ dataDir: dataDir(), env: {} });
  // The baseline reads through the evidence store, as the pack does (1 MiB
  // reads, two in flight); fs.createReadStream (one read at a time) is shown too.
  const plainRead = async () => {
    for (const key of keys) await pipeline(await store.get(key), nullSink());
  };
  const streamRead = async () => {
    for (const file of blobs) await pipeline(createReadStream(file, { highWaterMark: MB }), nullSink());
  };
  const packToSink = async () => {
    const plan = await planVendorPack({ actor, vendorId: vendor.id, pdfs: "latest", signer: key, store, renderPdf: null });
    const { stream, manifest } = streamPack(plan.options);
    await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>), nullSink());
    await manifest;
  };
  // The per-byte work no verifiable pack can skip, on one thread: SHA-256 (manifest) and CRC-32 (ZIP).
  const hashOnly = async () => {
    for (const file of blobs) {
      const sha = createHash("sha256");
      let crc = 0;
      for await (const chunk of createReadStream(file, { highWaterMark: MB }) as AsyncIterable<Buffer>) {
        sha.update(chunk);
        crc = crc32(chunk, crc);
      }
      sha.digest();
    }
  };

  for (const regime of REGIMES) {
    const cold = regime === "storage";
    const prepare = cold ? () => evictFromPageCache(blobs) : async () => undefined;
    if (!cold) await plainRead(); // warm the page cache
    const pairs: { read: Run; pack: Run }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternating order, so what one run leaves behind (garbage, cache state) falls on both alike.
      const runRead = async () => (await prepare(), measured(plainRead));
      const runPack = async () => (await prepare(), measured(packToSink));
      if (i % 2 === 0) {
        const read = await runRead();
        pairs.push({ read, pack: await runPack() });
      } else {
        const pack = await runPack();
        pairs.push({ read: await runRead(), pack });
      }
    }
    const ratios = pairs.map((p) => p.read.ms / p.pack.ms).sort((a, b) => a - b);
    const ratio = median(ratios);
    const readMs = median(pairs.map((p) => p.read.ms));
    const packMs = median(pairs.map((p) => p.pack.ms));
    const source = cold ? "evicted from the page cache before each run" : "from the page cache";
    console.log(`  ${PAIRS} alternating pairs, files ${source}:`);
    line("  plain read of the same files", `median ${ms(readMs)} (${mbps(totalBytes, readMs).toFixed(0)} MB/s), GC ${ms(median(pairs.map((p) => p.read.gcMs)))} per run`);
    line("  audit pack, streamed (download route)", `median ${ms(packMs)} (${mbps(totalBytes, packMs).toFixed(0)} MB/s), GC ${ms(median(pairs.map((p) => p.pack.gcMs)))} per run`);
    line("  pack / plain read, median of pairs", `${pct(ratio)} (pairs from ${pct(ratios[0]!)} to ${pct(ratios.at(-1)!)})`, ">= 70%", ratio >= 0.7);
    line("  peak RSS growth during the export", `${(Math.max(...pairs.map((p) => p.pack.rssGrowth)) / MB).toFixed(1)} MB (worst of ${PAIRS})`, "< 100 MB", pairs.every((p) => p.pack.rssGrowth < 100 * MB));
    const reference = async (label: string, fn: () => Promise<void>) => {
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) runs.push((await prepare(), await measured(fn)).ms);
      line(`  reference: ${label}`, `median ${ms(median(runs))} (${mbps(totalBytes, median(runs)).toFixed(0)} MB/s)`);
    };
    await reference("fs.createReadStream read", streamRead);
    if (!cold) await reference("read + SHA-256 + CRC-32 on one thread", hashOnly);
  }

  // The bulk export's path: the same pack written atomically to a file, then verified.
  const out = path.join(dataDir(), "bench-pack.zip");
  const plan = await planVendorPack({ actor, vendorId: vendor.id, pdfs: "latest", signer: key, store, renderPdf: null });
  const built = await measured(async () => {
    await buildPack({ ...plan.options, outputPath: out });
  });
  line("audit pack built to a file (bulk export path)", `${ms(built.ms)} (${mbps(totalBytes, built.ms).toFixed(0)} MB/s), RSS +${(built.rssGrowth / MB).toFixed(1)} MB`);
  const verified = await measured(async () => {
    const r = await verifyPack(out, { publicKeyPem: key.publicKeyPem() });
    if (!r.ok) throw new Error(`bench pack does not verify: ${r.problem}`);
  });
  line("verify-pack on it", `${ms(verified.ms)} (${mbps(totalBytes, verified.ms).toFixed(0)} MB/s)`);

  await fs.rm(out, { force: true });
  await Promise.all(blobs.map((b) => fs.rm(b, { force: true })));
}
