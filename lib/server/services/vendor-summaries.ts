import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { summariseVendor } from "@/lib/domain/vendors/vendor-summary";
import type { Tier } from "@/lib/domain/vocabulary";
import type { ControlCatalogueEntry } from "@/lib/schemas/control-catalogue";
import type { Settings } from "@/lib/schemas/settings";
import type { Tx } from "../db";
import { legalFindingsOf, loadDossierContents, loadLatestRiskAcceptanceOf, loadOpenRemediationOf, type LoadedDossier } from "../dossier/load-dossier";
import type { RemediationLike } from "@/lib/domain/assessments/remediation";
import type { RiskAcceptanceLike } from "@/lib/domain/assessments/risk-acceptance";
import { loadSettings } from "./settings";

// The findings summary stored on each vendor row (counts by severity, SOC 2
// state, legal blockers) so the list filters and sorts 10,000 vendors with
// plain indexes. The rules engine computes it; SQL cannot, so it is stored.

function summaryColumns(loaded: Pick<LoadedDossier, "vendor" | "dossier">, settings: Settings, now: Date, remediation: readonly RemediationLike[], acceptances: readonly RiskAcceptanceLike[]) {
  const summary = summariseVendor(loaded.dossier, vendorFindingsFor(loaded.dossier, settings, now, { remediation, acceptances }), settings, now);
  const legalBlockerCount = legalFindingsOf(loaded.dossier, settings, loaded.vendor.tier as Tier, now).filter((f) => f.severity === "blocker").length;
  return { ...summary, legalBlockerCount, findingsAt: now };
}

async function summariesOf(client: Tx, vendorIds: readonly string[], now: Date, settings: Settings, catalogue?: ControlCatalogueEntry[], pause?: () => Promise<void>) {
  const dossiers = await loadDossierContents(client, vendorIds, catalogue, pause);
  const remediation = await loadOpenRemediationOf(client, vendorIds);
  const acceptances = await loadLatestRiskAcceptanceOf(client, vendorIds);
  return [...dossiers].map(([id, loaded]) => ({ id, columns: summaryColumns(loaded, settings, now, remediation.get(id) ?? [], acceptances.get(id) ?? []) }));
}

/**
 * Recomputes one vendor's summary. Called inside the transaction of every
 * dossier change, so the list never disagrees with the vendor page about what
 * was just saved.
 */
export async function refreshVendorSummary(tx: Tx, vendorId: string, now = new Date(), preloaded?: Settings) {
  const settings = preloaded ?? (await loadSettings(tx));
  for (const { id, columns } of await summariesOf(tx, [vendorId], now, settings)) await tx.vendor.update({ where: { id }, data: columns });
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
 * the page was read. Returns how many were written.
 */
export function writeVendorSummaries(client: Tx & { $transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> }, summaries: VendorSummaries, stillOutdated: object): Promise<number> {
  return client.$transaction(async (tx) => {
    let written = 0;
    for (const { id, columns } of summaries) written += (await tx.vendor.updateMany({ where: { id, ...stillOutdated }, data: columns })).count;
    return written;
  });
}
