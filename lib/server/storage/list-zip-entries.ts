import { openPromise, type ZipFile } from "yauzl";
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
  let zip: ZipFile;
  try {
    zip = await openPromise(file, { autoClose: true, strictFileNames: true });
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
