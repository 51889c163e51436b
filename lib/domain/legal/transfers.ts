// The transfer matrix is derived, not typed: one row per country where EU/EEA
// residents' personal data is processed (delivery sites and sub-processors),
// with the mechanism that makes the transfer lawful (GDPR Chapter V).
import type { Finding } from "@/lib/domain/findings/finding";
import type { DataCategory } from "@/lib/domain/vocabulary";
import type { RecordedTransferMechanism } from "@/lib/schemas/legal";
import { type AdequacyDecision, type AdequacyReference, adequacyDecisionFor, isEuEea, normaliseCountry } from "./adequacy";
import type { TransferMechanism } from "./legal-vocabulary";

/** Data categories whose processing outside the EU/EEA is a Chapter V transfer. */
export const EU_TRANSFER_CATEGORIES: readonly DataCategory[] = ["eu_personal"];

export interface ProcessingSite {
  id?: string;
  country: string;
  city?: string;
  label?: string;
}

export interface TransferSubProcessor {
  id?: string;
  name: string;
  country: string;
  dataCategories: readonly DataCategory[];
}

export type TransferRegime = "eu_eea" | "adequacy" | "adequacy_importer_check" | "third_country";

export interface TransferRow {
  country: string;
  countryName?: string;
  processedBy: { kind: "delivery_site" | "sub_processor"; id?: string; label: string }[];
  regime: TransferRegime;
  /** The decision relied on, with its EUR-Lex source; absent outside adequacy. */
  adequacy?: AdequacyDecision;
  recorded?: RecordedTransferMechanism;
  /** The mechanism that actually covers the transfer after the rules. */
  mechanism: TransferMechanism;
  finding?: Finding;
}

export function deriveTransferMatrix(
  sites: readonly ProcessingSite[],
  subProcessors: readonly TransferSubProcessor[],
  dataCategories: readonly DataCategory[],
  adequacy: AdequacyReference,
  recorded: readonly RecordedTransferMechanism[],
): TransferRow[] {
  const byCountry = new Map<string, TransferRow["processedBy"]>();
  const add = (country: string, who: TransferRow["processedBy"][number]) => {
    const c = normaliseCountry(country);
    byCountry.set(c, [...(byCountry.get(c) ?? []), who]);
  };
  // Delivery sites handle every category the vendor touches for us.
  if (dataCategories.some((d) => EU_TRANSFER_CATEGORIES.includes(d))) {
    for (const s of sites) add(s.country, { kind: "delivery_site", id: s.id, label: s.label ?? [s.city, normaliseCountry(s.country)].filter(Boolean).join(", ") });
  }
  // A sub-processor counts when its own record says it handles EU residents' data.
  for (const sp of subProcessors) {
    if (sp.dataCategories.some((d) => EU_TRANSFER_CATEGORIES.includes(d))) add(sp.country, { kind: "sub_processor", id: sp.id, label: sp.name });
  }
  const recordedByCountry = new Map(recorded.map((r) => [normaliseCountry(r.country), r]));
  return [...byCountry.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([country, processedBy]) => transferRow(country, processedBy, adequacy, recordedByCountry.get(country)));
}

function transferRow(
  country: string,
  processedBy: TransferRow["processedBy"],
  reference: AdequacyReference,
  recorded: RecordedTransferMechanism | undefined,
): TransferRow {
  const base = { country, processedBy, recorded };
  // GDPR Art. 44: processing inside the EU/EEA is not a transfer.
  if (isEuEea(reference, country)) return { ...base, regime: "eu_eea", mechanism: "eu_eea" };

  const decision = adequacyDecisionFor(reference, country);
  const countryName = decision?.name ?? reference.notableWithoutDecision.find((n) => n.country === country)?.name;
  // GDPR Art. 45(1): an adequacy decision needs no further safeguard.
  if (decision && !decision.requiresImporterCheck) {
    return { ...base, countryName, regime: "adequacy", adequacy: decision, mechanism: "adequacy" };
  }
  const regime: TransferRegime = decision ? "adequacy_importer_check" : "third_country";
  const mechanism = recorded?.mechanism ?? "none";
  const row = { ...base, countryName, regime, adequacy: decision };
  const label = countryName ? `${countryName} (${country})` : country;

  if (mechanism === "adequacy" && decision) {
    // Art. 45 with a partial decision (EU-US DPF): legal confirmed the importer is covered.
    return { ...row, mechanism };
  }
  if (mechanism === "bcrs") return { ...row, mechanism }; // GDPR Art. 46(2)(b), 47
  if (mechanism === "sccs") {
    if (recorded?.tiaDate) return { ...row, mechanism };
    // GDPR Art. 46(1) as read in CJEU C-311/18 (Schrems II); SCCs 2021/914 Clause 14; EDPB Recommendations 01/2020.
    return {
      ...row,
      mechanism,
      finding: {
        code: "legal.transfer.sccs_without_tia",
        severity: "medium",
        message: `EU personal data processed in ${label} relies on SCCs${recorded?.sccModule ? ` (module ${recorded.sccModule})` : ""} without a recorded transfer impact assessment.`,
        observed: "SCCs, no transfer impact assessment date",
        threshold: "SCCs with a documented transfer impact assessment",
        source: "GDPR Art. 46(1); CJEU C-311/18 (Schrems II); SCCs (EU) 2021/914 Clause 14",
        subject: { kind: "transfer", id: country, label },
      },
    };
  }
  // GDPR Chapter V, Art. 44 and 46: no adequacy and no appropriate safeguard.
  const observed =
    mechanism === "adequacy"
      ? `adequacy recorded, but ${label} has no adequacy decision`
      : decision
        ? `${decision.name}: adequacy covers ${decision.scope}; importer not confirmed and no SCCs/BCRs`
        : "no adequacy decision, no SCCs or BCRs";
  return {
    ...row,
    mechanism: "none",
    finding: {
      code: "legal.transfer.no_mechanism",
      severity: "blocker",
      message: `EU personal data is processed in ${label} (${processedBy.map((p) => p.label).join("; ")}) without a valid transfer mechanism: ${observed}.`,
      observed,
      threshold: "EU/EEA, an adequacy decision, SCCs or BCRs",
      source: "GDPR Chapter V, Art. 44 and 46",
      subject: { kind: "transfer", id: country, label },
    },
  };
}
