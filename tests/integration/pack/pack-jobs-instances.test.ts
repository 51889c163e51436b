// Bulk exports on three instances sharing one PostgreSQL (README, "Background
// jobs"): three worker processes, each with its own data directory, work the
// queue. 50 exports each run exactly once; the instance running a large
// export is SIGKILLed mid-archive and another instance finishes it; the
// archive is served by this process, which built none of them. PostgreSQL
// only: SQLite serves one instance by design.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash, generateKeyPairSync } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { verifyPack } from "@/lib/server/pack/verify-pack";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { openPackJobDownload, startPackJob } from "@/lib/server/services/pack-jobs";
import { createVendor } from "@/lib/server/services/vendors";
import { DatabaseBlobStore } from "@/lib/server/storage/database-store";
import { prismaBlobTable } from "@/lib/server/storage/prisma-blob-table";
import { ROOT } from "../cli/run-cli";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const INSTANCES = 3;
const SMALL_JOBS = 50;

forEachProvider("bulk exports on three instances", (t) => {
  if (t.provider !== "postgresql") {
    it.skip("needs PostgreSQL: SQLite serves one instance", () => undefined);
    return;
  }
  let sandbox: string;
  let security: Actor;
  const workers = new Map<number, ChildProcess>();
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const publicKeyPem = publicKey.export({ type: "spki", format: "pem" }).toString();
  const saved = { dataDir: process.env.ASSAY_DATA_DIR, store: process.env.ASSAY_EVIDENCE_STORE };

  function startWorker(n: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/integration/pack/children/job-worker.ts")], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: t.url, ASSAY_DATA_DIR: path.join(sandbox, `instance-${n}`), ASSAY_EVIDENCE_STORE: "database", ASSAY_SIGNING_KEY_PEM: keyPem },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr!.setEncoding("utf8").on("data", (c: string) => (stderr += c));
      child.stdout!.setEncoding("utf8").on("data", (c: string) => {
        const m = /^ready (\d+)$/m.exec(c);
        if (m) {
          workers.set(Number(m[1]), child);
          resolve(Number(m[1]));
        }
      });
      child.on("exit", (code, signal) => reject(new Error(`worker ${n} exited (${code ?? signal}) before it was ready: ${stderr}`)));
    });
  }

  async function settled(ids: string[], timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const open = await t.db.packJob.count({ where: { id: { in: ids }, status: { in: ["queued", "running"] } } });
      if (open === 0) return;
      if (Date.now() > deadline) throw new Error(`${open} of ${ids.length} exports still open after ${timeoutMs} ms`);
      await sleep(200);
    }
  }

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-instances-"));
    process.env.ASSAY_DATA_DIR = path.join(sandbox, "this-process");
    process.env.ASSAY_EVIDENCE_STORE = "database";
    await ensureSettings();
    security = await makeActor("security");
    await Promise.all(Array.from({ length: INSTANCES }, (_, n) => startWorker(n)));
  }, 120_000);

  afterAll(async () => {
    for (const child of workers.values()) child.kill("SIGKILL");
    process.env.ASSAY_DATA_DIR = saved.dataDir;
    if (saved.store === undefined) delete process.env.ASSAY_EVIDENCE_STORE;
    else process.env.ASSAY_EVIDENCE_STORE = saved.store;
    if (sandbox) await rm(sandbox, { recursive: true, force: true });
  });

  it("a killed instance's export is finished by another, 50 exports run once each, and this process serves an archive it never built", { timeout: 300_000 }, async () => {
    const procurement = await makeActor("procurement");
    const store = new DatabaseBlobStore(prismaBlobTable(t.db));
    // A large export, so that its instance can be killed in the middle of it.
    const large = await createVendor({ actor: procurement, input: { ...validVendor, name: "Large Export Qz0x" } });
    for (const fill of ["first policy\n", "second policy\n"]) {
      await uploadEvidence({ actor: security, input: { vendorId: large.id, kind: "other", effectiveDate: "2026-01-01" }, stream: Readable.from([Buffer.alloc(20_000_000, fill)]), declaredName: "policy.txt", store });
    }
    const { id: largeId } = await startPackJob({ actor: security, input: { filter: { q: "Qz0x" } } });
    let victim: number | undefined;
    for (let i = 0; i < 600 && victim === undefined; i++) {
      const row = await t.db.packJob.findUniqueOrThrow({ where: { id: largeId } });
      const pid = (row.filter as { runner?: { pid?: number } }).runner?.pid;
      if (row.status === "running" && pid && workers.has(pid)) victim = pid;
      else await sleep(25);
    }
    expect(victim, "an instance took the large export").toBeDefined();
    workers.get(victim!)!.kill("SIGKILL");
    workers.delete(victim!);

    const small: string[] = [];
    for (let i = 0; i < SMALL_JOBS; i++) {
      await createVendor({ actor: procurement, input: { ...validVendor, name: `Fleet Vendor Zq${i}x` } });
      small.push((await startPackJob({ actor: security, input: { filter: { q: `Zq${i}x` } } })).id);
    }
    await settled([largeId, ...small], 240_000);

    const jobs = await t.db.packJob.findMany({ where: { id: { in: small } } });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(small.map(() => ["done", 1]));
    for (const id of small) {
      expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.done", entityId: id } }), id).toBe(1);
    }
    // Each small export packed its one vendor once: a second run would have recorded a second pack.export.
    const fleet = await t.db.vendor.findMany({ where: { name: { startsWith: "Fleet Vendor" } }, select: { id: true } });
    expect(fleet).toHaveLength(SMALL_JOBS);
    expect(await t.db.auditEvent.count({ where: { action: "pack.export", vendorId: { in: fleet.map((v) => v.id) } } })).toBe(SMALL_JOBS);

    const largeJob = await t.db.packJob.findUniqueOrThrow({ where: { id: largeId } });
    expect(largeJob).toMatchObject({ status: "done", attempts: 2, error: null });
    expect((largeJob.filter as { runner?: { pid?: number } }).runner?.pid).not.toBe(victim);
    expect(await t.db.auditEvent.count({ where: { action: "pack.bulk_export.interrupted", entityId: largeId } })).toBe(1);

    const download = await openPackJobDownload({ actor: security, jobId: largeId, store });
    const archive = path.join(sandbox, "large.zip");
    await pipeline(await download.open(), createWriteStream(archive));
    expect(createHash("sha256").update(await readFile(archive)).digest("hex")).toBe(largeJob.sha256);
    expect(await verifyPack(archive, { publicKeyPem })).toMatchObject({ ok: true, trusted: true });
  });
});
