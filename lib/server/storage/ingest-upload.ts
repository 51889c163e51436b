import { createReadStream } from "node:fs";
import { mkdtemp, open, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { checkDeclaredFileName } from "@/lib/domain/uploads/file-name";
import {
  checkZipBudget,
  classifyZipEntries,
  createTextValidator,
  type FileKind,
  matchFileNameToType,
  MIME_TYPES,
  SNIFF_HEAD_BYTES,
  sniffFileType,
} from "@/lib/domain/uploads/file-type";
import { type BlobSource, type BlobStore, UploadRejectedError } from "./blob-store";
import { listZipEntries } from "./list-zip-entries";
import { emptyUpload, MeteredSource } from "./metered-source";
import { asStorageError, writeFully } from "./write-fully";

/** Scratch directories are named so the orphan sweeper can find those a crash left. */
export const SCRATCH_PREFIX = "assay-upload-";

export interface IngestUploadInput {
  store: BlobStore;
  stream: BlobSource;
  /** The name the client sent; only ever used as a label. */
  declaredName: string;
  /** settings.uploads.maxBytes */
  maxBytes: number;
  /** Contracts may be HTML documents (stored as plain text; see SniffOptions.acceptHtml). */
  acceptHtml?: boolean;
  /** Where DOCX/XLSX uploads are spooled while their ZIP directory is read. Defaults to the OS temp dir. */
  scratchDir?: string;
}

export interface IngestedUpload {
  key: string;
  sha256: string;
  sizeBytes: number;
  mimeType: string;
  /** Sanitised, with the extension that matches the content. */
  fileName: string;
  kind: FileKind;
  /** The same bytes were already stored (possibly for another document). */
  duplicate: boolean;
}

/**
 * Takes one uploaded file into the blob store, or refuses it with an
 * UploadRejectedError and leaves nothing behind. Order matters: the name and
 * the first bytes are judged before anything is written, and a refusal found
 * later (bad UTF-8 deep in a .txt, the size limit) aborts the store's write
 * before it commits. Nothing is ever committed and then deleted, which would
 * race with a concurrent upload of the same bytes (blobs are shared by hash).
 */
export async function ingestUpload(input: IngestUploadInput): Promise<IngestedUpload> {
  const iterator = (input.stream as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]();
  try {
    const name = checkDeclaredFileName(input.declaredName);
    if (!name.ok) throw new UploadRejectedError("bad_name", name.message);

    const head = await readHead(iterator, SNIFF_HEAD_BYTES);
    if (head.bytes.length === 0) throw emptyUpload();
    const sniffed = sniffFileType(head.bytes, { complete: head.done, acceptHtml: input.acceptHtml ?? false });
    if (sniffed.outcome === "refused") throw new UploadRejectedError("bad_type", sniffed.message);

    const source = resume(head.chunks, iterator, head.done);
    if (sniffed.outcome === "zip") return await ingestZip(input, name.fileName, source);

    const fileName = requireMatchingName(name.fileName, sniffed.kind);
    const body = sniffed.kind === "txt" || sniffed.kind === "html" ? validateText(source) : source;
    const put = await input.store.put(body, { maxBytes: input.maxBytes });
    return result(put, sniffed.kind, fileName);
  } finally {
    // Stops reading the client's body on any refusal (for a Readable this
    // destroys it). After a full read, or after resume() closed it, this is a no-op.
    await iterator.return?.()?.catch(() => undefined);
  }
}

/**
 * DOCX and XLSX can only be told apart (and macros found) from the ZIP's
 * central directory at the END of the file, so the upload is spooled to a
 * private scratch file first and only handed to the store once accepted.
 */
async function ingestZip(
  input: IngestUploadInput,
  sanitisedName: string,
  source: AsyncIterable<Uint8Array>,
): Promise<IngestedUpload> {
  const dir = await mkdtemp(path.join(input.scratchDir ?? tmpdir(), SCRATCH_PREFIX));
  try {
    const file = path.join(dir, "upload.zip");
    await spool(source, file, input.maxBytes);

    const listing = await listZipEntries(file);
    if (!listing.ok) {
      throw new UploadRejectedError(
        "bad_type",
        listing.why === "too_many_entries"
          ? "The file has far more parts than any Word or Excel document, so it was not accepted."
          : "The file looks like a ZIP-based document but is damaged or unsafe to open.",
      );
    }
    const budget = checkZipBudget(listing.sizes);
    if (!budget.ok) throw new UploadRejectedError("archive_limits", budget.message);
    const classified = classifyZipEntries(listing.names);
    if (classified.outcome === "refused") throw new UploadRejectedError("bad_type", classified.message);
    const fileName = requireMatchingName(sanitisedName, classified.kind);
    const put = await input.store.put(createReadStream(file), { maxBytes: input.maxBytes });
    return result(put, classified.kind, fileName);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function requireMatchingName(fileName: string, kind: FileKind): string {
  const check = matchFileNameToType(fileName, kind);
  if (!check.ok) throw new UploadRejectedError("name_mismatch", check.message);
  return check.fileName;
}

function result(
  put: { key: string; sha256: string; sizeBytes: number; created: boolean },
  kind: FileKind,
  fileName: string,
): IngestedUpload {
  return {
    key: put.key,
    sha256: put.sha256,
    sizeBytes: put.sizeBytes,
    mimeType: MIME_TYPES[kind],
    fileName,
    kind,
    duplicate: !put.created,
  };
}

/** Reads whole chunks until at least `want` bytes (or the end) are in hand. */
async function readHead(
  iterator: AsyncIterator<Uint8Array>,
  want: number,
): Promise<{ chunks: Uint8Array[]; bytes: Uint8Array; done: boolean }> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < want) {
    const next = await iterator.next();
    if (next.done) return { chunks, bytes: Buffer.concat(chunks), done: true };
    if (!(next.value instanceof Uint8Array)) throw new TypeError("Upload streams must yield bytes.");
    chunks.push(next.value);
    total += next.value.length;
  }
  return { chunks, bytes: Buffer.concat(chunks), done: false };
}

/** The head already read, then the rest of the stream. */
async function* resume(
  head: Uint8Array[],
  iterator: AsyncIterator<Uint8Array>,
  done: boolean,
): AsyncGenerator<Uint8Array> {
  try {
    yield* head;
    if (done) return;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  } finally {
    await iterator.return?.();
  }
}

/** A .txt must be clean UTF-8 all the way through, not just in its head. */
async function* validateText(source: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  const validator = createTextValidator();
  for await (const chunk of source) {
    const verdict = validator.push(chunk);
    if (!verdict.ok) throw new UploadRejectedError("bad_type", verdict.message);
    yield chunk;
  }
  const verdict = validator.finish();
  if (!verdict.ok) throw new UploadRejectedError("bad_type", verdict.message);
}

async function spool(source: AsyncIterable<Uint8Array>, file: string, maxBytes: number): Promise<void> {
  const metered = new MeteredSource(source, maxBytes);
  try {
    const handle = await open(file, "wx", 0o600);
    try {
      let position = 0;
      for await (const chunk of metered) position = await writeFully(handle, chunk, position);
    } finally {
      await handle.close();
    }
    const spooled = (await stat(file)).size;
    if (spooled !== metered.sizeBytes) throw new Error(`Scratch copy is ${spooled} bytes, ${metered.sizeBytes} were received.`);
  } catch (error) {
    // The caller removes the scratch directory; a full scratch disk is a full disk.
    throw asStorageError(error);
  }
}
