import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { FilesystemBlobStore } from "@/lib/server/storage/filesystem-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import type { BlobStore } from "@/lib/server/storage/blob-store";
import { openEvidence, uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { db } from "@/lib/server/db";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

const pdfBytes = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c));
  return Buffer.concat(chunks);
}

forEachProvider("evidence upload and download", (t) => {
  let root: string;
  const stores: Record<string, () => BlobStore> = {
    filesystem: () => new FilesystemBlobStore(path.join(root, "evidence")),
    database: () => new DatabaseBlobStore(prismaBlobTable(db())),
  };

  beforeAll(async () => {
    await ensureSettings();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "assay-evidence-"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  for (const [storeName, makeStore] of Object.entries(stores)) {
    it(`[${storeName}] round-trips a PDF with its SHA-256 and records upload and download`, async () => {
      const security = await makeActor("security");
      const procurement = await makeActor("procurement");
      const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: `Evidence ${storeName}` } });
      const store = makeStore();
      const { document, duplicateOf } = await uploadEvidence({
        actor: security,
        input: { vendorId: vendor.id, kind: "soc2_report", effectiveDate: "2026-03-31", title: "SOC 2 Type II" },
        stream: Readable.from([pdfBytes]),
        declaredName: "soc2 report.pdf",
        store,
      });
      expect(duplicateOf).toBeNull();
      expect(document).toMatchObject({ sha256: sha256(pdfBytes), sizeBytes: pdfBytes.length, mimeType: "application/pdf", fileName: "soc2 report.pdf", effectiveDate: "2026-03-31", uploadedById: security.id });

      const viewer = await makeActor("viewer");
      const opened = await openEvidence({ actor: viewer, documentId: document.id, store });
      const downloaded = await readAll(opened.body);
      expect(sha256(downloaded)).toBe(document.sha256);
      const actions = (await t.db.auditEvent.findMany({ where: { entityId: document.id }, orderBy: { id: "asc" } })).map((e) => e.action);
      expect(actions).toEqual(["evidence.upload", "evidence.download"]);

      // The same bytes again are recognised by their hash.
      const again = await uploadEvidence({
        actor: security,
        input: { vendorId: vendor.id, kind: "soc2_report", effectiveDate: "2026-03-31" },
        stream: Readable.from([pdfBytes]),
        declaredName: "copy.pdf",
        store,
      });
      expect(again.duplicateOf?.id).toBe(document.id);
    });

    it(`[${storeName}] refuses an executable renamed .pdf, an oversized file and a path-traversal name, storing nothing`, async () => {
      const security = await makeActor("security");
      const procurement = await makeActor("procurement");
      const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: `Refusals ${storeName}` } });
      const store = makeStore();
      const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00"), Buffer.alloc(200, 0x41)]);
      const tooBig = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(DEFAULT_SETTINGS.uploads.maxBytes + 10, 0x20)]);
      const cases: [string, Buffer, string, RegExp][] = [
        ["exe renamed .pdf", exe, "report.pdf", /executable|program/i],
        ["over the size limit", tooBig, "huge.pdf", /MB|large|limit/i],
        ["path traversal", pdfBytes, "../../etc/passwd.pdf", /name/i],
      ];
      const docsBefore = await t.db.evidenceDocument.count();
      const blobsBefore = await t.db.evidenceBlob.count();
      const filesBefore = listFiles(path.join(root, "evidence"));
      for (const [label, bytes, name, message] of cases) {
        const error = await uploadEvidence({
          actor: security,
          input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-01" },
          stream: Readable.from([bytes]),
          declaredName: name,
          store,
        }).catch((e) => e);
        expect(error, label).toBeInstanceOf(Error);
        expect(error.code, label).toBe("VALIDATION");
        expect(error.message, label).toMatch(message);
      }
      expect(await t.db.evidenceDocument.count()).toBe(docsBefore);
      expect(await t.db.evidenceBlob.count()).toBe(blobsBefore);
      expect(await t.db.evidenceBlobChunk.count({ where: { chunkSetId: { notIn: (await t.db.evidenceBlob.findMany()).map((b) => b.chunkSetId) } } })).toBe(0);
      expect(listFiles(path.join(root, "evidence"))).toEqual(filesBefore);
      expect(fs.existsSync(path.join(root, "etc"))).toBe(false);
    });
  }

  it("a viewer cannot upload", async () => {
    const viewer = await makeActor("viewer");
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Viewer upload" } });
    await expect(
      uploadEvidence({
        actor: viewer,
        input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-01" },
        stream: Readable.from([pdfBytes]),
        declaredName: "x.pdf",
        store: stores.filesystem!(),
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}
