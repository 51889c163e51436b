import { isAssessmentState, type AssessmentState } from "@/lib/domain/assessments/assessment-workflow";
import { parseSnapshotDossier, SnapshotFormatError } from "@/lib/schemas/assessment-snapshot";
import type { Finding } from "@/lib/domain/findings/finding";
import { nextAssessmentDue } from "@/lib/domain/assessments/next-due";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { compareSnapshotWithLive, type SnapshotFreshness } from "@/lib/domain/assessments/snapshot-freshness";
import type { Dossier } from "@/lib/schemas/dossier";
import type { Settings } from "@/lib/schemas/settings";
import type { Tx } from "../../db";
import { AppError } from "../../errors";
import { loadDossier, loadDossierAtOnce, loadLatestRiskAcceptance, loadOpenRemediation } from "../../dossier/load-dossier";
import { keptPerVersion } from "../kept-per-version";
import { loadSettings } from "../settings";

// Scored assessments (docs/rules.md §8-9). An assessment freezes the
// dossier, the settings, the findings and the score in one transaction; those
// four columns (plus overall and rating, copies of the score) are written by
// createAssessment (create.ts) and by nothing else: the workflow (submit.ts,
// sign-off.ts) only touches state,
// timestamps and lockVersion, and re-scoring creates version n+1. Every
// mutation writes its audit event in the same transaction.

export type AssessmentRow = Awaited<ReturnType<Tx["assessment"]["findUniqueOrThrow"]>>;

/** The frozen snapshot of a row, typed (the columns were written by createAssessment). */
/** The frozen dossier, or a clear refusal (not a 500) when it is in a format this release cannot read. */
function frozenDossier(raw: unknown): Dossier {
  try {
    return parseSnapshotDossier(raw);
  } catch (error) {
    if (error instanceof SnapshotFormatError) throw new AppError("INVALID_STATE", error.message);
    throw error;
  }
}

export function snapshotOf(row: Pick<AssessmentRow, "dossier" | "settings" | "findings" | "score">) {
  return {
    dossier: frozenDossier(row.dossier),
    settings: row.settings as unknown as Settings,
    findings: row.findings as unknown as Finding[],
    score: row.score as unknown as ScoreResult,
  };
}

export function stateOf(row: { state: string }): AssessmentState {
  if (!isAssessmentState(row.state)) throw new Error(`Unknown assessment state ${row.state}`);
  return row.state;
}

/**
 * Everything an assessment freezes, computed from the live data at `now`:
 * the dossier findings plus the workflow findings (overdue remediation, an
 * expired risk acceptance), the score (its ceilings read all of them: an open
 * high finding is one whether a rule or the workflow raised it) and the next
 * due date.
 */
export async function computeSnapshot(client: Tx, vendorId: string, now: Date) {
  // One query at a time: inside an interactive transaction the connection is shared.
  const loaded = await loadDossier(client, vendorId);
  if (!loaded) return null;
  const settings = await loadSettings(client);
  const remediation = await loadOpenRemediation(client, vendorId);
  const acceptances = await loadLatestRiskAcceptance(client, vendorId);
  const { dossier, vendor } = loaded;
  const findings = vendorFindingsFor(dossier, settings, now, { remediation, acceptances });
  const score = scoreVendor(dossier, settings, now, { findings });
  const nextDue = nextAssessmentDue(dossier, settings, now);
  return { vendor, dossier, settings, findings, score, nextDue };
}

/**
 * The dossier changed after the snapshot was taken: a sign-off on it can only
 * be a reject (docs/assessments.md, "What the rating allows"). Settings
 * changes do not count here: the snapshot carries the settings it was judged by.
 */
export function dossierChangedSince(row: Pick<AssessmentRow, "dossier" | "settings">, live: Dossier | undefined): boolean {
  if (!live) return false;
  return compareSnapshotWithLive({ dossier: row.dossier, settings: row.settings }, { dossier: live, settings: row.settings }).changedSections.length > 0;
}

/** Live dossier and settings against a snapshot: is the snapshot older than the data? */
export async function freshnessOf(client: Tx, row: Pick<AssessmentRow, "id" | "vendorId" | "dossier" | "settings">): Promise<SnapshotFreshness | null> {
  // The live dossier is the longest read of an assessment's page and PDF, and the
  // snapshot never changes: the comparison is kept per portfolio version (kept-per-version.ts).
  return keptPerVersion("freshness", new Date(), row.id, async () => {
    // Every caller passes the client itself (a page or download, not a transaction): the reads go at once.
    const [loaded, settings] = await Promise.all([loadDossierAtOnce(client, row.vendorId), loadSettings(client)]);
    if (!loaded) return null;
    return compareSnapshotWithLive({ dossier: row.dossier, settings: row.settings }, { dossier: loaded.dossier, settings });
  });
}
