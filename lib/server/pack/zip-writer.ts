// A minimal streaming ZIP writer that also SHA-256-hashes every entry while
// it streams, so an audit pack reads each evidence file exactly once.
//
// Why not yazl: yazl computes CRC-32 in JavaScript (buffer-crc32, ~400 MB/s
// measured) through four stream stages per entry, which capped packing at a
// fraction of disk read speed. Here each chunk is handed to node:zlib's native
// crc32 (~4 GB/s) on this thread and to SHA-256 on a worker thread
// (sha256-offload.ts), so hashing overlaps with reading and writing. Sizes,
// offsets and CRCs are known when the central directory is written.
// Measured on 1 GiB to a file: yazl (store, no SHA-256) 110-160 MB/s, this
// writer (store, with SHA-256 on this thread) 240-530 MB/s on the same, busy,
// machine; see `npm run bench pack` for the figures with the worker.
//
// An entry's SHA-256 arrives after its bytes are written: the writer goes on
// with the next entry meanwhile and reports entries (onEntry) in order as
// their digests come in. A generator that needs every earlier result (to
// write a manifest last) awaits `settled()` of the ZipProgress it is given.
//
// Each source is read up to 8 MiB ahead of the hashing (read-ahead.ts), so a
// slow source keeps fetching while the CPU hashes.
//
// Format notes (APPNOTE 6.3.x):
// - Every entry uses a data descriptor (general purpose bit 3): sizes and CRC
//   follow the data, so nothing is buffered or rewritten (output may be an
//   HTTP response). Bit 11 marks names as UTF-8.
// - ZIP64 is used only where needed: an entry whose size is unknown up front
//   but turns out >= 4 GiB gets a 64-bit data descriptor (as Go's archive/zip
//   does); readers take sizes from the central directory, which gets the ZIP64
//   extra field; more than 65534 entries or offsets >= 4 GiB add the ZIP64 end
//   records. `zip64: true` on an entry (known to be large) also puts the ZIP64
//   extra field in its local header, for strict streaming readers.
import { Readable } from "node:stream";
import { createDeflateRaw, crc32 } from "node:zlib";
import { readAhead } from "./read-ahead";
import { sha256Stream, type Sha256Stream } from "./sha256-offload";

export interface ZipEntryInput {
  /** Already validated (see pack-paths.ts); written as UTF-8. */
  path: string;
  data: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | Uint8Array;
  /** Deflate (for text) or store (for already-compressed files such as PDFs). */
  compress: boolean;
  mtime: Date;
  /** The caller knows the entry is >= 4 GiB: write ZIP64 fields from the start. */
  zip64?: boolean;
}

export interface ZipEntryWritten {
  path: string;
  size: number;
  compressedSize: number;
  crc32: number;
  sha256: string;
}

export interface ZipStreamOptions {
  /** Called once per entry, in entry order, when its SHA-256 is known. May throw to abort the archive. */
  onEntry?: (entry: ZipEntryWritten) => void;
  /** Called for every chunk of uncompressed input. May throw to abort. */
  onData?: (bytes: number) => void;
  /** Force ZIP64 structures everywhere (tests use this to exercise the path). */
  forceZip64?: boolean;
  /** Bytes of an entry's source read ahead while earlier chunks are hashed. Default 8 MiB. */
  readAheadBytes?: number;
  /** Where SHA-256 is computed; tests pass an inline or failing one. Default: sha256Stream(). */
  sha256?: () => Sha256Stream;
}

/** Given to an entries generator: settled() resolves when every entry so far has been reported to onEntry. */
export interface ZipProgress {
  settled(): Promise<void>;
}

export type ZipEntries =
  | AsyncIterable<ZipEntryInput>
  | Iterable<ZipEntryInput>
  | ((progress: ZipProgress) => AsyncIterable<ZipEntryInput> | Iterable<ZipEntryInput>);

const U32_MAX = 0xffffffff;
const U16_MAX = 0xffff;
const FLAGS = (1 << 3) | (1 << 11); // data descriptor + UTF-8 names
const VERSION_DEFAULT = 20;
const VERSION_ZIP64 = 45;
const VERSION_MADE_BY = (3 << 8) | VERSION_ZIP64; // 3 = Unix, so unzip applies the mode
const FILE_MODE = 0o100644;
const DEFAULT_READ_AHEAD = 8 * 1024 * 1024;

interface CentralRecord {
  name: Buffer;
  method: number;
  dosTime: number;
  dosDate: number;
  crc: number;
  size: number;
  compressedSize: number;
  offset: number;
  zip64Local: boolean;
}

/**
 * Yields the bytes of a ZIP archive. Entries are pulled one at a time, and the
 * next is requested only after the previous one's bytes are out; its SHA-256
 * may still be on the worker (see ZipProgress). Memory is one chunk per stage
 * plus the hashing ring, whatever the sizes.
 */
