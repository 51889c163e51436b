// Bulk audit-pack export jobs end to end on a seeded database: a job for
// every Critical vendor runs in the background to a signed archive whose
// sub-packs each verify on their own, kept in the blob store so another
// instance serves it; a job that hits a missing evidence blob
// ends failed with the reason and leaves no file; a job left "running" by a
// dead process is sent again (or failed once it has used its attempts) and
// its partial file removed.
import { createHash, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import { isRole } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { getPackJob, listPackJobs, MAX_PACK_ATTEMPTS, openPackJobDownload, packJobFileName, packJobSettled, packsDir, recoverStalePackJobs, startPackJob, STALE_AFTER_MS } from "@/lib/server/services/pack-jobs";
import { workJobsHere } from "../helpers/job-workers";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey, type PackKey } from "@/lib/server/signing/pack-key";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { isUnreferenced } from "@/lib/server/storage/blob-references";
import type { PackJobDownload } from "@/lib/server/services/pack-jobs";
import { pipeline } from "node:stream/promises";
import { createWriteStream } from "node:fs";

async function saveDownload(download: PackJobDownload, to: string): Promise<string> {
  await pipeline(await download.open(), createWriteStream(to));
  return to;
}
import { forEachProvider } from "../helpers/test-database";

forEachProvider("bulk audit pack jobs", (t) => {
  let tmp: string;
  let previousDataDir: string | undefined;
  let key: PackKey;
  let security: Actor;

  async function actorFor(role: string): Promise<Actor> {
    const user = await t.db.user.findFirstOrThrow({ where: { role, isDemo: true } });
    if (!isRole(user.role)) throw new Error("bad role");
    return { id: user.id, email: user.email, name: user.name, role: user.role, ip: "127.0.0.1", userAgent: "vitest" };
  }

  const packFiles = async () => (await fs.readdir(packsDir())).sort();

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-pack-jobs-"));
    previousDataDir = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = path.join(tmp, "data");
    expect(await seedDemoData()).toBe("seeded");
    key = await loadOrCreatePackKey({ dataDir: path.join(tmp, "keys"), env: {} });
    security = await actorFor("security");
    await workJobsHere();
  }, 120_000);

  afterAll(async () => {
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("exports every Critical vendor in the background into one verifiable archive of verifiable sub-packs", async () => {
    const critical = await t.db.vendor.findMany({ where: { tier: "critical" }, select: { id: true } });
    expect(critical.length).toBeGreaterThan(1);
    const evidenceBytes = (await t.db.evidenceDocument.aggregate({ where: { vendorId: { in: critical.map((v) => v.id) } }, _sum: { sizeBytes: true } }))._sum.sizeBytes ?? 0;

    const { id, vendors } = await startPackJob({ actor: security, input: { filter: { tier: "critical" }, pdfs: "latest" }, options: { signer: key } });
    expect(vendors).toBe(critical.length);
    // The request returns before the work is done: the row exists, queued or running.
    expect(["queued", "running"]).toContain((await t.db.packJob.findUniqueOrThrow({ where: { id } })).status);
    await packJobSettled(id);

    const job = await getPackJob({ actor: security, jobId: id });
    expect(job).toMatchObject({ status: "done", vendorsTotal: critical.length, vendorsDone: critical.length, bytesTotal: evidenceBytes, bytesDone: evidenceBytes, error: null });
    expect(job.downloadUrl).toBe(`/api/audit-packs/${id}/download`);
    // The archive lives in the blob store; the packs directory only ever stages it.
    expect(await packFiles()).toEqual([]);
    expect(await filesystemStoreIn().has(job.sha256!)).toBe(true);

    const download = await openPackJobDownload({ actor: security, jobId: id });
    const archivePath = await saveDownload(download, path.join(tmp, "bulk.zip"));
    const bytes = await fs.readFile(archivePath);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(job.sha256);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_download", entityId: id, actorId: security.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.done", entityId: id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "pack.export", vendorId: { in: critical.map((v) => v.id) } } })).toBe(critical.length);

    const outer = await verifyPack(archivePath, { publicKeyPem: key.publicKeyPem() });
    expect(outer).toMatchObject({ ok: true, trusted: true });
    if (!outer.ok) return;
    const subPacks = outer.manifest.files.filter((f) => f.path.startsWith("vendors/"));
    expect(subPacks).toHaveLength(critical.length);
    expect(outer.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(["index.csv", "index.json"]));

    const dir = path.join(tmp, "bulk");
    expect(spawnSync("unzip", ["-q", archivePath, "-d", dir]).status).toBe(0);
    for (const sub of subPacks) {
      const inner = await verifyPack(path.join(dir, sub.path), { publicKeyPem: key.publicKeyPem() });
      expect(inner, sub.path).toMatchObject({ ok: true, trusted: true });
      if (inner.ok) expect(sub.path).toContain(inner.manifest.vendor.id);
    }
  });

  it("with the database blob store, an instance with another disk serves the archive another instance built", async () => {
    const shared = new DatabaseBlobStore(prismaBlobTable(t.db));
    const vendor = await t.db.vendor.findFirstOrThrow({ where: { tier: "critical", documents: { some: {} } }, orderBy: { searchName: "asc" }, include: { documents: true } });
    // The evidence this export reads, copied into the shared store as a multi-instance deployment keeps it.
    for (const doc of vendor.documents) await shared.put(await filesystemStoreIn().get(doc.sha256), { maxBytes: Number.MAX_SAFE_INTEGER });
    const { id } = await startPackJob({ actor: security, input: { filter: { q: vendor.name } }, options: { signer: key, store: shared } });
    await packJobSettled(id);
    const job = await getPackJob({ actor: security, jobId: id });
    expect(job.status).toBe("done");

    const builtOn = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = path.join(tmp, "another-instance");
    try {
      const download = await openPackJobDownload({ actor: security, jobId: id, store: new DatabaseBlobStore(prismaBlobTable(t.db)) });
      const archivePath = await saveDownload(download, path.join(tmp, "from-another-instance.zip"));
      expect(createHash("sha256").update(await fs.readFile(archivePath)).digest("hex")).toBe(job.sha256);
      expect(await verifyPack(archivePath, { publicKeyPem: key.publicKeyPem() })).toMatchObject({ ok: true, trusted: true });
      // Nothing of it ever reached the disk of the instance that serves it.
      expect(await fs.readdir(path.join(tmp, "another-instance")).catch(() => [])).not.toContain("packs");
    } finally {
      process.env.ASSAY_DATA_DIR = builtOn;
    }
    // A finished export's archive is in use: the orphan sweep must keep it.
    expect(await isUnreferenced(t.db, job.sha256!)).toBe(false);
  });

  it("a job that hits a missing evidence blob ends failed with the reason and leaves no file", async () => {
    const vendor = await t.db.vendor.findFirstOrThrow({ where: { tier: "high", documents: { some: {} } }, orderBy: { searchName: "asc" } });
    const doc = await t.db.evidenceDocument.findFirstOrThrow({ where: { vendorId: vendor.id } });
    const before = await packFiles();
    const store = filesystemStoreIn();
    const blob = path.join(store.root, doc.sha256.slice(0, 2), doc.sha256);
    const saved = await fs.readFile(blob);
    await fs.rm(blob);
    try {
      const { id } = await startPackJob({ actor: security, input: { filter: { tier: "high" } }, options: { signer: key } });
      await packJobSettled(id);
      const job = await getPackJob({ actor: security, jobId: id });
      expect(job.status).toBe("failed");
      expect(job.error).toMatch(/missing/);
      expect(job.error).toContain(vendor.name);
      expect(job.error).toContain(doc.sha256);
      expect(job.downloadUrl).toBeNull();
      expect(await packFiles()).toEqual(before);
      expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.failed", entityId: id } })).toBe(1);
      await expect(openPackJobDownload({ actor: security, jobId: id })).rejects.toMatchObject({ code: "INVALID_STATE" });
    } finally {
      await fs.writeFile(blob, saved, { mode: 0o600 });
    }
  });

  it("a job left running by a dead process goes back on the queue and finishes; after MAX_PACK_ATTEMPTS it fails; partial archives are removed", async () => {
    const stale = new Date(Date.now() - STALE_AFTER_MS - 5_000).toISOString();
    const deadRunner = { instance: randomUUID(), heartbeatAt: stale };
    const vendor = await t.db.vendor.findFirstOrThrow({ where: { tier: "low" }, orderBy: { searchName: "asc" } });
    const retried = await t.db.packJob.create({
      data: { status: "running", attempts: 1, startedAt: new Date(stale), createdById: security.id, vendorsTotal: 1, filter: { vendors: { q: vendor.name }, pdfs: "latest", runner: deadRunner } },
    });
    const exhausted = await t.db.packJob.create({
      data: { status: "running", attempts: MAX_PACK_ATTEMPTS, startedAt: new Date(stale), createdById: security.id, vendorsTotal: 3, vendorsDone: 1, filter: { vendors: {}, pdfs: "latest", runner: deadRunner } },
    });
    const fresh = await t.db.packJob.create({
      data: { status: "running", attempts: 1, startedAt: new Date(), createdById: security.id, filter: { vendors: {}, pdfs: "latest", runner: { instance: randomUUID(), heartbeatAt: new Date().toISOString() } } },
    });
    const partial = path.join(packsDir(), `.${packJobFileName(exhausted.id)}.${randomUUID()}.partial`);
    const otherPartial = path.join(packsDir(), `.${packJobFileName(fresh.id)}.${randomUUID()}.partial`);
    await fs.writeFile(partial, "half an archive");
    await fs.writeFile(otherPartial, "another instance, still writing");

    expect((await recoverStalePackJobs()).sort()).toEqual([retried.id, exhausted.id].sort());
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id: exhausted.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/^Interrupted 3 times/) });
    await packJobSettled(retried.id);
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id: retried.id } })).toMatchObject({ status: "done", attempts: 2, vendorsDone: 1 });
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.interrupted", entityId: { in: [retried.id, exhausted.id] } } })).toBe(2);
    // A job another instance is still beating for is left alone, file and all.
    expect((await t.db.packJob.findUniqueOrThrow({ where: { id: fresh.id } })).status).toBe("running");
    await expect(fs.stat(partial)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await fs.stat(otherPartial)).isFile()).toBe(true);
    await t.db.packJob.update({ where: { id: fresh.id }, data: { status: "failed", error: "test cleanup" } });
    await fs.rm(otherPartial);
  });

  it("only security and admin may start, list or download exports", async () => {
    for (const role of ["procurement", "legal", "viewer"]) {
      const actor = await actorFor(role);
      await expect(startPackJob({ actor, input: { filter: { tier: "critical" } } })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(listPackJobs({ actor })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(startPackJob({ actor: security, input: { filter: { tier: "galactic" } } })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(startPackJob({ actor: security, input: { filter: { q: "no vendor is called this" } } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
