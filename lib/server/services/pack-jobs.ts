// Bulk audit-pack export as a background job: e.g. "every Critical
// vendor" in one download.
//
// Shape of the archive: one outer signed pack whose content is one complete,
// signed single-vendor pack per vendor (vendors/<name>-<id>.zip) plus
// index.csv / index.json. The outer manifest lists every sub-pack with its
// SHA-256, so `verify-pack` checks the outer archive, and every sub-pack,
// once extracted, verifies on its own exactly like a single download: an
// auditor can hand one vendor's pack on without the rest.
//
// Running: the job goes on the background job queue (lib/server/jobs): with
// PostgreSQL any instance running workers may build it; with SQLite it runs
// in the process that accepted it, after the request has returned. Its
// progress lives in the PackJob row, so any instance can show it. The archive
// is written by buildPack (temp file, renamed on success, deleted on failure),
// so a failed job leaves nothing behind and says why in `error`; a finished
// one is moved into the blob store so any instance can serve it.
//
// Crash recovery: the runner's identity (instance, host, pid) and heartbeat
// live in the job's `filter` Json (`runner`), beaten every HEARTBEAT_MS. A
// running job belongs to a dead worker when its process is gone (same host,
// pid no longer alive: known at once) or its heartbeat is older than
// STALE_AFTER_MS (another host). Its partial file is removed and it is put
// back on the queue for any live worker, up to MAX_PACK_ATTEMPTS attempts;
// then it fails. This is checked at server start, every STALE_AFTER_MS on
// every instance, whenever a job is started, the jobs are listed, or one job
// is polled (pack-job-recovery.ts). A live worker keeps beating, so its job
// is never taken over; the attempt number fences a worker that was merely
// slow out of the job's row.
import { createHash } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { GENESIS_HASH } from "@/lib/domain/audit/hash-chain";
import { formatIsoDay } from "@/lib/domain/dates";
import { packJobInputSchema } from "@/lib/schemas/audit-pack";
import type { PackJobStatus, PackJobView } from "@/lib/schemas/views/pack-job";
import { setTimeout as sleep } from "node:timers/promises";
import { isRole } from "@/lib/domain/accounts/roles";
import { SYSTEM_ACTOR, type Actor } from "../actor";
import { appVersion } from "../app-version";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { AppError, notFound } from "../errors";
import { vendorListWhere } from "./vendors";
import type { BlobStore } from "../storage/blob-store";
import { evidenceStore } from "../storage/evidence-store";
import { isUnreferenced } from "../storage/blob-references";
import { getPackKey } from "../signing/pack-key";
import { parseInput } from "../validation";
import { PackSourceError, buildPack, removePartialsOf, streamPack, type PackEntry, type PackSigner } from "../pack/build-pack";
import { HEARTBEAT_MS, type JobFilterJson, MAX_PACK_ATTEMPTS, packJobFileName, packsDir, recoverStalePackJobs, runningHere, thisRunner } from "../pack/pack-job-recovery";
import { defineJob, jobQueue } from "../jobs/job-queue";

export { MAX_PACK_ATTEMPTS, packJobFileName, packsDir, recoverStalePackJobs, STALE_AFTER_MS } from "../pack/pack-job-recovery";
import { UnsafePackPathError } from "../pack/pack-paths";
import { csvDocument } from "../audit-log/event-format";
import { planVendorPack } from "./vendor-pack";
import type { RenderAssessmentPdf } from "../pack/assessment-pdf";

const PROGRESS_MS = 500;

export interface PackJobOptions {
  /** Test seams; production uses the configured store, the process key and the PDF renderer. */
  store?: BlobStore;
  signer?: PackSigner;
  renderPdf?: RenderAssessmentPdf | null;
  now?: Date;
}

/**
 * Starts a bulk export for the vendors matching `input.filter` and returns
 * at once; the job runs on the background job queue (lib/server/jobs).
 */
