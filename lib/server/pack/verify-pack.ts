// Offline verification of an audit pack: the signatures, every file's hash,
// and that the archive holds exactly the files the manifest lists. Reports
// the FIRST problem, cheapest checks first (structure and signatures before
// hashing gigabytes). yauzl parses the central directory only; file data is
// read with 1 MiB reads straight from the archive (yauzl's own streams read
// 16 KiB at a time) and hashed as it streams, so memory stays flat.
import { createPublicKey, createHash, verify as cryptoVerify, type KeyObject } from "node:crypto";
import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { createInflateRaw, crc32 } from "node:zlib";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import {
  CONTROL_PATHS,
  MANIFEST_PATH,
  MANIFEST_SIG_PATH,
  PUBLIC_KEY_PATH,
  SUMS_PATH,
  SUMS_SIG_PATH,
  packManifestSchema,
  parseSha256Sums,
  type PackManifest,
} from "./manifest";
import { publicKeyFingerprint } from "@/lib/server/signing/pack-key";

export interface VerifyPackOptions {
  /** The organisation's public key, obtained out of band. Makes the result trusted. */
  publicKeyPem?: string;
  /** Alternatively, the published fingerprint of the key inside the pack. */
  fingerprint?: string;
}

export type VerifyPackResult =
  | {
      ok: true;
      fileCount: number;
      /** False when only the pack's own key was used: consistent, but anyone could have signed it. */
      trusted: boolean;
      keyFingerprint: string;
      manifest: PackManifest;
      message: string;
    }
  | { ok: false; problem: string };

const MAX_MANIFEST_BYTES = 256 * 1024 * 1024;
const MAX_SMALL_BYTES = 64 * 1024;
const READ_CHUNK = 1024 * 1024;

class Problem extends Error {}

export async function verifyPack(zipPath: string, opts: VerifyPackOptions = {}): Promise<VerifyPackResult> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, strictFileNames: true, validateEntrySizes: true });
  } catch (err) {
    return { ok: false, problem: `not a readable zip archive: ${(err as Error).message}` };
  }
  try {
    return await verifyOpenPack(zip, zipPath, opts);
  } catch (err) {
    if (err instanceof Problem) return { ok: false, problem: err.message };
    return { ok: false, problem: `corrupt archive: ${(err as Error).message}` };
  } finally {
    zip.close();
  }
}

async function verifyOpenPack(zip: ZipFile, zipPath: string, opts: VerifyPackOptions): Promise<VerifyPackResult> {
  const entries = new Map<string, Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      // Directory records carry no content; tools like `zip -r` add them.
      if (entry.fileName.endsWith("/") && entry.uncompressedSize === 0) continue;
      if (entries.has(entry.fileName)) throw new Problem(`duplicate file: ${entry.fileName}`);
      if (entry.isEncrypted()) throw new Problem(`encrypted file: ${entry.fileName}`);
      entries.set(entry.fileName, entry);
    }
  } catch (err) {
    // yauzl refuses absolute paths, "..", backslashes and broken records here.
    if (err instanceof Problem) throw err;
    throw new Problem(`invalid archive entry: ${(err as Error).message}`);
  }
  const need = (name: string): Entry => {
    const e = entries.get(name);
    if (!e) throw new Problem(`missing file: ${name}`);
    return e;
  };
  const read = (name: string, limit: number) => readWhole(zip, zipPath, need(name), limit);

  const manifestBytes = await read(MANIFEST_PATH, MAX_MANIFEST_BYTES);
  const manifestSig = await read(MANIFEST_SIG_PATH, MAX_SMALL_BYTES);
  const sumsBytes = await read(SUMS_PATH, MAX_MANIFEST_BYTES);
  const sumsSig = await read(SUMS_SIG_PATH, MAX_SMALL_BYTES);

  // The key: the one supplied (trusted), else the pack's own (trusted only if
  // its fingerprint matches the one supplied).
  let key: KeyObject;
  let trusted: boolean;
  if (opts.publicKeyPem !== undefined) {
    key = parsePublicKey(opts.publicKeyPem, "the key supplied");
    trusted = true;
  } else {
    key = parsePublicKey((await read(PUBLIC_KEY_PATH, MAX_SMALL_BYTES)).toString("utf8"), PUBLIC_KEY_PATH);
    trusted = false;
    if (opts.fingerprint !== undefined) {
      const wanted = normaliseFingerprint(opts.fingerprint);
      const actual = publicKeyFingerprint(key);
      if (wanted !== actual) throw new Problem(`untrusted key: ${PUBLIC_KEY_PATH} has fingerprint ${actual}, expected ${wanted}`);
      trusted = true;
    }
  }
  const keyFingerprint = publicKeyFingerprint(key);

  if (!cryptoVerify(null, manifestBytes, key, manifestSig)) {
    throw new Problem(`bad signature: ${MANIFEST_SIG_PATH} does not verify ${MANIFEST_PATH} with key ${keyFingerprint}`);
  }
  if (!cryptoVerify(null, sumsBytes, key, sumsSig)) {
    throw new Problem(`bad signature: ${SUMS_SIG_PATH} does not verify ${SUMS_PATH} with key ${keyFingerprint}`);
  }

  let manifest: PackManifest;
  try {
    manifest = packManifestSchema.parse(JSON.parse(manifestBytes.toString("utf8")));
  } catch (err) {
    throw new Problem(`malformed ${MANIFEST_PATH}: ${(err as Error).message.split("\n")[0]}`);
  }
  if (manifest.signature.publicKeyFingerprint !== keyFingerprint) {
    throw new Problem(`${MANIFEST_PATH} names signing key ${manifest.signature.publicKeyFingerprint} but was verified with ${keyFingerprint}`);
  }

  const listed = new Map<string, { size: number; sha256: string }>();
  for (const f of manifest.files) {
    if (listed.has(f.path) || CONTROL_PATHS.includes(f.path)) throw new Problem(`malformed ${MANIFEST_PATH}: lists ${f.path} twice or as content`);
    listed.set(f.path, f);
  }
  for (const f of manifest.files) if (!entries.has(f.path)) throw new Problem(`missing file: ${f.path}`);
  for (const name of entries.keys()) {
    if (!listed.has(name) && !CONTROL_PATHS.includes(name)) throw new Problem(`extra file: ${name}`);
  }

  // SHA256SUMS must say exactly what the manifest says (plus the manifest
  // itself), or an auditor using only sha256sum would check something else.
  const sums = parseSha256Sums(sumsBytes.toString("utf8"));
  if (!sums) throw new Problem(`malformed ${SUMS_PATH}`);
  const expectedSums = new Map([...listed].map(([p, f]) => [p, f.sha256]));
  expectedSums.set(MANIFEST_PATH, createHash("sha256").update(manifestBytes).digest("hex"));
  if (sums.length !== expectedSums.size) throw new Problem(`${SUMS_PATH} does not list the same files as ${MANIFEST_PATH}`);
  for (const line of sums) {
    if (expectedSums.get(line.path) !== line.sha256) throw new Problem(`${SUMS_PATH} disagrees with ${MANIFEST_PATH} about ${line.path}`);
  }

  // Sizes from the central directory first: a cheap early answer.
  for (const f of manifest.files) {
    const entry = entries.get(f.path)!;
    if (entry.uncompressedSize !== f.size) throw new Problem(`hash mismatch: ${f.path} (${entry.uncompressedSize} bytes, manifest says ${f.size})`);
  }
  // Then every byte, in archive order so the file is read front to back.
  const inOrder = [...manifest.files].sort((a, b) => entries.get(a.path)!.relativeOffsetOfLocalHeader - entries.get(b.path)!.relativeOffsetOfLocalHeader);
  for (const f of inOrder) {
    const entry = entries.get(f.path)!;
    const { sha256, crc, size } = await hashEntry(zip, zipPath, entry, f.size);
    if (size !== f.size || sha256 !== f.sha256) throw new Problem(`hash mismatch: ${f.path}`);
    if (crc !== entry.crc32) throw new Problem(`corrupt entry: ${f.path} (CRC-32 differs from the zip directory)`);
  }

  const count = manifest.files.length;
  const message = trusted
    ? `OK: ${count} files verified, signatures valid (key ${keyFingerprint})`
    : `OK (self-signed check only): ${count} files match the manifest, but it was signed by the key inside the pack (${keyFingerprint}); supply --key or --fingerprint to trust it`;
  return { ok: true, fileCount: count, trusted, keyFingerprint, manifest, message };
}

