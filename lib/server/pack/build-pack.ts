// Audit pack builder (docs/rules.md §10): one vendor's files streamed into a ZIP,
// each hashed while it streams, then manifest.json, its signature, SHA256SUMS
// and its signature written LAST, once every hash is known. Nothing is read
// twice and nothing is held whole in memory: one chunk per stage, and each
// entry's source is opened only when its turn comes.
//
// buildPack writes a file atomically (temp file in the target directory,
// renamed on success, deleted on failure) so a failed or cancelled export
// never leaves a half-written archive under the final name. streamPack gives
// a web ReadableStream for the download route; the manifest is computed on
// the fly and resolves when the last byte has been produced.
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream, promises as fs } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CONTROL_PATHS,
  MANIFEST_PATH,
  MANIFEST_SIG_PATH,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PUBLIC_KEY_PATH,
  README_PATH,
  RESERVED_PATHS,
  SUMS_PATH,
  SUMS_SIG_PATH,
  renderSha256Sums,
  serializeManifest,
  type PackFile,
  type PackManifest,
} from "./manifest";
import { assertSafePackPath } from "./pack-paths";
import { renderPackReadme } from "./readme-text";
import { zipStream, type ZipEntryInput, type ZipEntryWritten, type ZipProgress } from "./zip-writer";
import { CHAIN_VERSION } from "@/lib/domain/audit/hash-chain";

export type PackSource = Readable | AsyncIterable<Uint8Array | string> | Uint8Array | string;

export interface PackEntry {
  /** Safe relative path, e.g. "evidence/soc2_report/report.pdf" (PackPathAllocator makes one). */
  path: string;
  /** Opened only when the entry's turn comes, so one file is open at a time. */
  source: () => PackSource | Promise<PackSource>;
  /** Default: deflate text formats (csv, json, jsonl, txt...), store everything else. */
  compress?: boolean;
  /** Bytes expected (from storage metadata); a different count fails the pack. */
  size?: number;
  /** SHA-256 recorded at upload; a different hash fails the pack (stored file altered). */
  expectedSha256?: string;
}

export interface PackSigner {
  sign(data: Uint8Array): Uint8Array;
  publicKeyPem(): string;
  fingerprint(): string;
}

export interface PackOptions {
  vendor: { id: string; name: string };
  generatedBy: { id: string; email?: string | null; name?: string | null };
  /** Defaults to now; tests pass a fixed instant. */
  generatedAt?: Date;
  appVersion: string;
  /** Opaque, JSON-serialisable summary of the latest approved assessment (null if none). */
  approvedAssessment: unknown;
  /** Head of the audit chain when generation started (GENESIS_HASH if the log is empty). */
  chainHeadHash: string;
  chainHeadEventId?: number | null;
  entries: AsyncIterable<PackEntry> | Iterable<PackEntry>;
  signer: PackSigner;
  onProgress?: (bytesDone: number, filesDone: number) => void;
  signal?: AbortSignal;
}

export class PackSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PackSourceError";
  }
}

/** Temp files of interrupted builds end in this; see removeStalePartials(). */
export const PARTIAL_SUFFIX = ".partial";

export async function buildPack(opts: PackOptions & { outputPath: string; onOutput?: (chunk: Uint8Array) => void }): Promise<PackManifest> {
  const outputPath = path.resolve(opts.outputPath);
  const dir = path.dirname(outputPath);
  // Same directory as the target, so the rename cannot cross file systems.
  const tmp = partialPathFor(outputPath);
  const { chunks, manifest } = createPackStream(opts);
  const onOutput = opts.onOutput;
  // onOutput sees the archive's bytes as written (e.g. to hash the whole file without reading it again).
  const output = onOutput
    ? (async function* () {
        for await (const chunk of chunks) {
          onOutput(chunk);
          yield chunk;
        }
      })()
    : chunks;
  try {
    await pipeline(Readable.from(output), createWriteStream(tmp, { flags: "wx", mode: 0o600 }), opts.signal ? { signal: opts.signal } : {});
    await fsyncPath(tmp, "r+");
    await fs.rename(tmp, outputPath);
    await fsyncPath(dir, "r").catch(() => undefined); // directory fsync is not possible everywhere (Windows)
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  return manifest;
}

export function streamPack(opts: PackOptions): { stream: ReadableStream<Uint8Array>; manifest: Promise<PackManifest> } {
  const { chunks, manifest } = createPackStream(opts);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
    async cancel() {
      // The client went away: closes the evidence file being read.
      await chunks.return(undefined);
    },
  });
  return { stream, manifest };
}

/** A fresh temp name for `outputPath` (same directory); removePartialsOf() finds these. */
function partialPathFor(outputPath: string): string {
  return path.join(path.dirname(outputPath), `.${path.basename(outputPath)}.${randomUUID()}${PARTIAL_SUFFIX}`);
}

/** Delete the temp files of one interrupted build of `outputPath`, and nothing else. */
export async function removePartialsOf(outputPath: string): Promise<string[]> {
  const dir = path.dirname(path.resolve(outputPath));
  const prefix = `.${path.basename(outputPath)}.`;
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const stale = names.filter((n) => n.startsWith(prefix) && n.endsWith(PARTIAL_SUFFIX));
  await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
  return stale;
}

/** Delete temp files left in `dir` by a crashed process (a bulk export job calls this on start). */
export async function removeStalePartials(dir: string): Promise<string[]> {
  const names = await fs.readdir(dir);
  const stale = names.filter((n) => n.startsWith(".") && n.endsWith(PARTIAL_SUFFIX));
  await Promise.all(stale.map((n) => fs.rm(path.join(dir, n), { force: true })));
  return stale;
}

