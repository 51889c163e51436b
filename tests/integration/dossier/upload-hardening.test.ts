import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { recordAudit } from "@/lib/server/audit";
import { requirePermission } from "@/lib/server/authorize";
import { db } from "@/lib/server/db";
import { DENIALS_PER_MINUTE, denialsWritten } from "@/lib/server/denials";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { FilesystemBlobStore } from "@/lib/server/storage/filesystem-store";
import { manyEntriesDocx, zeroFilledDocx } from "../../unit/storage/zip-bombs";
import { realDocx } from "../../unit/storage/sample-files";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const pdf = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64 * 1024, 0x20), Buffer.from("\n%%EOF\n")]);
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

forEachProvider("upload hardening", (t) => {
  let root: string;
  const store = () => new FilesystemBlobStore(path.join(root, "evidence"));

  beforeAll(async () => {
    await ensureSettings();
    root = fs.mkdtempSync(path.join(os.tmpdir(), "assay-hardening-"));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  async function setup(name: string) {
    const security = await makeActor("security");
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name } });
    return { security, vendor };
  }

  async function nothingStored<T>(run: () => Promise<T>): Promise<unknown> {
    const docs = await t.db.evidenceDocument.count();
    const files = listFiles(path.join(root, "evidence"));
    const error = await run().then(
      () => null,
      (e: unknown) => e,
    );
    expect(await t.db.evidenceDocument.count()).toBe(docs);
    expect(listFiles(path.join(root, "evidence"))).toEqual(files);
    return error;
  }

  const input = (vendorId: string) => ({ vendorId, kind: "other", effectiveDate: "2026-01-01" });

  it("a body shorter than its Content-Length (a truncated upload) is refused, stored nowhere and recorded as denied", async () => {
    const { security, vendor } = await setup("Truncated upload");
    const error = await nothingStored(() =>
      uploadEvidence({
        actor: security,
        input: input(vendor.id),
        stream: Readable.from([pdf.subarray(0, 40_000)]),
        declaredName: "report.pdf",
        declared: { sizeBytes: pdf.length, sha256: null },
        store: store(),
      }),
    );
    expect(error).toMatchObject({ code: "VALIDATION", reason: "incomplete", message: expect.stringMatching(/Only part of the file arrived \(40000 of \d+ bytes\)/) });
    await denialsWritten();
    const event = await t.db.auditEvent.findFirst({ where: { action: "denied.upload", actorId: security.id } });
    expect(event).toMatchObject({ vendorId: vendor.id, entityId: vendor.id });
    expect(event?.after).toMatchObject({ reason: "incomplete", declaredName: "report.pdf", declaredSizeBytes: pdf.length });
  });

  it("bytes that do not match the client's SHA-256 are refused; matching ones are stored with that hash", async () => {
    const { security, vendor } = await setup("Digest check");
    const tampered = Buffer.from(pdf);
    tampered[30_000] = 0x21;
    const error = await nothingStored(() =>
      uploadEvidence({
        actor: security,
        input: input(vendor.id),
        stream: Readable.from([tampered]),
        declaredName: "report.pdf",
        declared: { sizeBytes: tampered.length, sha256: sha256(pdf) },
        store: store(),
      }),
    );
    expect(error).toMatchObject({ reason: "digest_mismatch", message: expect.stringMatching(/does not match the SHA-256/) });

    const { document } = await uploadEvidence({
      actor: security,
      input: input(vendor.id),
      stream: Readable.from([pdf]),
      declaredName: "report.pdf",
      declared: { sizeBytes: pdf.length, sha256: sha256(pdf) },
      store: store(),
    });
    expect(document).toMatchObject({ sha256: sha256(pdf), sizeBytes: pdf.length });
  });

  it("a Content-Length over the limit is refused as too large before a byte is read", async () => {
    const { security, vendor } = await setup("Declared too large");
    let read = false;
    const stream = Readable.from(
      (async function* () {
        read = true;
        yield pdf;
      })(),
    );
    const error = await nothingStored(() =>
      uploadEvidence({
        actor: security,
        input: input(vendor.id),
        stream,
        declaredName: "huge.pdf",
        declared: { sizeBytes: DEFAULT_SETTINGS.uploads.maxBytes + 1, sha256: null },
        store: store(),
      }),
    );
    expect(error).toMatchObject({ reason: "too_large" });
    expect(read).toBe(false);
  });

  it("archive bombs are refused at upload: a 300 MB zero-filled part, and too many parts; a real DOCX still passes", async () => {
    const { security, vendor } = await setup("Archive bombs");
    const bomb = await zeroFilledDocx(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const bombError = await nothingStored(() =>
      uploadEvidence({ actor: security, input: input(vendor.id), stream: Readable.from([bomb]), declaredName: "policy.docx", store: store() }),
    );
    expect(bombError).toMatchObject({ reason: "archive_limits", message: expect.stringMatching(/expands more than 200 times.*archive bomb/) });

    const many = await manyEntriesDocx(10_001);
    const manyError = await nothingStored(() =>
      uploadEvidence({ actor: security, input: input(vendor.id), stream: Readable.from([many]), declaredName: "policy.docx", store: store() }),
    );
    expect(manyError).toMatchObject({ code: "VALIDATION", message: expect.stringMatching(/far more parts/) });

    const docx = await realDocx("Information security policy");
    const { document } = await uploadEvidence({ actor: security, input: input(vendor.id), stream: Readable.from([docx]), declaredName: "policy.docx", store: store() });
    expect(document.fileKind).toBe("docx");
  }, 60_000);

  it("a missing permission inside a rolled-back transaction is still recorded, with the permission and role", async () => {
    const viewer = await makeActor("viewer");
    await expect(
      db().$transaction(async (tx) => {
        await recordAudit(tx, viewer, { action: "evidence.download", entityType: "evidence", entityId: "rolled-back" });
        requirePermission(viewer, "vendor.update");
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await t.db.auditEvent.count({ where: { action: "evidence.download", entityId: "rolled-back" } })).toBe(0);
    await denialsWritten();
    const events = await t.db.auditEvent.findMany({ where: { action: "denied.permission", actorId: viewer.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entityType: "permission", entityId: "vendor.update", actorEmail: viewer.email, ip: "127.0.0.1" });
    expect(events[0]!.after).toEqual({ permission: "vendor.update", role: "viewer" });
  });

  it("a flood of refusals writes a bounded number of events", async () => {
    const viewer = await makeActor("viewer");
    for (let i = 0; i < DENIALS_PER_MINUTE * 5; i++) expect(() => requirePermission(viewer, "vendor.update")).toThrow();
    await denialsWritten();
    expect(await t.db.auditEvent.count({ where: { action: "denied.permission", actorId: viewer.id } })).toBe(DENIALS_PER_MINUTE);
  });
});

function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name)).sort();
}
