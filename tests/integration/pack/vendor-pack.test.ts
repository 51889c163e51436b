// A real vendor's audit pack, end to end: the seeded demo data on a fresh
// database, the pack built through the download route's own function
// (openVendorPack, no HTTP), unzipped with the system unzip, verified with
// `verify-pack --key`, then tampered with: each change must fail and be named.
import { denialsWritten } from "@/lib/server/denials";
import { spawnSync } from "node:child_process";
import { createWriteStream, promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventHashMatches, type ChainedAuditEvent } from "@/lib/domain/audit/hash-chain";
import { verifyPackCommand } from "@/lib/cli/verify-pack";
import { seedDemoData } from "@/lib/cli/seed";
import type { Actor } from "@/lib/server/actor";
import { MANIFEST_PATH, MANIFEST_SIG_PATH, type PackManifest } from "@/lib/server/pack/manifest";
import { openVendorPack } from "@/lib/server/services/vendor-pack";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { loadOrCreatePackKey, type PackKey } from "@/lib/server/signing/pack-key";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { isRole } from "@/lib/domain/accounts/roles";
import { forEachProvider } from "../helpers/test-database";
import { flipByteInEntry, rewriteZip } from "./pack-fixtures";

async function cli(args: string[]): Promise<{ code: number; line: string }> {
  const lines: string[] = [];
  const code = await verifyPackCommand(args, { out: (l) => lines.push(l), err: (l) => lines.push(l) });
  return { code, line: lines.join("\n") };
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const out: string[] = [];
  for (const d of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await listFiles(path.join(dir, d.name), rel)));
    else out.push(rel);
  }
  return out;
}

