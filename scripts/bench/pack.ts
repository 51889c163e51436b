// Issue 6 benchmark: one vendor's audit pack over ~1 GB of evidence.
//
// The bench writes 16 × 64 MiB of random bytes straight into the filesystem
// blob store of the bench data directory (content-addressed, as uploads are)
// and registers them as the evidence of one vendor. It then times, on the
// same files and alternating so the page cache treats both alike:
//   - a plain read of the 16 files (createReadStream, 1 MiB chunks, discarded);
//   - the audit pack as the download route builds it (planVendorPack +
//     streamPack: read, SHA-256, CRC-32, ZIP, sign), output discarded as a
//     socket would take it.
// Throughput = evidence bytes / time. While the pack streams, RSS is sampled
// every 50 ms; growth = peak - RSS just before. Targets: >= 70% of the plain
// read, < 100 MB growth. Also printed: the same read with only SHA-256 and
// CRC-32 (the work per byte that a verifiable ZIP cannot skip; when the plain
// read comes from the page cache it runs at memory speed, and this line, not
// the plain read, is the ceiling), and building the same pack to a file
// (buildPack, the bulk export path), which adds a 1 GB write.
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32 } from "node:zlib";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import type { Actor } from "@/lib/server/actor";
import { dataDir } from "@/lib/server/data-dir";
import { db } from "@/lib/server/db";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { buildPack, streamPack } from "@/lib/server/pack/build-pack";
import { planVendorPack } from "@/lib/server/pack/vendor-pack";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey } from "@/lib/server/signing/pack-key";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { line, ms } from "./stats";

const FILES = Number(process.env.BENCH_PACK_FILES || 16);
const FILE_MB = Number(process.env.BENCH_PACK_FILE_MB || 64);
const RUNS = 3;
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
  const digest = sha.digest("hex");
  await fs.mkdir(path.join(root, digest.slice(0, 2)), { recursive: true, mode: 0o700 });
  await fs.rename(tmp, path.join(root, digest.slice(0, 2), digest));
  return digest;
}

function nullSink(): Writable {
  return new Writable({ highWaterMark: MB, write: (_chunk, _enc, done) => done() });
}

/** Runs fn while sampling RSS every 50 ms; returns its time and the peak growth over the RSS just before. */
async function measured(fn: () => Promise<void>): Promise<{ ms: number; rssGrowth: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
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
  return { ms: elapsed, rssGrowth: peak - base };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (bytes: number, millis: number) => bytes / MB / (millis / 1000);

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
      services: ["chat"],
      industries: ["fintech"],
      dataCategories: ["contact_pii"],
      tier: "high",
      tierRank: 1,
      computedTier: "high",
    },
  });

  const store = filesystemStoreIn(dataDir());
  await fs.mkdir(store.root, { recursive: true, mode: 0o700 });
  const t0 = performance.now();
  const blobs: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const sha256 = await writeBlob(store.root, FILE_MB * MB);
    blobs.push(path.join(store.root, sha256.slice(0, 2), sha256));
    await client.evidenceDocument.create({
      data: {
        vendorId: vendor.id,
        kind: i % 2 === 0 ? "soc2_report" : "pen_test",
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
  const plainRead = async () => {
    for (const file of blobs) await pipeline(createReadStream(file, { highWaterMark: MB }), nullSink());
  };
  const packToSink = async () => {
    const plan = await planVendorPack({ actor, vendorId: vendor.id, pdfs: "latest", signer: key, store, renderPdf: null });
    const { stream, manifest } = streamPack(plan.options);
    await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>), nullSink());
    await manifest;
  };

  // The per-byte work no verifiable pack can skip: SHA-256 (manifest) and CRC-32 (ZIP) of every byte.
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

  await plainRead(); // warm the page cache the same way for all three
  const reads: number[] = [];
  const hashes: number[] = [];
  const packs: { ms: number; rssGrowth: number }[] = [];
  for (let i = 0; i < RUNS; i++) {
    reads.push((await measured(plainRead)).ms);
    hashes.push((await measured(hashOnly)).ms);
    packs.push(await measured(packToSink));
  }
  const readMbps = mbps(totalBytes, median(reads));
  const packMbps = mbps(totalBytes, median(packs.map((p) => p.ms)));
  const ratio = packMbps / readMbps;
  const growth = Math.max(...packs.map((p) => p.rssGrowth));
  line("plain read of the same files", `median ${ms(median(reads))} (${readMbps.toFixed(0)} MB/s)`);
  line("audit pack, streamed (download route path)", `median ${ms(median(packs.map((p) => p.ms)))} (${packMbps.toFixed(0)} MB/s)`);
  line("pack throughput / plain read", `${(ratio * 100).toFixed(0)}%`, ">= 70%", ratio >= 0.7);
  const hashMbps = mbps(totalBytes, median(hashes));
  line("read + SHA-256 + CRC-32 only (the ceiling)", `median ${ms(median(hashes))} (${hashMbps.toFixed(0)} MB/s); pack reaches ${((packMbps / hashMbps) * 100).toFixed(0)}% of it`);
  line("peak RSS growth during the export", `${(growth / MB).toFixed(1)} MB (worst of ${RUNS})`, "< 100 MB", growth < 100 * MB);

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