const TEXT_EXTENSIONS = new Set([".csv", ".json", ".jsonl", ".txt", ".md", ".xml", ".html", ".htm", ".pem", ".log", ".svg"]);

function shouldCompress(p: string): boolean {
  return TEXT_EXTENSIONS.has(path.posix.extname(p).toLowerCase());
}

function createPackStream(opts: PackOptions): { chunks: AsyncGenerator<Uint8Array, void, undefined>; manifest: Promise<PackManifest> } {
  let settle!: { resolve: (m: PackManifest) => void; reject: (e: unknown) => void };
  const manifest = new Promise<PackManifest>((resolve, reject) => (settle = { resolve, reject }));
  // Callers streaming a download may never await the manifest; a failed pack
  // must not then crash the process with an unhandled rejection.
  manifest.catch(() => undefined);

  const generatedAt = opts.generatedAt ?? new Date();
  const files: PackFile[] = [];
  const expectations = new Map<string, { size?: number; sha256?: string }>();
  let bytesDone = 0;
  let finalManifest: PackManifest | null = null;
  // Progress counts content only, not the manifest and signatures written last.
  let writingControlFiles = false;

  function onData(bytes: number): void {
    opts.signal?.throwIfAborted();
    if (writingControlFiles) return;
    bytesDone += bytes;
    opts.onProgress?.(bytesDone, files.length);
  }

  function onEntry(e: ZipEntryWritten): void {
    if (CONTROL_PATHS.includes(e.path)) return;
    const expected = expectations.get(e.path);
    if (expected?.size !== undefined && expected.size !== e.size) {
      throw new PackSourceError(`${e.path}: read ${e.size} bytes, expected ${expected.size} (file changed while packing?)`);
    }
    if (expected?.sha256 !== undefined && expected.sha256 !== e.sha256) {
      throw new PackSourceError(`${e.path}: SHA-256 differs from the hash recorded at upload (stored file altered?)`);
    }
    files.push({ path: e.path, size: e.size, sha256: e.sha256 });
    opts.onProgress?.(bytesDone, files.length);
  }

  async function* entries(zip: ZipProgress): AsyncGenerator<ZipEntryInput> {
    const mtime = generatedAt;
    const readme = renderPackReadme({
      vendorName: opts.vendor.name,
      vendorId: opts.vendor.id,
      generatedAt: generatedAt.toISOString(),
      appVersion: opts.appVersion,
      keyFingerprint: opts.signer.fingerprint(),
    });
    yield { path: README_PATH, data: Buffer.from(readme, "utf8"), compress: true, mtime };
    yield { path: PUBLIC_KEY_PATH, data: Buffer.from(opts.signer.publicKeyPem(), "utf8"), compress: false, mtime };

    for await (const entry of opts.entries) {
      opts.signal?.throwIfAborted();
      assertSafePackPath(entry.path);
      if (RESERVED_PATHS.includes(entry.path)) throw new PackSourceError(`${entry.path} is written by the pack builder itself`);
      expectations.set(entry.path, { size: entry.size, sha256: entry.expectedSha256 });
      const source = await entry.source();
      yield {
        path: entry.path,
        data: typeof source === "string" ? Buffer.from(source, "utf8") : source,
        compress: entry.compress ?? shouldCompress(entry.path),
        mtime,
        zip64: (entry.size ?? 0) >= 0xffffffff,
      };
    }

    // The last hashes may still be on the worker; once settled, every content
    // file has passed onEntry and is in `files`.
    await zip.settled();
    writingControlFiles = true;
    finalManifest = {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      vendor: { id: opts.vendor.id, name: opts.vendor.name },
      generatedAt: generatedAt.toISOString(),
      // Picked field by field: a caller passing a whole user row must not leak it.
      generatedBy: { id: opts.generatedBy.id, email: opts.generatedBy.email ?? null, name: opts.generatedBy.name ?? null },
      appVersion: opts.appVersion,
      approvedAssessment: opts.approvedAssessment ?? null,
      auditChain: { algorithm: CHAIN_VERSION, headHash: opts.chainHeadHash, headEventId: opts.chainHeadEventId ?? null },
      signature: { algorithm: "Ed25519", publicKeyFingerprint: opts.signer.fingerprint(), publicKeyPath: PUBLIC_KEY_PATH },
      files: [...files],
    };
    const manifestBytes = serializeManifest(finalManifest);
    const sums = renderSha256Sums([...files, { path: MANIFEST_PATH, sha256: createHash("sha256").update(manifestBytes).digest("hex") }]);
    yield { path: MANIFEST_PATH, data: manifestBytes, compress: false, mtime };
    yield { path: MANIFEST_SIG_PATH, data: opts.signer.sign(manifestBytes), compress: false, mtime };
    yield { path: SUMS_PATH, data: sums, compress: false, mtime };
    yield { path: SUMS_SIG_PATH, data: opts.signer.sign(sums), compress: false, mtime };
  }

  const chunks = (async function* () {
    let finished = false;
    try {
      yield* zipStream(entries, { onEntry, onData });
      finished = true;
      settle.resolve(finalManifest!);
    } catch (err) {
      settle.reject(err);
      throw err;
    } finally {
      if (!finished) settle.reject(new Error("audit pack generation was cancelled"));
    }
  })();
  return { chunks, manifest };
}

async function fsyncPath(p: string, flags: "r" | "r+"): Promise<void> {
  const handle = await fs.open(p, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
