// One behavioural contract, run against every BlobStore driver (filesystem and
// database) so they cannot drift: what one refuses or cleans up, so does the other.
import { createHash, randomBytes } from "node:crypto";
import type { Readable } from "node:stream";
import { Readable as NodeReadable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type BlobStore, BlobNotFoundError, UploadRejectedError } from "@/lib/server/storage/blob-store";
import { ingestUpload } from "@/lib/server/storage/ingest-upload";
import {
  chunked,
  macroDocm,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  minimalXlsx,
  plainZip,
  realDocx,
  utf8,
  windowsExecutable,
} from "../../unit/storage/sample-files";

export interface StoreHarness {
  store: BlobStore;
  /** Scratch directory for ingestUpload's ZIP spooling, inside the harness's sandbox. */
  scratchDir: string;
  /** Keys of committed blobs, read straight from the backing storage. */
  storedKeys(): Promise<string[]>;
  /** Anything else found in the sandbox (temp files, orphan chunks, scratch files). Must stay empty. */
  leftovers(): Promise<string[]>;
  /** Every file path under the sandbox, for "nothing was written outside the store" checks. */
  allFiles(): Promise<string[]>;
  dispose(): Promise<void>;
}

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** An endless upload that records how much of it was ever read and whether it was closed. */
function endlessUpload(prefix: Buffer, chunkBytes = 64 * 1024) {
  const probe = { pulled: 0, closed: false };
  async function* generate() {
    try {
      probe.pulled++;
      yield prefix;
      for (;;) {
        probe.pulled++;
        yield Buffer.alloc(chunkBytes, 0x41);
      }
    } finally {
      probe.closed = true;
    }
  }
  return { source: generate(), probe };
}

async function rejection(promise: Promise<unknown>): Promise<UploadRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  return error as UploadRejectedError;
}

