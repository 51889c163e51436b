// One vendor's audit pack (docs/rules.md §10): what goes in, in which order, with
// which expectations. build-pack.ts does the streaming, hashing and signing;
// this module decides the contents:
//
//   README.txt, signing-key.pub.pem           (written by the builder)
//   assessments/assessment-v<N>.json          frozen snapshot: score, findings, sign-offs
//   assessments/assessment-v<N>.pdf           when the PDF renderer exists (assessment-pdf.ts)
//   evidence/<kind>/<file name>               every evidence file, checked against the
//                                             SHA-256 and size recorded at upload
//   clause-review.csv|json, transfer-matrix.csv|json
//   dossier.json                              the interchange format (lib/schemas/dossier.ts)
//   audit-events.csv|jsonl                    the vendor's audit events, up to the export event
//   manifest.json, manifest.sig, SHA256SUMS, SHA256SUMS.sig   (written last by the builder)
//
// The export is recorded ("pack.export") before the first byte, in the same
// transaction that reads the chain head: the manifest's head hash is that
// very event, and the pack's audit events run up to and including it.
import type { Readable } from "node:stream";
import { safePathSegment, PackPathAllocator } from "../pack/pack-paths";
import { PackSourceError, streamPack, type PackEntry, type PackOptions, type PackSigner } from "../pack/build-pack";
import type { PackManifest } from "../pack/manifest";
import { legalPackFiles } from "../pack/legal-tables";
import { assessmentPdfRenderer, type RenderAssessmentPdf } from "../pack/assessment-pdf";
import { formatIsoDay } from "@/lib/domain/dates";
import type { PdfChoice } from "@/lib/schemas/audit-pack";
import type { Actor } from "../actor";
import { appVersion } from "../app-version";
import { auditEventLines, auditEventsInOrder, recordAndReadHead } from "../audit-log/export-stream";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { loadDossier } from "../dossier/load-dossier";
import { AppError, notFound } from "../errors";
import { batchText } from "../http/stream-response";
import { loadSettings } from "./settings";
import type { BlobStore } from "../storage/blob-store";
import { evidenceStore } from "../storage/evidence-store";
import { getPackKey } from "../signing/pack-key";

const APPROVED_STATES = ["approved", "approved_with_conditions"];

