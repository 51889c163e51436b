import { fromBufferPromise, openPromise, type ZipFile } from "yauzl";
import { MAX_ZIP_ENTRIES, type ZipEntrySize } from "@/lib/domain/uploads/file-type";

export type ZipListing =
  | { ok: true; names: string[]; sizes: ZipEntrySize[] }
  | { ok: false; why: "damaged" | "too_many_entries" };

/**
 * Reads only the central directory of a ZIP file on disk; no entry is
 * decompressed, so a zip bomb costs nothing here. yauzl also rejects entry
 * names that are absolute or climb out with "..", which no genuine Office
 * file has; that counts as damaged.
 */
export async function listZipEntries(file: string): Promise<ZipListing> {
  return listing(() => openPromise(file, { autoClose: true, strictFileNames: true }));
}

/** The same for a ZIP file already in memory (a contract read back from storage, or a file given to the CLI). */
export async function listZipEntriesOf(bytes: Uint8Array): Promise<ZipListing> {
  return listing(() => fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { strictFileNames: true }));
}

async function listing(open: () => Promise<ZipFile>): Promise<ZipListing> {
  let zip: ZipFile;
  try {
    zip = await open();
  } catch {
    return { ok: false, why: "damaged" };
  }
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    zip.close();
    return { ok: false, why: "too_many_entries" };
  }
  const names: string[] = [];
  const sizes: ZipEntrySize[] = [];
  try {
    for await (const entry of zip.eachEntry()) {
      names.push(entry.fileName);
      sizes.push({ compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize });
    }
  } catch {
    return { ok: false, why: "damaged" };
  } finally {
    if (zip.isOpen) zip.close();
  }
  return { ok: true, names, sizes };
}
