// Helpers for the audit pack tests: a realistic fixture pack on disk, and
// ways to tamper with a finished archive the way an attacker could.
import { createCipheriv, createHash } from "node:crypto";
import { createReadStream, createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import yauzl from "yauzl";
import yazl from "yazl";
import { buildPack, type PackEntry } from "@/lib/server/pack/build-pack";
import type { PackManifest } from "@/lib/server/pack/manifest";
import type { PackKey } from "@/lib/server/signing/pack-key";

export const BIG_FILE_PATH = "evidence/pen_test/full-scan-Zürich 東京 🔐.bin";
export const SOC2_PATH = "evidence/soc2_report/SOC 2 Type II (2024).pdf";

/** Deterministic incompressible bytes, produced lazily: AES-256-CTR over zeros. */
export async function* generatedBytes(total: number, chunkSize = 1 << 20, seed = "assay"): AsyncGenerator<Buffer> {
  const cipher = createCipheriv("aes-256-ctr", createHash("sha256").update(seed).digest(), Buffer.alloc(16));
  for (let done = 0; done < total; ) {
    const n = Math.min(chunkSize, total - done);
    done += n;
    yield cipher.update(Buffer.alloc(n));
  }
}

export async function writeGeneratedFile(file: string, size: number): Promise<string> {
  const sha = createHash("sha256");
  const out = createWriteStream(file);
  await pipeline(
    generatedBytes(size),
    async function* (src) {
      for await (const chunk of src) {
        sha.update(chunk as Buffer);
        yield chunk;
      }
    },
    out,
  );
  return sha.digest("hex");
}

export interface FixtureFiles {
  dir: string;
  bigFile: string;
  bigSha256: string;
  soc2: string;
}

export async function writeFixtureFiles(dir: string, bigSize: number): Promise<FixtureFiles> {
  await fs.mkdir(dir, { recursive: true });
  const bigFile = path.join(dir, "big.bin");
  const bigSha256 = await writeGeneratedFile(bigFile, bigSize);
  const soc2 = path.join(dir, "soc2.pdf");
  await fs.writeFile(soc2, Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(40_000, 7), Buffer.from("\n%%EOF\n")]));
  return { dir, bigFile, bigSha256, soc2 };
}

export function fixtureEntries(files: FixtureFiles): PackEntry[] {
  const events = [
    { id: 1, at: "2025-03-01T09:00:00.000Z", action: "vendor.create", prevHash: "0".repeat(64), hash: "a".repeat(64) },
    { id: 7, at: "2025-03-02T10:00:00.000Z", action: "evidence.upload", prevHash: "b".repeat(64), hash: "c".repeat(64) },
  ];
  return [
    { path: "assessments/assessment-2025-03-01.pdf", source: () => Buffer.from("%PDF-1.7 fake assessment\n%%EOF\n") },
    { path: SOC2_PATH, source: () => createReadStream(files.soc2) },
    { path: BIG_FILE_PATH, source: () => createReadStream(files.bigFile, { highWaterMark: 1 << 20 }), expectedSha256: files.bigSha256 },
    { path: "clause-review.csv", source: () => "clause,status,note\nbreach_notification,missing,\"72h, not 24h\"\n" },
    { path: "clause-review.json", source: () => JSON.stringify([{ clause: "breach_notification", status: "missing" }]) },
    { path: "transfer-matrix.csv", source: () => "data_category,destination,mechanism\ncontact_pii,PH,SCCs\n" },
    { path: "transfer-matrix.json", source: () => JSON.stringify([{ dataCategory: "contact_pii", destination: "PH" }]) },
    { path: "dossier.json", source: () => JSON.stringify({ name: "Acme BPO", city: "Zürich" }) },
    { path: "audit-events.csv", source: () => "id,at,action,prevHash,hash\n" + events.map((e) => `${e.id},${e.at},${e.action},${e.prevHash},${e.hash}`).join("\n") + "\n" },
    { path: "audit-events.jsonl", source: () => events.map((e) => JSON.stringify(e)).join("\n") + "\n" },
  ];
}

export async function buildFixturePack(outputPath: string, files: FixtureFiles, key: PackKey): Promise<PackManifest> {
  return buildPack({
    outputPath,
    vendor: { id: "vendor-1", name: "Acme BPO Zürich" },
    generatedBy: { id: "user-1", email: "auditor@example.com" },
    generatedAt: new Date("2025-03-04T12:00:00.000Z"),
    appVersion: "0.1.0-test",
    approvedAssessment: { id: "assessment-1", score: 72, tier: "high", approvedAt: "2025-03-01T00:00:00.000Z" },
    chainHeadHash: "c".repeat(64),
    chainHeadEventId: 7,
    entries: fixtureEntries(files),
    signer: key,
  });
}

/** Absolute offset of an entry's data in the archive (after its local header). */
export async function entryDataOffset(zipPath: string, name: string): Promise<{ start: number; length: number }> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName === name) {
        const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
        return { start: fileDataStart, length: entry.compressedSize };
      }
    }
  } finally {
    zip.close();
  }
  throw new Error(`no entry ${name} in ${zipPath}`);
}

/** Copy of the archive with one byte of an entry's stored data inverted. */
export async function flipByteInEntry(src: string, dst: string, name: string, at?: number): Promise<void> {
  await fs.copyFile(src, dst);
  const { start, length } = await entryDataOffset(dst, name);
  const pos = start + (at ?? Math.floor(length / 2));
  const handle = await fs.open(dst, "r+");
  try {
    const b = Buffer.alloc(1);
    await handle.read(b, 0, 1, pos);
    b[0] = b[0]! ^ 0xff;
    await handle.write(b, 0, 1, pos);
  } finally {
    await handle.close();
  }
}

/**
 * Rebuild an archive entry by entry (as someone with zip tools would), dropping,
 * replacing or adding files. Everything else is copied byte for byte.
 */
export async function rewriteZip(
  src: string,
  dst: string,
  change: { drop?: string[]; replace?: Record<string, Buffer>; add?: Record<string, Buffer> },
): Promise<void> {
  const out = new yazl.ZipFile();
  const done = pipeline(out.outputStream, createWriteStream(dst));
  const zip = await yauzl.openPromise(src, { lazyEntries: true, autoClose: false });
  try {
    for await (const entry of zip.eachEntry()) {
      if (change.drop?.includes(entry.fileName)) continue;
      const replacement = change.replace?.[entry.fileName];
      if (replacement) {
        out.addBuffer(replacement, entry.fileName, { compress: false });
        continue;
      }
      const stream = await zip.openReadStreamPromise(entry);
      const parts: Buffer[] = [];
      for await (const chunk of stream) parts.push(chunk as Buffer);
      out.addBuffer(Buffer.concat(parts), entry.fileName, { compress: false });
    }
  } finally {
    zip.close();
  }
  for (const [name, data] of Object.entries(change.add ?? {})) out.addBuffer(data, name, { compress: false });
  out.end();
  await done;
}