function parsePublicKey(pem: string, origin: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPublicKey(pem);
  } catch {
    throw new Problem(`${origin} is not a readable public key PEM`);
  }
  if (key.asymmetricKeyType !== "ed25519") throw new Problem(`${origin} is not an Ed25519 key`);
  return key;
}

export function normaliseFingerprint(value: string): string {
  return value.trim().toLowerCase().replace(/^sha256:/, "").replace(/[:\s]/g, "");
}

/** The entry's uncompressed bytes as a stream, with 1 MiB reads. */
async function openEntry(zip: ZipFile, zipPath: string, entry: Entry): Promise<Readable> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    throw new Problem(`unsupported compression method ${entry.compressionMethod}: ${entry.fileName}`);
  }
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  if (entry.compressedSize === 0) return Readable.from([]);
  const raw = createReadStream(zipPath, { start: fileDataStart, end: fileDataStart + entry.compressedSize - 1, highWaterMark: READ_CHUNK });
  if (entry.compressionMethod === 0) return raw;
  const inflater = createInflateRaw({ chunkSize: 64 * 1024 });
  raw.on("error", (err) => inflater.destroy(err));
  return raw.pipe(inflater);
}

async function hashEntry(zip: ZipFile, zipPath: string, entry: Entry, expectedSize: number): Promise<{ sha256: string; crc: number; size: number }> {
  const sha = createHash("sha256");
  let crc = 0;
  let size = 0;
  try {
    const stream = await openEntry(zip, zipPath, entry);
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      size += chunk.length;
      // A deflated entry could expand without bound (zip bomb): stop as soon
      // as it is longer than the manifest says.
      if (size > expectedSize) break;
      sha.update(chunk);
      crc = crc32(chunk, crc);
    }
  } catch (err) {
    if (err instanceof Problem) throw err;
    throw new Problem(`corrupt entry: ${entry.fileName} (${(err as Error).message})`);
  }
  return { sha256: sha.digest("hex"), crc, size };
}

async function readWhole(zip: ZipFile, zipPath: string, entry: Entry, limit: number): Promise<Buffer> {
  if (entry.uncompressedSize > limit) throw new Problem(`${entry.fileName} is implausibly large (${entry.uncompressedSize} bytes)`);
  const parts: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of (await openEntry(zip, zipPath, entry)) as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > limit) throw new Problem(`${entry.fileName} is implausibly large`);
      parts.push(chunk);
    }
  } catch (err) {
    if (err instanceof Problem) throw err;
    throw new Problem(`corrupt entry: ${entry.fileName} (${(err as Error).message})`);
  }
  return Buffer.concat(parts);
}
