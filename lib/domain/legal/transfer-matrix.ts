// The one projection of the transfer matrix (docs/rules.md §5). The findings
// engine, the score, the Legal tab, the PDF and the audit pack all call
// transferMatrixFor with the same inputs, and read its words from
// transferRowWords, so no two of them can list different countries or name a
// mechanism differently.
import type { LegalDossier } from "@/lib/schemas/legal";
import { formatDayForPeople } from "../dates";
import { countryName } from "../reference/countries";
import { ADEQUACY_REFERENCE } from "./adequacy";
import type { LegalContext } from "./legal-findings";
import { TRANSFER_MECHANISM_LABELS } from "./legal-vocabulary";
import { deriveTransferMatrix, type TransferRegime, type TransferRow } from "./transfers";

export function transferMatrixFor(
  legal: Pick<LegalDossier, "subProcessors" | "transferMechanisms">,
  context: Pick<LegalContext, "sites" | "dataCategories" | "adequacy">,
): TransferRow[] {
  return deriveTransferMatrix(context.sites, legal.subProcessors, context.dataCategories, context.adequacy ?? ADEQUACY_REFERENCE, legal.transferMechanisms);
}

export const TRANSFER_REGIME_LABELS: Record<TransferRegime, string> = {
  eu_eea: "Inside the EU/EEA: not a transfer",
  adequacy: "Adequacy decision",
  adequacy_importer_check: "Partial adequacy: check the importer",
  third_country: "Third country: needs SCCs or BCRs",
};

export interface TransferRowWords {
  /** "Philippines (PH)". */
  countryLabel: string;
  /** "Manila, Philippines; Acme Cloud (sub-processor)". */
  processedBy: string;
  regimeLabel: string;
  /** "Standard contractual clauses, module 2, TIA 3 Mar 2025". */
  mechanismLabel: string;
  /** The adequacy decision relied on, as a reader cites it. */
  adequacyLabel: string | null;
}

export function transferRowWords(row: TransferRow): TransferRowWords {
  const name = row.countryName ?? countryName(row.country);
  return {
    countryLabel: name && name !== row.country ? `${name} (${row.country})` : row.country,
    processedBy: row.processedBy.map((p) => `${p.label}${p.kind === "sub_processor" ? " (sub-processor)" : ""}`).join("; "),
    regimeLabel: TRANSFER_REGIME_LABELS[row.regime],
    mechanismLabel:
      TRANSFER_MECHANISM_LABELS[row.mechanism] +
      (row.recorded?.sccModule ? `, module ${row.recorded.sccModule}` : "") +
      (row.recorded?.tiaDate ? `, TIA ${formatDayForPeople(row.recorded.tiaDate)}` : ""),
    adequacyLabel: row.adequacy ? `${row.adequacy.decision} (${formatDayForPeople(row.adequacy.date)})` : null,
  };
}