export function describeBlobStoreContract(driver: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`${driver}: BlobStore contract`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h.dispose();
    });

    async function expectNothingStored(): Promise<void> {
      expect(await h.storedKeys()).toEqual([]);
      expect(await h.leftovers()).toEqual([]);
    }

    it("round-trips a multi-megabyte blob under its SHA-256", async () => {
      const data = randomBytes(2.5 * 1024 * 1024);
      const put = await h.store.put(chunked(data, 64 * 1024), { maxBytes: 25 * 1024 * 1024 });
      expect(put).toEqual({ key: sha256(data), sha256: sha256(data), sizeBytes: data.length, created: true });
      const back = await readAll(await h.store.get(put.key));
      expect(sha256(back)).toBe(put.sha256);
      expect(back.equals(data)).toBe(true);
      expect(await h.store.stat(put.key)).toEqual({ key: put.key, sizeBytes: data.length });
      expect(await h.store.has(put.key)).toBe(true);
      expect(await h.storedKeys()).toEqual([put.key]);
      expect(await h.leftovers()).toEqual([]);
    });

    it("accepts a Node Readable as the source", async () => {
      const data = utf8("from a Readable");
      const put = await h.store.put(NodeReadable.from([data.subarray(0, 4), data.subarray(4)]), { maxBytes: 100 });
      expect((await readAll(await h.store.get(put.key))).equals(data)).toBe(true);
    });

    it("recognises the same bytes uploaded twice and keeps one copy", async () => {
      const data = randomBytes(100_000);
      const first = await h.store.put(chunked(data, 7000), { maxBytes: 1_000_000 });
      const second = await h.store.put(chunked(data, 30_000), { maxBytes: 1_000_000 });
      expect(first.created).toBe(true);
      expect(second).toEqual({ ...first, created: false });
      expect(await h.storedKeys()).toEqual([first.key]);
      expect(await h.leftovers()).toEqual([]);
    });

    it("aborts an over-limit upload while it streams and leaves no temp data", async () => {
      const { source, probe } = endlessUpload(Buffer.from("start"));
      const error = await rejection(h.store.put(source, { maxBytes: 256 * 1024 }));
      expect(error.reason).toBe("too_large");
      // 256 KiB in 64 KiB chunks: the fifth read crosses the limit, and reading stops there.
      expect(probe.pulled).toBeLessThanOrEqual(6);
      expect(probe.closed).toBe(true);
      await expectNothingStored();
    });

    it("accepts exactly maxBytes", async () => {
      const put = await h.store.put(chunked(randomBytes(4096)), { maxBytes: 4096 });
      expect(put.sizeBytes).toBe(4096);
    });

    it("refuses an empty blob", async () => {
      expect((await rejection(h.store.put(chunked(Buffer.alloc(0)), { maxBytes: 10 }))).reason).toBe("empty");
      await expectNothingStored();
    });

    it("cleans up when the client disconnects mid-upload, and reports the real error", async () => {
      async function* dropped() {
        yield randomBytes(3 * 1024 * 1024);
        throw new Error("socket hang up");
      }
      await expect(h.store.put(dropped(), { maxBytes: 25 * 1024 * 1024 })).rejects.toThrow("socket hang up");
      await expectNothingStored();
    });

    it("answers for missing blobs without throwing, except get", async () => {
      const missing = "0".repeat(64);
      expect(await h.store.has(missing)).toBe(false);
      expect(await h.store.stat(missing)).toBeNull();
      await expect(h.store.get(missing)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expect(h.store.delete(missing)).resolves.toBeUndefined();
    });

    it("deletes, idempotently", async () => {
      const put = await h.store.put(chunked(utf8("to be deleted")), { maxBytes: 100 });
      await h.store.delete(put.key);
      await h.store.delete(put.key);
      expect(await h.store.has(put.key)).toBe(false);
      await expect(h.store.get(put.key)).rejects.toBeInstanceOf(BlobNotFoundError);
      await expectNothingStored();
    });

    it.each(["../../etc/passwd", "ab/../../x", "A".repeat(64), "abc", ""])("refuses %j as a key", async (key) => {
      await expect(h.store.get(key)).rejects.toThrow("Invalid blob key");
      await expect(h.store.has(key)).rejects.toThrow("Invalid blob key");
      await expect(h.store.stat(key)).rejects.toThrow("Invalid blob key");
      await expect(h.store.delete(key)).rejects.toThrow("Invalid blob key");
    });
  });

  describe(`${driver}: ingestUpload`, () => {
    let h: StoreHarness;
    beforeEach(async () => {
      h = await makeHarness();
    });
    afterEach(async () => {
      await h.dispose();
    });

    const maxBytes = 25 * 1024 * 1024;
    const ingest = (data: Buffer | AsyncIterable<Uint8Array>, declaredName: string, limit = maxBytes) =>
      ingestUpload({
        store: h.store,
        stream: Buffer.isBuffer(data) ? chunked(data, 1000) : data,
        declaredName,
        maxBytes: limit,
        scratchDir: h.scratchDir,
      });

    async function expectNothingStored(): Promise<void> {
      expect(await h.storedKeys()).toEqual([]);
      expect(await h.leftovers()).toEqual([]);
    }

    it.each([
      ["SOC 2 Type II.pdf", minimalPdf, "pdf", "application/pdf"],
      ["site photo.png", minimalPng, "png", "image/png"],
      ["badge.JPG", minimalJpeg, "jpeg", "image/jpeg"],
      ["notes.txt", () => utf8("Tabletop exercise held 2024-05-02.\n"), "txt", "text/plain; charset=utf-8"],
    ] as const)("stores %s as %s", async (name, make, kind, mimeType) => {
      const data = make();
      const result = await ingest(data, name);
      expect(result).toEqual({
        key: sha256(data),
        sha256: sha256(data),
        sizeBytes: data.length,
        mimeType,
        fileName: name,
        kind,
        duplicate: false,
      });
      expect((await readAll(await h.store.get(result.key))).equals(data)).toBe(true);
    });

    it("stores a real DOCX and a real XLSX, told apart by their ZIP entries, and cleans its scratch", async () => {
      const docx = await realDocx();
      const xlsx = await minimalXlsx();
      expect(await ingest(docx, "policy.docx")).toMatchObject({ kind: "docx", sha256: sha256(docx) });
      expect(await ingest(xlsx, "kpis.xlsx")).toMatchObject({ kind: "xlsx", sha256: sha256(xlsx) });
      expect((await h.storedKeys()).sort()).toEqual([sha256(docx), sha256(xlsx)].sort());
      expect(await h.leftovers()).toEqual([]);
    });

    it("refuses a Windows executable renamed .pdf, and stores nothing", async () => {
      const error = await rejection(ingest(windowsExecutable(64 * 1024), "SOC2-report.pdf"));
      expect(error.reason).toBe("bad_type");
      expect(error.message).toMatch(/Windows executable/);
      expect(error.fieldErrors).toEqual({ file: error.message });
      await expectNothingStored();
    });

    it("stops reading a refused upload after its head", async () => {
      const { source, probe } = endlessUpload(windowsExecutable(8192));
      await rejection(ingest(source, "invoice.pdf"));
      expect(probe.pulled).toBe(1);
      expect(probe.closed).toBe(true);
      await expectNothingStored();
    });

    it("refuses a file over the limit, and stores nothing", async () => {
      const bigPdf = Buffer.concat([minimalPdf(), Buffer.alloc(20_000, 0x20)]);
      const error = await rejection(ingest(bigPdf, "big.pdf", 10_000));
      expect(error.reason).toBe("too_large");
      expect(error.message).toBe("The file is larger than the 9.8 KB limit.");
      await expectNothingStored();
    });

    it("refuses an over-limit DOCX while spooling, and leaves no scratch file", async () => {
      const docx = await realDocx("x".repeat(50_000));
      expect((await rejection(ingest(docx, "policy.docx", 1024))).reason).toBe("too_large");
      await expectNothingStored();
    });

    it.each(["../../outside.pdf", "..\\..\\outside.pdf", "/etc/outside.pdf", "C:\\Windows\\outside.pdf"])(
      "refuses the path-traversal name %j and writes nothing anywhere",
      async (name) => {
        const error = await rejection(ingest(minimalPdf(), name));
        expect(error.reason).toBe("bad_name");
        await expectNothingStored();
        expect((await h.allFiles()).filter((f) => f.includes("outside"))).toEqual([]);
      },
    );

    it("refuses a PNG named .pdf and says what it is", async () => {
      const error = await rejection(ingest(minimalPng(), "audit-report.pdf"));
      expect(error.reason).toBe("name_mismatch");
      expect(error.message).toMatch(/^The file is a PNG image but is named \.pdf/);
      await expectNothingStored();
    });

    it("refuses a DOCX named .xlsx after reading its entries, and stores nothing", async () => {
      const error = await rejection(ingest(await realDocx(), "kpis.xlsx"));
      expect(error.reason).toBe("name_mismatch");
      expect(error.message).toMatch(/Word document \(DOCX\) but is named \.xlsx/);
      await expectNothingStored();
    });

    it("refuses HTML named .txt", async () => {
      const error = await rejection(ingest(utf8("<html><script>fetch('/api/me')</script></html>"), "notes.txt"));
      expect(error.reason).toBe("bad_type");
      await expectNothingStored();
    });

    it("refuses a .txt that turns binary after its head, mid-stream, and stores nothing", async () => {
      const data = Buffer.concat([utf8("a clean start\n".repeat(20_000)), Buffer.from([0xff, 0xfe, 0x00])]);
      const error = await rejection(ingest(data, "log.txt"));
      expect(error.reason).toBe("bad_type");
      await expectNothingStored();
    });

    it("refuses a macro-enabled document even when named .docx", async () => {
      const error = await rejection(ingest(await macroDocm(), "policy.docx"));
      expect(error.message).toMatch(/macros/);
      await expectNothingStored();
    });

    it("refuses a ZIP that is neither Word nor Excel", async () => {
      expect((await rejection(ingest(await plainZip(), "evidence.docx"))).reason).toBe("bad_type");
      await expectNothingStored();
    });

    it("refuses a damaged ZIP", async () => {
      const truncated = (await realDocx()).subarray(0, 2000);
      expect((await rejection(ingest(truncated, "policy.docx"))).message).toMatch(/damaged/);
      await expectNothingStored();
    });

    it("refuses an empty upload", async () => {
      expect((await rejection(ingest(Buffer.alloc(0), "empty.pdf"))).reason).toBe("empty");
      await expectNothingStored();
    });

    it("reports a second upload of the same bytes as a duplicate, under either name", async () => {
      const pdf = minimalPdf();
      const first = await ingest(pdf, "ISO 27001 certificate.pdf");
      const second = await ingest(pdf, "copy.pdf");
      expect(first.duplicate).toBe(false);
      expect(second).toMatchObject({ duplicate: true, sha256: first.sha256, key: first.key, fileName: "copy.pdf" });
      expect(await h.storedKeys()).toEqual([first.key]);
    });

    it("sanitises the name and adds the extension the content calls for", async () => {
      expect((await ingest(minimalPdf(), "CON")).fileName).toBe("_CON.pdf");
      expect((await ingest(await minimalXlsx(), "\u202Ekpis")).fileName).toBe("kpis.xlsx");
    });
  });
}
