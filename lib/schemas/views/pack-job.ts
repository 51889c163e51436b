import type { PackVendorFilter, PdfChoice } from "../audit-pack";

// A bulk audit-pack export job as the export page and its progress poll show
// it (lib/server/pack/pack-jobs.ts), declared here so the progress component
// types it without importing lib/server.

export const PACK_JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type PackJobStatus = (typeof PACK_JOB_STATUSES)[number];

/** Dates are ISO strings: the view travels as JSON to the polling client. */
export interface PackJobView {
  id: string;
  status: PackJobStatus;
  filter: PackVendorFilter;
  pdfs: PdfChoice;
  vendorsTotal: number;
  vendorsDone: number;
  bytesTotal: number;
  bytesDone: number;
  error: string | null;
  sha256: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  createdBy: string;
  downloadUrl: string | null;
}

/** What the signing-key card shows (lib/server/signing/pack-key-summary.ts). */
export interface PackSigningKeySummary {
  fingerprint: string;
  source: string;
  publicKeyPath: string;
}
