import type { Readable } from "node:stream";
import { z } from "zod";
import { evidenceUploadInputSchema } from "@/lib/schemas/dossier";
import type { Actor } from "../actor";
import { recordAudit } from "../audit";
import { requirePermission } from "../authorize";
import { db } from "../db";
import { refreshVendorSummary } from "./vendor-summaries";
import { notFound } from "../errors";
import { noteDenial } from "../denials";
import { type BlobSource, type BlobStore, UploadRejectedError } from "../storage/blob-store";
import { type DeclaredUpload, verifiedBody } from "../http/upload-integrity";
import { ingestUpload } from "../storage/ingest-upload";
import { tooLarge } from "../storage/metered-source";
import { parseInput } from "../validation";
import { loadSettings } from "./settings";
import { crashPoint } from "../storage/crash-point";
import { asStorageError } from "../storage/write-fully";

const uploadTargetSchema = z.object({ vendorId: z.string().min(1) });

/**
 * Stores an uploaded evidence file and its metadata row. The bytes are checked
 * (type from content, size while streaming, safe name) before anything is
 * kept; the metadata row and its audit event commit together afterwards.
 *
 * Order of writes (lib/server/storage/README.md): staged bytes → blob
 * published under its hash → document row + audit event in one transaction.
 * A crash before the transaction leaves only bytes no row points at, which
 * the orphan sweeper removes after its grace period; so every crash leaves
 * either nothing or a complete document.
 */
export async function uploadEvidence({
  actor,
  input,
  stream,
  declaredName,
  declared = { sizeBytes: null, sha256: null },
  store,
}: {
  actor: Actor;
  input: unknown;
  stream: BlobSource;
  declaredName: string;
  /** Content-Length and the optional client digest (see upload-integrity.ts). */
  declared?: DeclaredUpload;
  store: BlobStore;
}) {
  requirePermission(actor, "evidence.upload");
  const { vendorId } = parseInput(uploadTargetSchema, input);
  const meta = parseInput(evidenceUploadInputSchema, input);
  const vendor = await db().vendor.findUnique({ where: { id: vendorId }, select: { id: true } });
  if (!vendor) throw notFound("Vendor not found.");
  const { uploads } = await loadSettings();
  let stored: Awaited<ReturnType<typeof ingestUpload>>;
  try {
    // Refused before a byte is read: the client said how big the file is.
    if (declared.sizeBytes !== null && declared.sizeBytes > uploads.maxBytes) throw tooLarge(uploads.maxBytes);
    // Only a contract may be an HTML page: the clause finder reads it; it is stored and served as plain text.
    stored = await ingestUpload({ store, stream: verifiedBody(stream, declared), declaredName, maxBytes: uploads.maxBytes, acceptHtml: meta.kind === "contract" });
  } catch (error) {
    if (error instanceof UploadRejectedError) {
      noteDenial(actor, {
        action: "denied.upload",
        entityType: "vendor",
        entityId: vendorId,
        vendorId,
        details: { reason: error.reason, message: error.message, declaredName: declaredName.slice(0, 255), declaredSizeBytes: declared.sizeBytes },
      });
    }
    throw error;
  }
  const earlier = await db().evidenceDocument.findFirst({ where: { vendorId, sha256: stored.sha256 }, select: { id: true, fileName: true, kind: true } });
  const previous = earlier ? { id: earlier.id, fileName: earlier.fileName } : null;
  crashPoint("upload.blob-committed");
  const committed = await db().$transaction(async (tx) => {
    const document = await tx.evidenceDocument.create({
      data: {
        vendorId,
        kind: meta.kind,
        title: meta.title ?? null,
        fileKind: stored.kind,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        mimeType: stored.mimeType,
        fileName: stored.fileName,
        uploadedById: actor.id,
        effectiveDate: meta.effectiveDate,
      },
    });
    await recordAudit(tx, actor, {
      action: "evidence.upload",
      entityType: "evidence",
      entityId: document.id,
      vendorId,
      after: { kind: document.kind, fileName: document.fileName, sha256: document.sha256, sizeBytes: document.sizeBytes, effectiveDate: document.effectiveDate },
    });
    await refreshVendorSummary(tx, vendorId);
    // Same bytes twice is recognised: by hash, for this vendor or any other.
    // The earlier copy's kind tells the contract upload whether it was already read as a contract.
    return { document, duplicateOf: previous, duplicateKind: earlier?.kind, sameBytesStored: stored.duplicate };
  }).catch((error: unknown) => {
    // A database with no room left is "storage full" too (507), not a 500.
    throw asStorageError(error);
  });
  crashPoint("upload.document-committed");
  return committed;
}

/** Opens an evidence file for download after the permission check, and records the download. */
export async function openEvidence({ actor, documentId, store }: { actor: Actor; documentId: string; store: BlobStore }): Promise<{
  document: { fileName: string; mimeType: string; sizeBytes: number; sha256: string };
  body: Readable;
}> {
  requirePermission(actor, "evidence.read");
  const document = await db().evidenceDocument.findUnique({ where: { id: documentId } });
  if (!document) throw notFound("Document not found.");
  const body = await store.get(document.sha256);
  await db().$transaction((tx) =>
    recordAudit(tx, actor, { action: "evidence.download", entityType: "evidence", entityId: document.id, vendorId: document.vendorId }),
  );
  return { document, body };
}
