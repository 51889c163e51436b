import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { findingDomain } from "@/lib/domain/findings/finding-domains";
import type { Finding } from "@/lib/domain/findings/finding";
import type { Dossier } from "@/lib/schemas/dossier";
import { summariseVendor } from "@/lib/domain/vendors/vendor-summary";
import type { Tier } from "@/lib/domain/vocabulary";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Settings } from "@/lib/schemas/settings";
import type { Tx } from "../db";
import { legalFindingsOf, loadDossierContents, loadLatestRiskAcceptanceOf, loadOpenRemediationOf, type LoadedDossier } from "../dossier/load-dossier";
import type { RemediationLike } from "@/lib/domain/assessments/remediation";
import type { RiskAcceptanceLike } from "@/lib/domain/assessments/risk-acceptance";
import { loadSettings } from "./settings";
import { recordFindingChanges } from "../webhooks/portfolio-events";
import { FINDING_CONTENT, findingChanges } from "./vendor-finding-changes";

// The findings summary stored on each vendor row (counts by severity, SOC 2
// state, legal blockers) so the list filters and sorts 10,000 vendors with
// plain indexes. The rules engine computes it; SQL cannot, so it is stored.
// The open findings themselves are stored next to it (VendorFinding), written
// in the same transaction, so the work queues and the dashboard count and page
// findings across the portfolio in SQL and always agree with the counts.

function summaryColumns(loaded: Pick<LoadedDossier, "vendor" | "dossier">, findings: readonly Finding[], settings: Settings, now: Date) {
  const summary = summariseVendor(loaded.dossier, findings, settings, now);
  const legalBlockerCount = legalFindingsOf(loaded.dossier, settings, loaded.vendor.tier as Tier, now).filter((f) => f.severity === "blocker").length;
  return { ...summary, legalBlockerCount, findingsAt: now };
}

/** The VendorFinding rows of one vendor's findings, in the engine's order; `catalogue` is the one they were computed with. */
export function vendorFindingRows(vendorId: string, findings: readonly Finding[], catalogue: Dossier["controlCatalogue"], now: Date) {
  return findings.map((f, position) => ({
    vendorId,
    code: f.code,
    severity: f.severity,
    domain: findingDomain(f, catalogue),
    message: f.message,
    subjectKind: f.subject.kind,
    subjectId: f.subject.id ?? null,
    subjectLabel: f.subject.label ?? null,
    position,
    computedAt: now,
  }));
}

function vendorSummary(id: string, loaded: Pick<LoadedDossier, "vendor" | "dossier">, settings: Settings, now: Date, remediation: readonly RemediationLike[], acceptances: readonly RiskAcceptanceLike[]) {
  const findings = vendorFindingsFor(loaded.dossier, settings, now, { remediation, acceptances });
  return { id, columns: summaryColumns(loaded, findings, settings, now), findings: vendorFindingRows(id, findings, loaded.dossier.controlCatalogue, now) };
}

type VendorSummary = ReturnType<typeof vendorSummary>;

const STORED_FINDING_SELECT = { id: true, position: true, ...Object.fromEntries(FINDING_CONTENT.map((column) => [column, true])) } as Record<"id" | "position" | (typeof FINDING_CONTENT)[number], true>;

/**
 * Brings the vendor's stored open findings to the computed ones, writing only
 * the rows that differ (vendor-finding-changes.ts); inside the transaction
 * that writes its counts.
 */
async function writeFindings(tx: Tx, { id, findings }: VendorSummary): Promise<void> {
  const stored = await tx.vendorFinding.findMany({ where: { vendorId: id }, select: STORED_FINDING_SELECT });
  // Webhooks (docs/webhooks.md): findings that open or resolve with this write become events.
  await recordFindingChanges(tx, id, stored, findings);
  const changes = findingChanges(stored, findings);
  if (changes.delete.length > 0) await tx.vendorFinding.deleteMany({ where: { id: { in: changes.delete } } });
  for (const { id: rowId, data } of changes.update) await tx.vendorFinding.update({ where: { id: rowId }, data, select: { id: true } });
  if (changes.create.length > 0) await tx.vendorFinding.createMany({ data: changes.create });
}

async function summariesOf(client: Tx, vendorIds: readonly string[], now: Date, settings: Settings, catalogue?: ControlCatalogueEntry[], pause?: () => Promise<void>) {
  const dossiers = await loadDossierContents(client, vendorIds, catalogue, pause);
  const remediation = await loadOpenRemediationOf(client, vendorIds);
  const acceptances = await loadLatestRiskAcceptanceOf(client, vendorIds);
  const summaries: ReturnType<typeof vendorSummary>[] = [];
  for (const [id, loaded] of dossiers) {
    // The rules engine is CPU work: a pause between two vendors, not after the page.
    if (summaries.length > 0) await pause?.();
    summaries.push(vendorSummary(id, loaded, settings, now, remediation.get(id) ?? [], acceptances.get(id) ?? []));
  }
  return summaries;
}

/**
 * Recomputes one vendor's summary. Called inside the transaction of every
 * dossier change, so the list never disagrees with the vendor page about what
 * was just saved.
 */
export async function refreshVendorSummary(tx: Tx, vendorId: string, now = new Date(), preloaded?: Settings) {
  const settings = preloaded ?? (await loadSettings(tx));
  for (const summary of await summariesOf(tx, [vendorId], now, settings)) {
    await tx.vendor.update({ where: { id: summary.id }, data: summary.columns });
    await writeFindings(tx, summary);
  }
}

export type VendorSummaries = Awaited<ReturnType<typeof summariesOf>>;

/** The summaries of a page of vendors, computed with one read per table for the whole page. */
export function computeVendorSummaries(
  client: Tx,
  vendorIds: readonly string[],
  { now, settings, catalogue, pause }: { now: Date; settings: Settings; catalogue: ControlCatalogueEntry[]; pause?: () => Promise<void> },
): Promise<VendorSummaries> {
  return summariesOf(client, vendorIds, now, settings, catalogue, pause);
}

/**
 * Writes computed summaries in one transaction. A vendor whose summary was
 * recomputed meanwhile (a dossier change at that very moment writes a newer
 * one) is left alone: `stillOutdated` selects only summaries computed before
 * the page was read, and so are its stored findings. Returns how many were written.
 * `pause` runs after each vendor: its findings are dozens of rows, and on
 * synchronous SQLite a page written without a break holds the event loop.
 */
export function writeVendorSummaries(client: Tx & { $transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }, summaries: VendorSummaries, stillOutdated: object, pause?: () => Promise<void>): Promise<number> {
  return client.$transaction(async (tx) => {
    let written = 0;
    for (const summary of summaries) {
      const { count } = await tx.vendor.updateMany({ where: { id: summary.id, ...stillOutdated }, data: summary.columns });
      if (count === 0) continue;
      await writeFindings(tx, summary);
      written += count;
      await pause?.();
    }
    return written;
  });
}