export async function startPackJob({ actor, input, options = {} }: { actor: Actor; input: unknown; options?: PackJobOptions }): Promise<{ id: string; vendors: number }> {
  requirePermission(actor, "pack.export");
  const { filter, pdfs } = parseInput(packJobInputSchema, input);
  await recoverStalePackJobs();
  const where = vendorListWhere({ ...filter, sort: "name", dir: "asc", page: 1, pageSize: 25 }, options.now ?? new Date());
  const vendors = await db().vendor.count({ where });
  if (vendors === 0) throw new AppError("VALIDATION", "No vendor matches this filter; nothing to export.", { filter: "No vendor matches this filter" });
  const filterJson: JobFilterJson = { vendors: filter, pdfs, runner: thisRunner() };
  const job = await db().$transaction(async (tx) => {
    const job = await tx.packJob.create({
      data: { status: "queued", filter: filterJson as object, vendorsTotal: vendors, createdById: actor.id },
    });
    await recordAudit(tx, actor, { action: "pack.bulk_export", entityType: "pack_job", entityId: job.id, after: { filter, pdfs, vendors } });
    return job;
  });
  if (Object.keys(options).length > 0) testSeams().set(job.id, options);
  try {
    await jobQueue().send("pack.build", { id: job.id });
  } catch (error) {
    // Never leave a row "queued" that no queue holds.
    await db().packJob.update({ where: { id: job.id }, data: { status: "failed", error: "The export could not be queued. Try again.", finishedAt: new Date() } });
    throw error;
  }
  return { id: job.id, vendors };
}

// Test seams travel beside the queue, in this process only: a message carries just the job id.
function testSeams(): Map<string, PackJobOptions> {
  const shared = globalThis as unknown as { assayPackJobSeams?: Map<string, PackJobOptions> };
  shared.assayPackJobSeams ??= new Map();
  return shared.assayPackJobSeams;
}

defineJob("pack.build", async ({ id }) => {
  const jobs = runningHere();
  const promise = runPackJob(id, testSeams().get(id) ?? {}).finally(() => jobs.delete(id));
  jobs.set(id, promise);
  await promise;
});

