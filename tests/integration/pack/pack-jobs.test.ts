// Bulk audit-pack export jobs end to end on a seeded database: a job for
// every Critical vendor runs in the background to a signed archive whose
// sub-packs each verify on their own; a job that hits a missing evidence blob
// ends failed with the reason and leaves no file; a job left "running" by a
// dead process is failed and its partial file removed.
import { createHash, randomUUID } from "node:crypto";
import { spawnSync } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import { isRole } from "@/lib/domain/accounts/roles";
import type { Actor } from "@/lib/server/actor";
import { getPackJob, listPackJobs, openPackJobDownload, packJobFileName, packJobSettled, packsDir, recoverStalePackJobs, startPackJob, STALE_AFTER_MS } from "@/lib/server/services/pack-jobs";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { loadOrCreatePackKey, type PackKey } from "@/lib/server/signing/pack-key";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
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
    expect(await packFiles()).toEqual([packJobFileName(id)]);

    const download = await openPackJobDownload({ actor: security, jobId: id });
    const bytes = await fs.readFile(download.filePath);
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(job.sha256);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_download", entityId: id, actorId: security.id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.done", entityId: id } })).toBe(1);
    expect(await t.db.auditEvent.count({ where: { action: "pack.export", vendorId: { in: critical.map((v) => v.id) } } })).toBe(critical.length);

    const outer = await verifyPack(download.filePath, { publicKeyPem: key.publicKeyPem() });
    expect(outer).toMatchObject({ ok: true, trusted: true });
    if (!outer.ok) return;
    const subPacks = outer.manifest.files.filter((f) => f.path.startsWith("vendors/"));
    expect(subPacks).toHaveLength(critical.length);
    expect(outer.manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(["index.csv", "index.json"]));

    const dir = path.join(tmp, "bulk");
    expect(spawnSync("unzip", ["-q", download.filePath, "-d", dir]).status).toBe(0);
    for (const sub of subPacks) {
      const inner = await verifyPack(path.join(dir, sub.path), { publicKeyPem: key.publicKeyPem() });
      expect(inner, sub.path).toMatchObject({ ok: true, trusted: true });
      if (inner.ok) expect(sub.path).toContain(inner.manifest.vendor.id);
    }
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

  it("a job left running by a dead process is failed and its partial archive removed", async () => {
    const stale = new Date(Date.now() - STALE_AFTER_MS - 5_000).toISOString();
    const job = await t.db.packJob.create({
      data: { status: "running", startedAt: new Date(stale), createdById: security.id, vendorsTotal: 3, vendorsDone: 1, filter: { vendors: {}, pdfs: "latest", runner: { instance: randomUUID(), heartbeatAt: stale } } },
    });
    const fresh = await t.db.packJob.create({
      data: { status: "running", startedAt: new Date(), createdById: security.id, filter: { vendors: {}, pdfs: "latest", runner: { instance: randomUUID(), heartbeatAt: new Date().toISOString() } } },
    });
    const partial = path.join(packsDir(), `.${packJobFileName(job.id)}.${randomUUID()}.partial`);
    const otherPartial = path.join(packsDir(), `.${packJobFileName(fresh.id)}.${randomUUID()}.partial`);
    await fs.writeFile(partial, "half an archive");
    await fs.writeFile(otherPartial, "another instance, still writing");

    expect(await recoverStalePackJobs()).toEqual([job.id]);
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "failed", error: expect.stringMatching(/^Interrupted/) });
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