export async function* zipStream(entries: ZipEntries, opts: ZipStreamOptions = {}): AsyncGenerator<Uint8Array, void, undefined> {
  const central: CentralRecord[] = [];
  const seen = new Set<string>();
  const newSha256 = opts.sha256 ?? (() => sha256Stream());
  let offset = 0;
  // Entries reported so far, chained so onEntry runs in order. A rejection
  // (digest failed, onEntry threw) is kept in `failure` and rethrown at the
  // next chunk or entry, so the archive stops promptly.
  let reported: Promise<void> = Promise.resolve();
  let failure = null as { error: unknown } | null; // set in a callback; `as` stops TS narrowing it to null
  const progress: ZipProgress = { settled: () => reported };
  const source = typeof entries === "function" ? entries(progress) : entries;

  for await (const entry of source) {
    if (failure) throw failure.error;
    if (seen.has(entry.path)) throw new Error(`duplicate zip entry: ${entry.path}`);
    seen.add(entry.path);
    const name = Buffer.from(entry.path, "utf8");
    if (name.length > U16_MAX) throw new Error(`zip entry name too long: ${entry.path}`);

    const method = entry.compress ? 8 : 0;
    const { time: dosTime, date: dosDate } = dosDateTime(entry.mtime);
    const zip64Local = opts.forceZip64 === true || entry.zip64 === true;
    const localOffset = offset;
    const header = localHeader(name, method, dosTime, dosDate, zip64Local);
    offset += header.length;
    yield header;

    const sha = newSha256();
    let crc = 0;
    let size = 0;
    let compressedSize = 0;
    async function* tap(input: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
      for await (const raw of input) {
        if (failure) throw failure.error;
        const chunk = typeof raw === "string" ? Buffer.from(raw, "utf8") : raw;
        if (chunk.length === 0) continue;
        const hashing = sha.update(chunk);
        if (hashing) await hashing;
        crc = crc32(chunk, crc);
        size += chunk.length;
        opts.onData?.(chunk.length);
        yield chunk;
      }
    }
    let digest: Promise<string>;
    try {
      const input = tap(readAhead(toAsyncIterable(entry.data), opts.readAheadBytes ?? DEFAULT_READ_AHEAD));
      for await (const out of entry.compress ? deflateRaw(input) : input) {
        compressedSize += out.length;
        yield out;
      }
      digest = sha.digest();
    } finally {
      sha.abandon(); // no-op after digest(); frees the worker session if the entry failed or was cancelled
    }
    offset += compressedSize;
    // Chained before the next yield, so a failed digest is never an unhandled rejection.
    const written = { path: entry.path, size, compressedSize, crc32: crc };
    reported = Promise.all([reported, digest]).then(([, sha256]) => opts.onEntry?.({ ...written, sha256 }));
    reported.catch((error: unknown) => (failure ??= { error }));

    const zip64Descriptor = zip64Local || size >= U32_MAX || compressedSize >= U32_MAX;
    const descriptor = dataDescriptor(crc, size, compressedSize, zip64Descriptor);
    offset += descriptor.length;
    yield descriptor;
    central.push({ name, method, dosTime, dosDate, crc, size, compressedSize, offset: localOffset, zip64Local });
  }

  await reported; // every entry hashed and accepted before the archive is closed
  const cdStart = offset;
  for (const record of central) {
    const buf = centralHeader(record);
    offset += buf.length;
    yield buf;
  }
  yield endOfCentralDirectory(central.length, offset - cdStart, cdStart, opts.forceZip64 === true);
}

function toAsyncIterable(
  data: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string> | Uint8Array,
): AsyncIterable<Uint8Array | string> {
  // Strings are measured in UTF-16 units by readAhead; only a rough bound is needed.
  if (data instanceof Uint8Array) return (async function* () { yield data; })();
  if (Symbol.asyncIterator in data) return data;
  return (async function* () { yield* data; })();
}

// Deflate through a zlib stream, pulled chunk by chunk. An error in the input
// (say, an evidence read failing) destroys the deflater, which ends the loop
// with that error; leaving early (consumer cancelled) destroys both.
async function* deflateRaw(input: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const source = Readable.from(input, { objectMode: false });
  const deflater = createDeflateRaw();
  source.on("error", (err) => deflater.destroy(err));
  source.pipe(deflater);
  try {
    for await (const chunk of deflater) yield chunk as Buffer;
  } finally {
    source.destroy();
    deflater.destroy();
  }
}