/** Resolves when a job has finished, wherever it runs (polling its row when it runs in another process). */
export async function packJobSettled(jobId: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await runningHere().get(jobId)?.catch(() => undefined);
    const job = await db().packJob.findUnique({ where: { id: jobId }, select: { status: true } });
    if (!job || job.status === "done" || job.status === "failed") return;
    if (Date.now() > deadline) throw new Error(`Audit pack job ${jobId} is still ${job.status} after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** Who started the job, as they are now: a user deactivated or moved to a role without pack.export since cannot have it built. */
async function startedBy(createdById: string): Promise<Actor> {
  const user = await db().user.findUnique({ where: { id: createdById } });
  if (!user || !user.active || !isRole(user.role)) throw new AppError("FORBIDDEN", "The user who started this export is no longer active.");
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role, ip: "background job", userAgent: "assay job queue" };
  requirePermission(actor, "pack.export");
  return actor;
}

/**
 * Builds one export. Only a row still "queued" is claimed, and every later
 * write names the attempt that claimed it, so a job delivered twice, or
 * taken over after its worker went silent, is built and finished once.
 */
async function runPackJob(jobId: string, options: PackJobOptions): Promise<void> {
  const client = db();
  const before = await client.packJob.findUnique({ where: { id: jobId }, select: { attempts: true, filter: true } });
  if (!before) return;
  const attempt = before.attempts + 1;
  const claimed = await client.packJob.updateMany({
    where: { id: jobId, status: "queued", attempts: before.attempts },
    data: { status: "running", startedAt: new Date(), attempts: attempt, filter: { ...(before.filter as object), runner: thisRunner() } as object },
  });
  if (claimed.count === 0) return;
  const mine = { id: jobId, status: "running", attempts: attempt };
  const job = await client.packJob.findUniqueOrThrow({ where: { id: jobId } });
  const config = job.filter as unknown as JobFilterJson;
  const outputPath = path.join(packsDir(), packJobFileName(jobId));
  const progress = { vendorsDone: 0, bytesDone: 0, written: "" };
  const beat = async (force = false) => {
    const key = `${progress.vendorsDone}/${progress.bytesDone}`;
    if (!force && key === progress.written) return;
    progress.written = key;
    await client.packJob.updateMany({
      where: mine,
      data: {
        vendorsDone: progress.vendorsDone,
        bytesDone: BigInt(progress.bytesDone),
        filter: { ...config, runner: thisRunner() } as object,
      },
    });
  };
  let lastBeat = Date.now();
  const timer = setInterval(() => {
    const force = Date.now() - lastBeat >= HEARTBEAT_MS;
    beat(force)
      .then(() => {
        if (force) lastBeat = Date.now();
      })
      .catch((error: unknown) => console.error(`Audit pack job ${jobId}: progress update failed`, error));
  }, PROGRESS_MS);
  timer.unref?.();

  let auditActor: Actor = SYSTEM_ACTOR;
  try {
    const actor = await startedBy(job.createdById);
    auditActor = actor;
    const now = options.now ?? new Date();
    const where = vendorListWhere({ ...config.vendors, sort: "name", dir: "asc", page: 1, pageSize: 25 }, now);
    const vendors = await client.vendor.findMany({ where, orderBy: [{ searchName: "asc" }, { id: "asc" }], select: { id: true, name: true } });
    if (vendors.length === 0) throw new AppError("INVALID_STATE", "No vendor matches the filter any more.");
    // The same filter as a relation, never every id in one IN (...): above 999 ids SQLite refuses it (Prisma P2029).
    const evidence = await client.evidenceDocument.aggregate({ where: { vendor: { is: where } }, _sum: { sizeBytes: true } });
    await client.packJob.update({ where: { id: jobId }, data: { vendorsTotal: vendors.length, bytesTotal: BigInt(evidence._sum.sizeBytes ?? 0) } });

    const signer = options.signer ?? (await getPackKey());
    const store = options.store ?? evidenceStore();
    const head = await client.auditChainHead.findUnique({ where: { id: 1 } });
    const index: { vendorId: string; vendorName: string; path: string; evidenceFiles: number; evidenceBytes: number; approvedAssessment: unknown; chainHeadEventId: number | null }[] = [];
    const usedPaths = new Set<string>();

    async function* entries(): AsyncGenerator<PackEntry> {
      for (const vendor of vendors) {
        const plan = await planVendorPack({
          actor,
          vendorId: vendor.id,
          pdfs: config.pdfs,
          now,
          signer,
          store,
          renderPdf: options.renderPdf,
          auditContext: { bulkJobId: jobId },
          onEvidenceBytes: (n) => (progress.bytesDone += n),
        });
        const packPath = uniquePath(usedPaths, `vendors/${plan.fileName.replace(/^assay-audit-pack-/, "").replace(/-\d{4}-\d{2}-\d{2}\.zip$/, "")}-${vendor.id}.zip`);
        const { stream, manifest } = streamPack(plan.options);
        yield { path: packPath, compress: false, source: () => namingVendor(Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>), vendor.name) };
        // The outer builder asks for the next entry only once this one is fully written.
        const m = await manifest;
        progress.vendorsDone++;
        index.push({
          vendorId: vendor.id,
          vendorName: vendor.name,
          path: packPath,
          evidenceFiles: plan.evidenceFiles,
          evidenceBytes: plan.evidenceBytes,
          approvedAssessment: m.approvedAssessment,
          chainHeadEventId: m.auditChain.headEventId,
        });
      }
      yield {
        path: "index.csv",
        source: () => csvDocument(["vendorId", "vendorName", "path", "evidenceFiles", "evidenceBytes", "chainHeadEventId"], index.map((i) => [i.vendorId, i.vendorName, i.path, i.evidenceFiles, i.evidenceBytes, i.chainHeadEventId])),
      };
      yield { path: "index.json", source: () => JSON.stringify({ jobId, filter: config.vendors, pdfs: config.pdfs, vendors: index }, null, 2) + "\n" };
    }

    const sha = createHash("sha256");
    let size = 0;
    await buildPack({
      outputPath,
      vendor: { id: `bulk-${jobId}`, name: `Bulk export of ${vendors.length} vendor${vendors.length === 1 ? "" : "s"}` },
      generatedBy: { id: actor.id, email: actor.email, name: actor.name },
      generatedAt: now,
      appVersion: appVersion(),
      approvedAssessment: null,
      chainHeadHash: head?.lastHash ?? GENESIS_HASH,
      chainHeadEventId: head?.lastId ?? null,
      entries: entries(),
      signer,
      onOutput: (chunk) => {
        sha.update(chunk);
        size += chunk.length;
      },
    });
    clearInterval(timer);
    const digest = sha.digest("hex");
    // The archive goes to the shared blob store, so whichever instance serves the
    // download finds it (README, "Scale path"); the local file was only the staging copy.
    const stored = await store.put(createReadStream(outputPath), { maxBytes: Number.MAX_SAFE_INTEGER });
    await fs.rm(outputPath, { force: true });
    if (stored.sha256 !== digest) throw new Error(`the stored archive hashes to ${stored.sha256}, not ${digest}`);
    const finished = await client.$transaction(async (tx) => {
      // Only while this attempt still holds it: a job taken over after its heartbeat
      // stalled past STALE_AFTER_MS is finished by the attempt that took it.
      const { count } = await tx.packJob.updateMany({
        where: mine,
        data: { status: "done", vendorsDone: vendors.length, bytesDone: BigInt(progress.bytesDone), fileName: path.basename(outputPath), sha256: digest, finishedAt: new Date() },
      });
      if (count === 0) return false;
      // The archive's hash enters the tamper-evident log: a later copy can be checked against it.
      await recordAudit(tx, actor, { action: "pack.bulk_export.done", entityType: "pack_job", entityId: jobId, after: { vendors: vendors.length, sha256: digest, sizeBytes: size } });
      return true;
    });
    if (!finished && (await isUnreferenced(client, digest))) await store.delete(digest);
  } catch (error) {
    clearInterval(timer);
    // buildPack already removed its temp file; this also covers a failure before it started.
    await removePartialsOf(outputPath).catch(() => undefined);
    const expected = error instanceof AppError || error instanceof PackSourceError || error instanceof UnsafePackPathError;
    if (!expected) console.error(`Audit pack job ${jobId} failed (attempt ${attempt} of ${MAX_PACK_ATTEMPTS})`, error);
    if (!expected && attempt < MAX_PACK_ATTEMPTS) {
      // A passing fault (a dropped connection, a busy database): back to the queue, which retries it later.
      await client.packJob.updateMany({ where: mine, data: { status: "queued" } });
      throw error;
    }
    const reason = failureReason(error);
    await client.$transaction(async (tx) => {
      const { count } = await tx.packJob.updateMany({ where: mine, data: { status: "failed", error: reason, finishedAt: new Date(), vendorsDone: progress.vendorsDone, bytesDone: BigInt(progress.bytesDone) } });
      if (count === 1) await recordAudit(tx, auditActor, { action: "pack.bulk_export.failed", entityType: "pack_job", entityId: jobId, after: { error: reason, attempt } });
    });
  }
}

/** A sub-pack's bytes; a failure inside it says which vendor it was. */
async function* namingVendor(source: Readable, vendorName: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) yield chunk;
  } catch (error) {
    if (error instanceof PackSourceError || error instanceof AppError) throw new PackSourceError(`${vendorName}: ${error.message}`);
    throw error;
  } finally {
    source.destroy();
  }
}

function uniquePath(used: Set<string>, candidate: string): string {
  let p = candidate;
  for (let n = 2; used.has(p.toLowerCase()); n++) p = candidate.replace(/\.zip$/, ` (${n}).zip`);
  used.add(p.toLowerCase());
  return p;
}

/** A reason fit for the job page: expected failures keep their message, anything else is summarised. */
function failureReason(error: unknown): string {
  if (error instanceof PackSourceError || error instanceof AppError || error instanceof UnsafePackPathError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === "ENOSPC") return "The disk is full: the archive could not be written.";
  if (code === "EACCES" || code === "EPERM") return "The packs directory is not writable.";
  return `Unexpected error while building the archive${error instanceof Error ? `: ${error.message.split("\n")[0]!.slice(0, 300)}` : "."}`;
}

type PackJobRow = Awaited<ReturnType<ReturnType<typeof db>["packJob"]["findUniqueOrThrow"]>>;

function toView(job: PackJobRow, createdBy: string): PackJobView {
  const config = job.filter as unknown as JobFilterJson;
  return {
    id: job.id,
    status: job.status as PackJobStatus,
    filter: config?.vendors ?? {},
    pdfs: config?.pdfs ?? "latest",
    vendorsTotal: job.vendorsTotal,
    vendorsDone: job.vendorsDone,
    bytesTotal: Number(job.bytesTotal),
    bytesDone: Number(job.bytesDone),
    error: job.error,
    sha256: job.sha256,
    createdAt: job.createdAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    createdBy,
    downloadUrl: job.status === "done" ? `/api/audit-packs/${job.id}/download` : null,
  };
}

/** Recent jobs for the Audit packs page (everyone with pack.export sees the team's jobs). */
export async function listPackJobs({ actor, take = 20 }: { actor: Actor; take?: number }): Promise<PackJobView[]> {
  requirePermission(actor, "pack.export");
  await recoverStalePackJobs();
  const jobs = await db().packJob.findMany({ orderBy: { createdAt: "desc" }, take });
  const users = await db().user.findMany({ where: { id: { in: [...new Set(jobs.map((j) => j.createdById))] } }, select: { id: true, email: true } });
  const emailOf = new Map(users.map((u) => [u.id, u.email]));
  return jobs.map((j) => toView(j, emailOf.get(j.createdById) ?? j.createdById));
}

export async function getPackJob({ actor, jobId }: { actor: Actor; jobId: string }): Promise<PackJobView> {
  requirePermission(actor, "pack.export");
  let job = await db().packJob.findUnique({ where: { id: jobId } });
  if (!job) throw notFound("Export job not found.");
  // The page polls this while a job runs: the poll itself notices a dead worker.
  if ((job.status === "queued" || job.status === "running") && (await recoverStalePackJobs(new Date(), jobId)).length > 0) {
    job = await db().packJob.findUniqueOrThrow({ where: { id: jobId } });
  }
  const user = await db().user.findUnique({ where: { id: job.createdById }, select: { email: true } });
  return toView(job, user?.email ?? job.createdById);
}

export interface PackJobDownload {
  open: () => Promise<Readable>;
  fileName: string;
  sizeBytes: number;
  sha256: string | null;
}

/** Opens a finished bulk archive for download and records the download. */
export async function openPackJobDownload({ actor, jobId, store = evidenceStore() }: { actor: Actor; jobId: string; store?: BlobStore }): Promise<PackJobDownload> {
  requirePermission(actor, "pack.export");
  const job = await db().packJob.findUnique({ where: { id: jobId } });
  if (!job) throw notFound("Export job not found.");
  if (job.status !== "done" || !job.fileName) throw new AppError("INVALID_STATE", job.status === "failed" ? `This export failed: ${job.error ?? "unknown reason"}` : "This export is not finished yet.");
  const archive = await locateArchive(job, store);
  if (!archive) throw notFound("The archive is no longer stored (it may have been removed by an administrator).");
  await db().$transaction((tx) => recordAudit(tx, actor, { action: "pack.bulk_download", entityType: "pack_job", entityId: job.id, after: { sha256: job.sha256, sizeBytes: archive.sizeBytes } }));
  return { ...archive, fileName: `assay-audit-packs-${formatIsoDay(job.createdAt)}-${job.id}.zip`, sha256: job.sha256 };
}

/** The archive in the blob store, or (jobs finished before archives were stored there) on this instance's disk. */
async function locateArchive(job: PackJobRow, store: BlobStore): Promise<{ open: () => Promise<Readable>; sizeBytes: number } | null> {
  const stat = job.sha256 ? await store.stat(job.sha256) : null;
  if (stat) return { open: () => store.get(stat.key), sizeBytes: stat.sizeBytes };
  const legacyPath = path.join(packsDir(), path.basename(job.fileName ?? ""));
  const legacy = await fs.stat(legacyPath).catch(() => null);
  return legacy?.isFile() ? { open: async () => createReadStream(legacyPath, { highWaterMark: 1024 * 1024 }), sizeBytes: legacy.size } : null;
}