export interface VendorPackRequest {
  actor: Actor;
  vendorId: string;
  pdfs: PdfChoice;
  now?: Date;
  /** Defaults: the process-wide key, the configured evidence store and PDF renderer. */
  signer?: PackSigner;
  store?: BlobStore;
  renderPdf?: RenderAssessmentPdf | null;
  /** Recorded with the "pack.export" event (a bulk job passes its id). */
  auditContext?: { bulkJobId: string };
  /** Called with each chunk's size as evidence bytes stream in (bulk job progress). */
  onEvidenceBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

export interface VendorPackPlan {
  options: PackOptions;
  vendor: { id: string; name: string };
  fileName: string;
  /** Sum of the evidence files' recorded sizes. */
  evidenceBytes: number;
  evidenceFiles: number;
}

/**
 * Checks the permission (first, before anything is read), records the
 * export, and returns the pack's options with lazily opened entries. Nothing
 * is streamed yet.
 */
export async function planVendorPack(req: VendorPackRequest): Promise<VendorPackPlan> {
  requirePermission(req.actor, "pack.export");
  const client = db();
  const now = req.now ?? new Date();
  const loaded = await loadDossier(client, req.vendorId);
  if (!loaded) throw notFound("Vendor not found.");
  const { vendor, dossier, documents } = loaded;
  const settings = await loadSettings(client);
  const store = req.store ?? evidenceStore();
  const renderPdf = req.renderPdf === undefined ? await assessmentPdfRenderer() : req.renderPdf;
  const signer = req.signer ?? (await getPackKey());

  const assessments = await client.assessment.findMany({
    where: { vendorId: vendor.id },
    orderBy: { version: "asc" },
    select: { id: true, version: true, state: true, overall: true, rating: true, createdAt: true, submittedAt: true, decidedAt: true, nextDueAt: true },
  });
  const chosen = req.pdfs === "all" ? assessments : assessments.slice(-1);
  const approved = [...assessments].reverse().find((a) => APPROVED_STATES.includes(a.state)) ?? null;
  const approvedSummary = approved ? await assessmentSummary(approved.id) : null;

  const head = await recordAndReadHead(req.actor, {
    action: "pack.export",
    entityType: "vendor",
    entityId: vendor.id,
    vendorId: vendor.id,
    after: { pdfs: req.pdfs, assessments: chosen.map((a) => a.version), evidenceFiles: documents.length, ...req.auditContext },
  });

  const generatedAt = now.toISOString();
  const paths = new PackPathAllocator();
  async function* entries(): AsyncGenerator<PackEntry> {
    for (const a of chosen) {
      yield { path: paths.reserve(`assessments/assessment-v${a.version}.json`), source: async () => JSON.stringify(await assessmentSnapshot(a.id), null, 2) + "\n" };
      if (renderPdf) yield { path: paths.reserve(`assessments/assessment-v${a.version}.pdf`), source: () => renderPdf(a.id) };
    }
    for (const doc of documents) {
      const path = paths.allocate(`evidence/${safePathSegment(doc.kind, "other")}`, doc.fileName);
      yield {
        path,
        size: doc.sizeBytes,
        expectedSha256: doc.sha256,
        source: async () => countBytes(await openEvidenceBlob(store, doc.sha256, path), req.onEvidenceBytes),
      };
    }
    const legal = legalPackFiles(dossier, settings, { vendorId: vendor.id, vendorName: vendor.name, generatedAt });
    for (const [path, text] of Object.entries(legal)) yield { path: paths.reserve(path), source: () => text };
    yield { path: paths.reserve("dossier.json"), source: () => JSON.stringify(dossier, null, 2) + "\n" };
    for (const format of ["csv", "jsonl"] as const) {
      yield {
        path: paths.reserve(`audit-events.${format}`),
        source: () => batchText(auditEventLines(auditEventsInOrder(client, { vendorId: vendor.id }, head.headId), format)),
      };
    }
  }

  return {
    vendor: { id: vendor.id, name: vendor.name },
    fileName: `assay-audit-pack-${fileSlug(vendor.name)}-${formatIsoDay(now)}.zip`,
    evidenceBytes: documents.reduce((sum, d) => sum + d.sizeBytes, 0),
    evidenceFiles: documents.length,
    options: {
      vendor: { id: vendor.id, name: vendor.name },
      generatedBy: { id: req.actor.id, email: req.actor.email, name: req.actor.name },
      generatedAt: now,
      appVersion: appVersion(),
      approvedAssessment: approvedSummary,
      chainHeadHash: head.headHash,
      chainHeadEventId: head.headId,
      entries: entries(),
      signer,
      signal: req.signal,
    },
  };
}

/**
 * Every evidence blob the pack needs is in the store with its recorded size.
 * Checked before a download starts, so a missing file is a clear error
 * instead of a ZIP cut off halfway.
 */
export async function assertEvidencePresent(vendorId: string, store: BlobStore = evidenceStore()): Promise<void> {
  const documents = await db().evidenceDocument.findMany({ where: { vendorId }, select: { fileName: true, kind: true, sha256: true, sizeBytes: true } });
  for (const d of documents) {
    const stat = await store.stat(d.sha256);
    if (!stat || stat.sizeBytes !== d.sizeBytes) {
      throw new AppError("INVALID_STATE", `The audit pack cannot be built: evidence file "${d.fileName}" (${d.kind}) is ${stat ? "damaged" : "missing"} in storage (SHA-256 ${d.sha256}).`);
    }
  }
}

/** A streamed single-vendor pack for the download route. */
export async function openVendorPack(req: VendorPackRequest): Promise<{ stream: ReadableStream<Uint8Array>; manifest: Promise<PackManifest>; fileName: string }> {
  requirePermission(req.actor, "pack.export");
  const store = req.store ?? evidenceStore();
  const vendor = await db().vendor.findUnique({ where: { id: req.vendorId }, select: { id: true } });
  if (!vendor) throw notFound("Vendor not found.");
  await assertEvidencePresent(vendor.id, store);
  const plan = await planVendorPack({ ...req, store });
  const { stream, manifest } = streamPack(plan.options);
  return { stream, manifest, fileName: plan.fileName };
}

async function openEvidenceBlob(store: BlobStore, sha256: string, path: string): Promise<Readable> {
  try {
    return await store.get(sha256);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw new PackSourceError(`${path}: the stored file is missing (SHA-256 ${sha256})`);
    throw err;
  }
}

async function* countBytes(source: Readable, onBytes: ((n: number) => void) | undefined): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of source as AsyncIterable<Uint8Array>) {
      onBytes?.(chunk.length);
      yield chunk;
    }
  } finally {
    source.destroy();
  }
}

/** The manifest's "latest approved assessment" summary. */
async function assessmentSummary(assessmentId: string) {
  const a = await db().assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: {
      id: true, version: true, state: true, overall: true, rating: true, createdAt: true, submittedAt: true, decidedAt: true, nextDueAt: true,
      signOffs: { select: { role: true, decision: true, comment: true, signedById: true, signedAt: true }, orderBy: { signedAt: "asc" } },
    },
  });
  const signers = await db().user.findMany({ where: { id: { in: a.signOffs.map((s) => s.signedById) } }, select: { id: true, email: true } });
  const emailOf = new Map(signers.map((u) => [u.id, u.email]));
  return {
    id: a.id,
    version: a.version,
    state: a.state,
    overall: a.overall,
    rating: a.rating,
    createdAt: a.createdAt.toISOString(),
    submittedAt: a.submittedAt?.toISOString() ?? null,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    nextDueAt: a.nextDueAt?.toISOString() ?? null,
    signOffs: a.signOffs.map((s) => ({ role: s.role, decision: s.decision, comment: s.comment, signedBy: emailOf.get(s.signedById) ?? s.signedById, signedAt: s.signedAt.toISOString() })),
  };
}

/** An assessment's frozen snapshot as stored (never recomputed), with its summary. */
async function assessmentSnapshot(assessmentId: string) {
  const summary = await assessmentSummary(assessmentId);
  const a = await db().assessment.findUniqueOrThrow({ where: { id: assessmentId }, select: { score: true, findings: true, settings: true, dossier: true } });
  return { ...summary, score: a.score, findings: a.findings, settings: a.settings, dossier: a.dossier };
}

function fileSlug(name: string): string {
  const slug = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return slug.slice(0, 60) || "vendor";
}
