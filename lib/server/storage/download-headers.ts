import { contentDispositionAttachment } from "@/lib/domain/uploads/file-name";
import { MIME_TYPES } from "@/lib/domain/uploads/file-type";

export interface DownloadableDocument {
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
}

const KNOWN_MIME_TYPES = new Set(Object.values(MIME_TYPES));

/**
 * Response headers for an evidence download (call after the permission
 * check). Belt and braces against the file ever being rendered as a page:
 * always an attachment, only a known type (else octet-stream), no MIME
 * sniffing, and a sandboxing CSP in case a browser displays it anyway.
 */
export function evidenceDownloadHeaders(doc: DownloadableDocument): Record<string, string> {
  return {
    "Content-Type": KNOWN_MIME_TYPES.has(doc.mimeType) ? doc.mimeType : "application/octet-stream",
    "Content-Disposition": contentDispositionAttachment(doc.fileName),
    "Content-Length": String(doc.sizeBytes),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cross-Origin-Resource-Policy": "same-origin",
    // Evidence is confidential: never in a shared cache, never kept by the browser.
    "Cache-Control": "private, no-store",
    ETag: `"${doc.sha256}"`,
  };
}

/** Response headers for an assessment's PDF report (call after the permission check): an attachment, never sniffed or cached. */
export function reportPdfHeaders(fileName: string, sizeBytes: number): Record<string, string> {
  return {
    "Content-Type": "application/pdf",
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Content-Length": String(sizeBytes),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
  };
}

/** Response headers for a bulk audit pack archive (call after the permission check); the digest lets the client check what arrived. */
export function packArchiveHeaders(file: { fileName: string; sizeBytes: number; sha256: string | null }): Record<string, string> {
  return {
    "Content-Type": "application/zip",
    "Content-Length": String(file.sizeBytes),
    "Content-Disposition": contentDispositionAttachment(file.fileName),
    "X-Content-Type-Options": "nosniff",
    "Cache-Control": "private, no-store",
    ...(file.sha256 ? { "X-Content-SHA256": file.sha256 } : {}),
  };
}
