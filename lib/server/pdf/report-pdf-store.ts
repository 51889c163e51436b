// Stored renders of the assessment PDF (README.md here, "Stored renders").
//
// Why: laying a report out costs ~170 ms of CPU, and on a 2-core server the
// pool renders one at a time, so ten people opening the same assessment's
// PDF at once queued for 2 s and more. The PDF is a pure function of its
// inputs: the report model (built from the frozen snapshot, its sign-offs,
// remediation, risk acceptances, branding and freshness, as of the day),
// the renderer's code and version, and its fonts. So the bytes are stored
// with a hash of those inputs and served again while the hash is the same;
// any changed input gives a new hash and a new render. The one thing left
// out of the hash is the instant of the render itself: the stored copy keeps
// the "generated" time it was laid out at, which the audit event records.
//
// Concurrent downloads of the same inputs share one render (`inFlight`), so
// a burst costs one layout, not one per request.
import { createHash } from "node:crypto";
import type { AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import type { Tx } from "../db";
import { rendererFingerprint } from "./renderer-fingerprint";

export interface StoredReportPdf {
  pdf: Buffer;
  /** When these bytes were laid out (the time printed in their footer). */
  generatedAt: Date;
  /** sha256 hex of the bytes. */
  sha256: string;
  /** False when the bytes came from the store or from a render already under way. */
  rendered: boolean;
}

type Render = (report: AssessmentReport) => Promise<Buffer>;

/** sha256 hex of everything a render reads except the instant it runs at. */
export function reportPdfInputHash(report: AssessmentReport, fingerprint: string): string {
  const { generatedAt: _instant, ...content } = report;
  return createHash("sha256").update(fingerprint).update("\n").update(JSON.stringify(content, bytesAsDigest)).digest("hex");
}

/** Binary fields (the organisation's logo) enter the hash as their digest, not as a JSON object of every byte. */
function bytesAsDigest(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Uint8Array ? `sha256:${createHash("sha256").update(raw).digest("hex")}` : value;
}

const inFlight = new Map<string, Promise<StoredReportPdf>>();

/**
 * The PDF of `report` (the model of assessment `assessmentId`): the stored
 * bytes when their inputs hash the same, else a new render through `render`,
 * stored for the next download. No permission check and no audit event:
 * the caller does both, for every download.
 */
export async function reportPdfFor(client: Tx, assessmentId: string, report: AssessmentReport, render: Render): Promise<StoredReportPdf> {
  const inputHash = reportPdfInputHash(report, await rendererFingerprint());
  const stored = await client.assessmentReportPdf.findUnique({ where: { assessmentId } });
  if (stored && stored.inputHash === inputHash) {
    const pdf = Buffer.from(stored.pdf);
    return { pdf, generatedAt: stored.generatedAt, sha256: sha256(pdf), rendered: false };
  }
  const running = inFlight.get(inputHash);
  if (running) return { ...(await running), rendered: false };
  const job = (async (): Promise<StoredReportPdf> => {
    const pdf = await render(report);
    const row = { inputHash, pdf: new Uint8Array(pdf), generatedAt: report.generatedAt };
    await client.assessmentReportPdf.upsert({ where: { assessmentId }, create: { assessmentId, ...row }, update: row });
    return { pdf, generatedAt: report.generatedAt, sha256: sha256(pdf), rendered: true };
  })();
  inFlight.set(inputHash, job);
  try {
    return await job;
  } finally {
    inFlight.delete(inputHash);
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