function dosDateTime(d: Date): { time: number; date: number } {
  // DOS timestamps have no zone; unzip shows them as local time, so use local
  // fields as Info-ZIP does. Clamped to the format's 1980..2107 range.
  const year = Math.min(Math.max(d.getFullYear(), 1980), 2107);
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: ((year - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function localHeader(name: Buffer, method: number, dosTime: number, dosDate: number, zip64: boolean): Buffer {
  const extra = zip64 ? zip64Extra([0, 0]) : Buffer.alloc(0);
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(method, 8);
  b.writeUInt16LE(dosTime, 10);
  b.writeUInt16LE(dosDate, 12);
  b.writeUInt32LE(0, 14); // CRC and sizes follow in the data descriptor
  b.writeUInt32LE(zip64 ? U32_MAX : 0, 18);
  b.writeUInt32LE(zip64 ? U32_MAX : 0, 22);
  b.writeUInt16LE(name.length, 26);
  b.writeUInt16LE(extra.length, 28);
  return Buffer.concat([b, name, extra]);
}

function dataDescriptor(crc: number, size: number, compressedSize: number, zip64: boolean): Buffer {
  const b = Buffer.alloc(zip64 ? 24 : 16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc, 4);
  if (zip64) {
    b.writeBigUInt64LE(BigInt(compressedSize), 8);
    b.writeBigUInt64LE(BigInt(size), 16);
  } else {
    b.writeUInt32LE(compressedSize, 8);
    b.writeUInt32LE(size, 12);
  }
  return b;
}

function zip64Extra(values: number[]): Buffer {
  const b = Buffer.alloc(4 + 8 * values.length);
  b.writeUInt16LE(0x0001, 0);
  b.writeUInt16LE(8 * values.length, 2);
  values.forEach((v, i) => b.writeBigUInt64LE(BigInt(v), 4 + 8 * i));
  return b;
}

function centralHeader(r: CentralRecord): Buffer {
  const zip64 = r.zip64Local || r.size >= U32_MAX || r.compressedSize >= U32_MAX || r.offset >= U32_MAX;
  // All three 64-bit fields, each with its 32-bit field set to 0xFFFFFFFF: simplest valid form.
  const extra = zip64 ? zip64Extra([r.size, r.compressedSize, r.offset]) : Buffer.alloc(0);
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION_MADE_BY, 4);
  b.writeUInt16LE(zip64 ? VERSION_ZIP64 : VERSION_DEFAULT, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(r.method, 10);
  b.writeUInt16LE(r.dosTime, 12);
  b.writeUInt16LE(r.dosDate, 14);
  b.writeUInt32LE(r.crc, 16);
  b.writeUInt32LE(zip64 ? U32_MAX : r.compressedSize, 20);
  b.writeUInt32LE(zip64 ? U32_MAX : r.size, 24);
  b.writeUInt16LE(r.name.length, 28);
  b.writeUInt16LE(extra.length, 30);
  b.writeUInt16LE(0, 32); // comment length
  b.writeUInt16LE(0, 34); // disk number start
  b.writeUInt16LE(0, 36); // internal attributes
  b.writeUInt32LE((FILE_MODE << 16) >>> 0, 38);
  b.writeUInt32LE(zip64 ? U32_MAX : r.offset, 42);
  return Buffer.concat([b, r.name, extra]);
}

function endOfCentralDirectory(count: number, cdSize: number, cdOffset: number, force: boolean): Buffer {
  const zip64 = force || count >= U16_MAX || cdSize >= U32_MAX || cdOffset >= U32_MAX;
  const parts: Buffer[] = [];
  if (zip64) {
    const rec = Buffer.alloc(56);
    rec.writeUInt32LE(0x06064b50, 0);
    rec.writeBigUInt64LE(44n, 4); // size of the remaining record
    rec.writeUInt16LE(VERSION_MADE_BY, 12);
    rec.writeUInt16LE(VERSION_ZIP64, 14);
    rec.writeUInt32LE(0, 16);
    rec.writeUInt32LE(0, 20);
    rec.writeBigUInt64LE(BigInt(count), 24);
    rec.writeBigUInt64LE(BigInt(count), 32);
    rec.writeBigUInt64LE(BigInt(cdSize), 40);
    rec.writeBigUInt64LE(BigInt(cdOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeUInt32LE(0, 4);
    locator.writeBigUInt64LE(BigInt(cdOffset + cdSize), 8); // the ZIP64 record starts right after the directory
    locator.writeUInt32LE(1, 16);
    parts.push(rec, locator);
  }
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(0, 4);
  eocd.writeUInt16LE(0, 6);
  eocd.writeUInt16LE(zip64 ? U16_MAX : count, 8);
  eocd.writeUInt16LE(zip64 ? U16_MAX : count, 10);
  eocd.writeUInt32LE(zip64 ? U32_MAX : cdSize, 12);
  eocd.writeUInt32LE(zip64 ? U32_MAX : cdOffset, 16);
  eocd.writeUInt16LE(0, 20);
  parts.push(eocd);
  return Buffer.concat(parts);
}