forEachProvider("audit pack of a seeded vendor", (t) => {
  let tmp: string;
  let previousDataDir: string | undefined;
  let key: PackKey;
  let keyFile: string;
  let security: Actor;
  let vendorId: string;
  let zipPath: string;
  let manifest: PackManifest;
  let unzipped: string;
  const fakePdf = async (id: string) => Buffer.from(`%PDF-1.7\n% assessment ${id}\n%%EOF\n`);

  async function actorFor(role: string): Promise<Actor> {
    const user = await t.db.user.findFirstOrThrow({ where: { role, isDemo: true } });
    if (!isRole(user.role)) throw new Error("bad role");
    return { id: user.id, email: user.email, name: user.name, role: user.role, ip: "127.0.0.1", userAgent: "vitest" };
  }

  async function writePack(stream: ReadableStream<Uint8Array>, file: string): Promise<void> {
    await pipeline(Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>), createWriteStream(file));
  }

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-vendor-pack-"));
    previousDataDir = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = path.join(tmp, "data");
    expect(await seedDemoData()).toBe("seeded");
    key = await loadOrCreatePackKey({ dataDir: path.join(tmp, "keys"), env: {} });
    keyFile = path.join(tmp, "public.pem");
    await fs.writeFile(keyFile, key.publicKeyPem());
    security = await actorFor("security");

    // The demo vendor with the most evidence, plus two assessments (v1 approved, v2 draft).
    const counts = await t.db.evidenceDocument.groupBy({ by: ["vendorId"], _count: { _all: true } });
    vendorId = counts.sort((a, b) => b._count._all - a._count._all)[0]!.vendorId;
    const base = { vendorId, dossier: {}, settings: {}, findings: [], score: { overall: 71 }, rating: "medium", createdById: security.id };
    await t.db.assessment.create({ data: { ...base, version: 1, state: "approved", overall: 71, decidedAt: new Date("2026-01-10T12:00:00Z") } });
    await t.db.assessment.create({ data: { ...base, version: 2, state: "draft", overall: 64 } });

    const pack = await openVendorPack({ actor: security, vendorId, pdfs: "all", signer: key, renderPdf: fakePdf });
    zipPath = path.join(tmp, pack.fileName);
    await writePack(pack.stream, zipPath);
    manifest = await pack.manifest;
    unzipped = path.join(tmp, "unzipped");
    const r = spawnSync("unzip", ["-q", zipPath, "-d", unzipped], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`unzip failed: ${r.stderr}`);
  }, 180_000);

  afterAll(async () => {
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("verify-pack --key says OK for the downloaded pack", async () => {
    const r = await cli([zipPath, "--key", keyFile]);
    expect(r.line).toMatch(/^OK .*files verified, signatures valid/);
    expect(r.code).toBe(0);
  });

  it("holds every evidence file under evidence/<kind>/ with the SHA-256 recorded at upload", async () => {
    const documents = await t.db.evidenceDocument.findMany({ where: { vendorId } });
    expect(documents.length).toBeGreaterThan(1);
    const evidence = manifest.files.filter((f) => f.path.startsWith("evidence/"));
    expect(evidence).toHaveLength(documents.length);
    for (const doc of documents) {
      const entry = evidence.find((f) => f.path.startsWith(`evidence/${doc.kind}/`) && f.sha256 === doc.sha256);
      expect(entry, doc.fileName).toBeDefined();
      expect(entry!.size).toBe(doc.sizeBytes);
      expect((await fs.stat(path.join(unzipped, entry!.path))).size).toBe(doc.sizeBytes);
    }
  });

  it("holds the assessments (JSON always, PDFs from the renderer), legal tables, dossier and audit events", async () => {
    const paths = (await listFiles(unzipped)).sort();
    for (const p of [
      "README.txt",
      "signing-key.pub.pem",
      "assessments/assessment-v1.json",
      "assessments/assessment-v1.pdf",
      "assessments/assessment-v2.json",
      "assessments/assessment-v2.pdf",
      "clause-review.csv",
      "clause-review.json",
      "transfer-matrix.csv",
      "transfer-matrix.json",
      "dossier.json",
      "audit-events.csv",
      "audit-events.jsonl",
      "manifest.json",
      "manifest.sig",
      "SHA256SUMS",
      "SHA256SUMS.sig",
    ]) {
      expect(paths, p).toContain(p);
    }
    const dossier = JSON.parse(await fs.readFile(path.join(unzipped, "dossier.json"), "utf8")) as { profile: { id: string } };
    expect(dossier.profile.id).toBe(vendorId);
    const clauses = JSON.parse(await fs.readFile(path.join(unzipped, "clause-review.json"), "utf8")) as { clauses: { clauseCode: string; status: string }[] };
    expect(clauses.clauses.length).toBeGreaterThan(3);
    const csv = await fs.readFile(path.join(unzipped, "clause-review.csv"), "utf8");
    expect(csv.split("\r\n")[0]).toBe("clauseCode,title,status,reviewed,reason,observed,threshold,value,contract,section,page,reviewerNote,blockerForElevatedTier,source");
    expect(csv.trim().split("\r\n")).toHaveLength(clauses.clauses.length + 1);
  });

  it("records the export, and the manifest anchors the chain head at that very event", async () => {
    const event = await t.db.auditEvent.findFirstOrThrow({ where: { action: "pack.export", vendorId }, orderBy: { id: "desc" } });
    expect(event.actorId).toBe(security.id);
    expect(manifest.auditChain).toEqual({ algorithm: "assay-audit-chain-v1", headHash: event.hash, headEventId: event.id });
    expect(manifest).toMatchObject({
      format: "assay-audit-pack",
      vendor: { id: vendorId },
      generatedBy: { id: security.id, email: security.email },
      approvedAssessment: { version: 1, state: "approved", overall: 71 },
    });
    expect(manifest.appVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("carries the vendor's audit events up to the export, each row re-hashable from the JSONL alone", async () => {
    const lines = (await fs.readFile(path.join(unzipped, "audit-events.jsonl"), "utf8")).trim().split("\n");
    const events = lines.map((l) => JSON.parse(l) as ChainedAuditEvent);
    const expected = await t.db.auditEvent.count({ where: { vendorId, id: { lte: manifest.auditChain.headEventId! } } });
    expect(events).toHaveLength(expected);
    expect(events.every((e) => e.vendorId === vendorId)).toBe(true);
    expect(events.at(-1)).toMatchObject({ action: "pack.export", id: manifest.auditChain.headEventId, hash: manifest.auditChain.headHash });
    for (const e of events) expect(eventHashMatches(e), `event ${e.id}`).toBe(true);
    const csv = (await fs.readFile(path.join(unzipped, "audit-events.csv"), "utf8")).trim().split("\r\n");
    expect(csv[0]).toBe("id,at,actorId,actorEmail,action,entityType,entityId,vendorId,before,after,ip,userAgent,prevHash,hash");
    expect(csv).toHaveLength(events.length + 1);
  });

  it("pdfs=latest carries only the newest assessment", async () => {
    const pack = await openVendorPack({ actor: security, vendorId, pdfs: "latest", signer: key, renderPdf: fakePdf });
    const file = path.join(tmp, "latest.zip");
    await writePack(pack.stream, file);
    const m = await pack.manifest;
    expect(m.files.map((f) => f.path).filter((p) => p.startsWith("assessments/"))).toEqual(["assessments/assessment-v2.json", "assessments/assessment-v2.pdf"]);
  });

  it("with the app's own renderer, a real assessment's PDF goes into the pack", async () => {
    const other = await t.db.vendor.findFirstOrThrow({ where: { id: { not: vendorId }, assessments: { none: {} } }, orderBy: { searchName: "asc" } });
    await createAssessment({ actor: await actorFor("procurement"), input: { vendorId: other.id } });
    const pack = await openVendorPack({ actor: security, vendorId: other.id, pdfs: "latest", signer: key });
    const file = path.join(tmp, "real-pdf.zip");
    await writePack(pack.stream, file);
    const m = await pack.manifest;
    expect(m.files.map((f) => f.path)).toContain("assessments/assessment-v1.pdf");
    const dir = path.join(tmp, "real-pdf");
    expect(spawnSync("unzip", ["-q", file, "-d", dir]).status).toBe(0);
    expect((await fs.readFile(path.join(dir, "assessments/assessment-v1.pdf"))).subarray(0, 5).toString()).toBe("%PDF-");
    expect((await cli([file, "--key", keyFile])).code).toBe(0);
  }, 60_000);

  describe("tampering", () => {
    let n = 0;
    const copy = () => path.join(tmp, `tampered-${++n}.zip`);
    async function expectFail(zip: string, problem: string) {
      const r = await cli([zip, "--key", keyFile]);
      expect(r.code).toBe(1);
      expect(r.line).toContain(problem);
    }

    it("one flipped byte in an evidence file fails naming that file", async () => {
      const evidence = manifest.files.find((f) => f.path.startsWith("evidence/"))!;
      const zip = copy();
      await flipByteInEntry(zipPath, zip, evidence.path);
      await expectFail(zip, `hash mismatch: ${evidence.path}`);
    });

    it("one flipped byte in the manifest fails naming the manifest signature", async () => {
      const zip = copy();
      await flipByteInEntry(zipPath, zip, MANIFEST_PATH, 60);
      await expectFail(zip, `bad signature: ${MANIFEST_SIG_PATH} does not verify ${MANIFEST_PATH}`);
    });

    it("an added file fails naming it", async () => {
      const zip = copy();
      await rewriteZip(zipPath, zip, { add: { "evidence/soc2_report/extra.pdf": Buffer.from("%PDF-1.7 planted\n") } });
      await expectFail(zip, "extra file: evidence/soc2_report/extra.pdf");
    });
  });

  it("refuses every role without pack.export before reading anything, and records only the refusal", async () => {
    const head = (await t.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    for (const role of ["procurement", "legal", "viewer"]) {
      await expect(openVendorPack({ actor: await actorFor(role), vendorId: "no-such-vendor", pdfs: "latest", signer: key })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(openVendorPack({ actor: await actorFor(role), vendorId, pdfs: "latest", signer: key })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await denialsWritten();
    const written = await t.db.auditEvent.findMany({ where: { id: { gt: head } }, select: { action: true, entityId: true } });
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((e) => e.action !== "denied.permission" || e.entityId !== "pack.export")).toEqual([]);
    await expect(openVendorPack({ actor: security, vendorId: "no-such-vendor", pdfs: "latest", signer: key })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a missing evidence blob is a clear error before the first byte, naming the file", async () => {
    const other = await t.db.evidenceDocument.findFirstOrThrow({ where: { vendorId: { not: vendorId } }, orderBy: { uploadedAt: "asc" } });
    const store = filesystemStoreIn();
    expect(await evidenceStore().has(other.sha256)).toBe(true);
    const blobPath = path.join(store.root, other.sha256.slice(0, 2), other.sha256);
    const saved = await fs.readFile(blobPath);
    await fs.rm(blobPath);
    try {
      await expect(openVendorPack({ actor: security, vendorId: other.vendorId, pdfs: "latest", signer: key })).rejects.toMatchObject({
        code: "INVALID_STATE",
        message: expect.stringContaining(other.fileName),
      });
    } finally {
      await fs.writeFile(blobPath, saved, { mode: 0o600 });
    }
  });
});
