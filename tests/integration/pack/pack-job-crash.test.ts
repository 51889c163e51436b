// A bulk export whose process is killed mid-archive must not stay "running":
// the next status poll (what the Audit packs page does, and every worker every
// STALE_AFTER_MS / 2) removes its partial file and puts it back on the queue,
// where a live worker finishes it. The job runs in a child process
// (children/run-pack-job.ts) that is SIGKILLed while writing.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { getPackJob, listPackJobs, packJobSettled, packsDir, STALE_AFTER_MS, startPackJob } from "@/lib/server/services/pack-jobs";
import type { BlobStore } from "@/lib/server/storage/blob-store";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { ROOT } from "../cli/run-cli";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { workJobsHere } from "../helpers/job-workers";
import { forEachProvider } from "../helpers/test-database";

/** Starts the child and resolves with it and its job id once the job is running with a partial file. */
function startChild(env: Record<string, string>, actor: Actor): Promise<{ jobId: string; kill: () => Promise<NodeJS.Signals | null> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/integration/pack/children/run-pack-job.ts"), JSON.stringify(actor)], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    const exited = new Promise<NodeJS.Signals | null>((done) => child.on("exit", (_code, signal) => done(signal)));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      stdout += c;
      const m = /^ready (\S+)$/m.exec(stdout);
      if (m) resolve({ jobId: m[1]!, kill: () => (child.kill("SIGKILL"), exited) });
    });
    child.on("error", reject);
    void exited.then(() => reject(new Error(`child exited before the job was running: ${stderr}`)));
  });
}

forEachProvider("bulk export killed mid-job", (t) => {
  let sandbox: string;
  let security: Actor;
  const saved = process.env.ASSAY_DATA_DIR;

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-pack-crash-"));
    process.env.ASSAY_DATA_DIR = sandbox;
    await ensureSettings();
    security = await makeActor("security");
    const procurement = await makeActor("procurement");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Killed Export Vendor" } });
    await uploadEvidence({
      actor: security,
      input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-01" },
      stream: Readable.from([Buffer.alloc(300_000, "policy text\n")]),
      declaredName: "policy.txt",
      store: filesystemStoreIn(),
    });
  });

  afterAll(async () => {
    if (saved === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = saved;
    await rm(sandbox, { recursive: true, force: true });
  });

  it("is put back on the queue by the next status poll, its partial archive removed, and finished by a live worker", async () => {
    const { jobId, kill } = await startChild({ DATABASE_URL: t.url, ASSAY_DATA_DIR: sandbox }, security);
    expect((await readdir(packsDir())).filter((n) => n.endsWith(".partial"))).toHaveLength(1);
    expect(await kill()).toBe("SIGKILL");
    expect((await t.db.packJob.findUniqueOrThrow({ where: { id: jobId } })).status).toBe("running");
    // Only now does this process work the queue: the child had to be the one running the job.
    await workJobsHere();

    const polledAt = Date.now();
    const job = await getPackJob({ actor: security, jobId });
    // Same host, process gone: known at once, no waiting for the heartbeat to go stale.
    expect(Date.now() - polledAt).toBeLessThan(5_000);
    expect(["queued", "running"]).toContain(job.status);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.interrupted", entityId: jobId } })).toBe(1);
    await packJobSettled(jobId);
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ status: "done", attempts: 2, error: null });
    expect(await readdir(packsDir())).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.done", entityId: jobId } })).toBe(1);
    // The list agrees, and the interruption was recorded once.
    expect((await listPackJobs({ actor: security })).find((j) => j.id === jobId)?.status).toBe("done");
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.interrupted", entityId: jobId } })).toBe(1);
  });

  it("a worker that finishes after its job was taken over by another attempt neither finishes the job nor keeps its archive", async () => {
    await workJobsHere();
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    let deleted!: (key: string) => void;
    const archiveDropped = new Promise<string>((r) => (deleted = r));
    const real = filesystemStoreIn();
    const held: BlobStore = {
      put: real.put.bind(real),
      has: real.has.bind(real),
      stat: real.stat.bind(real),
      delete: async (key) => (await real.delete(key), deleted(key)),
      get: async (key) => (await released, real.get(key)),
    };
    const { id } = await startPackJob({ actor: security, input: { filter: {} }, options: { store: held, renderPdf: null } });
    for (let i = 0; i < 200 && (await t.db.packJob.findUniqueOrThrow({ where: { id } })).status !== "running"; i++) await sleep(25);
    // What happens when this worker's heartbeat stalls: recovery re-queues it and another worker claims attempt 2.
    await t.db.packJob.update({ where: { id }, data: { attempts: 2 } });
    release();
    const key = await archiveDropped;
    expect(await real.has(key)).toBe(false);
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "running", attempts: 2, fileName: null, sha256: null });
    expect(await readdir(packsDir())).toEqual([]);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.done", entityId: id } })).toBe(0);
    await t.db.packJob.update({ where: { id }, data: { status: "failed", error: "test cleanup" } });
  });

  it("a job of another host is put back on the queue by the poll once its heartbeat is older than STALE_AFTER_MS, not before", async () => {
    await workJobsHere();
    const runner = (ageMs: number) => ({ instance: randomUUID(), host: "another-host.example", pid: 4242, heartbeatAt: new Date(Date.now() - ageMs).toISOString() });
    const create = (ageMs: number) =>
      t.db.packJob.create({ data: { status: "running", attempts: 1, startedAt: new Date(), createdById: security.id, filter: { vendors: {}, pdfs: "latest", runner: runner(ageMs) } } });
    const beating = await create(STALE_AFTER_MS - 10_000);
    const silent = await create(STALE_AFTER_MS + 1_000);
    expect((await getPackJob({ actor: security, jobId: beating.id })).status).toBe("running");
    expect(["queued", "running"]).toContain((await getPackJob({ actor: security, jobId: silent.id })).status);
    await packJobSettled(silent.id);
    expect(await t.db.packJob.findUniqueOrThrow({ where: { id: silent.id } })).toMatchObject({ status: "done", attempts: 2 });
    await t.db.packJob.update({ where: { id: beating.id }, data: { status: "failed", error: "test cleanup" } });
  });
});
