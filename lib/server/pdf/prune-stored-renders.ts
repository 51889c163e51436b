// Stored assessment PDF renders (README.md here, "Stored renders") that can
// never be served again, or only rarely: a row whose input hash is no longer
// the assessment's current one (its inputs changed; the next download renders
// anew and replaces it anyway) or whose assessment is gone, and any render
// laid out more than STORED_RENDER_MAX_AGE_MS ago. Each is a whole PDF in the
// database; removing one costs at most one render on a later download.
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { buildAssessmentReport } from "@/lib/domain/assessments/assessment-report";
import type { PrismaClient } from "../db";
import { loadReportInput } from "../services/assessments/report-input";
import { rendererFingerprint } from "./renderer-fingerprint";
import { reportPdfInputHash } from "./report-pdf-store";

export const STORED_RENDER_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const BATCH = 100;

export interface PrunedRenders {
  superseded: number;
  expired: number;
}

/** Removes stored renders that are superseded (or orphaned) as of `now`, or older than `maxAgeMs`. */
export async function pruneStoredReportPdfs({ client, now = new Date(), maxAgeMs = STORED_RENDER_MAX_AGE_MS }: { client: PrismaClient; now?: Date; maxAgeMs?: number }): Promise<PrunedRenders> {
  const cutoff = new Date(now.getTime() - maxAgeMs);
  const fingerprint = await rendererFingerprint();
  const pruned: PrunedRenders = { superseded: 0, expired: 0 };
  let after = "";
  for (;;) {
    // Never the bytes: only what decides whether a row stays.
    const batch = await client.assessmentReportPdf.findMany({
      where: { assessmentId: { gt: after } },
      orderBy: { assessmentId: "asc" },
      take: BATCH,
      select: { assessmentId: true, inputHash: true, generatedAt: true },
    });
    if (batch.length === 0) return pruned;
    after = batch[batch.length - 1]!.assessmentId;
    for (const row of batch) {
      const reason = row.generatedAt < cutoff ? "expired" : (await isCurrent(client, row.assessmentId, row.inputHash, now, fingerprint)) ? null : "superseded";
      if (reason) {
        // Conditional on the hash: a download that stored a new render meanwhile keeps it.
        const { count } = await client.assessmentReportPdf.deleteMany({ where: { assessmentId: row.assessmentId, inputHash: row.inputHash } });
        pruned[reason] += count;
      }
      // Building a report model is CPU work: a turn of the event loop after each, so requests keep being served.
      await yieldToEventLoop();
    }
  }
}

/** Whether a download now would be served this stored render: the same hash report-pdf-store.ts computes. */
async function isCurrent(client: PrismaClient, assessmentId: string, inputHash: string, now: Date, fingerprint: string): Promise<boolean> {
  const loaded = await loadReportInput(client, assessmentId, now);
  return loaded !== null && reportPdfInputHash(buildAssessmentReport(loaded.input), fingerprint) === inputHash;
}
