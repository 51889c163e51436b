import { ADEQUACY_REFERENCE } from "@/lib/domain/legal/adequacy";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import type { ContractStatus, ContractType, RenewalKind } from "@/lib/domain/legal/legal-vocabulary";
import { deriveTransferMatrix } from "@/lib/domain/legal/transfers";
import type { DataCategory, Industry } from "@/lib/domain/vocabulary";
import type { ClauseReviewRow, LegalDossier, RecordedTransferMechanism, StoredContract, StoredSubProcessor } from "@/lib/schemas/legal";

// The legal part of each demo dossier (docs/rules.md §4-5): contracts,
// the clause checklist, the DPA, transfer mechanisms and sub-processors.
// Most vendors get a clean, signed package; the exceptions below are the
// showcase cases (a 72-hour notification clause, delivery in the Philippines
// and India with and without SCCs, a missing DPA, a contract in its notice
// window, a terminated one, an unauthorised sub-processor, a prospect legal
// has not started on). Dates are relative to `now`, like the rest of the set.

type ClauseCode =
  | "right_to_audit"
  | "incident_notification"
  | "data_residency"
  | "liability_indemnification"
  | "liability_cap"
  | "cyber_insurance"
  | "security_training"
  | "subprocessor_consent"
  | "data_return_deletion"
  | "agent_access_confidentiality";

type ClauseValues = Partial<Pick<ClauseReviewRow, "hours" | "days" | "months" | "amountMinor" | "currency" | "auditScope" | "reviewerNote">>;
type ClauseSpec = ClauseValues | "missing" | { presence: "not_applicable"; reviewerNote: string };

interface ContractSpec {
  type: ContractType;
  title: string;
  status: ContractStatus;
  /** Effective date this many months before now. */
  effectiveMonthsAgo: number;
  /** Term end this many days after now (negative: already ended); omitted: open-ended. */
  termEndInDays?: number;
  renewal: RenewalKind;
  noticePeriodDays?: number;
  governingLaw: string;
}

interface SubProcessorSpec {
  name: string;
  service: string;
  country: string;
  dataCategories: DataCategory[];
  consented: boolean;
  notified: boolean;
}

export interface DemoLegalSpec {
  /** Default: a signed, auto-renewing MSA and, when personal data is processed, a signed DPA. */
  contracts?: ContractSpec[];
  /** Overrides of the default (compliant) clause rows. */
  clauses?: Partial<Record<ClauseCode, ClauseSpec>>;
  /** Legal has not started: no contract, no clause reviewed, no DPA. */
  notStarted?: boolean;
  /** Default: signed when the vendor processes personal data, otherwise none. */
  dpa?: "none" | "draft" | "signed";
  /**
   * Recorded mechanisms by country. Countries that need one default to SCCs
   * (module 2, processor) with a transfer impact assessment; `null` records
   * nothing, `"sccs_without_tia"` SCCs whose assessment is still outstanding.
   */
  transfers?: Record<string, null | "sccs_without_tia">;
  subProcessors?: SubProcessorSpec[];
}

/** Where each clause sits in the standard demo MSA (and DPA) the citations point at. */
const CITATIONS: Record<ClauseCode, { on: "msa" | "dpa"; section: string; page: number }> = {
  right_to_audit: { on: "msa", section: "Section 8.1", page: 9 },
  incident_notification: { on: "msa", section: "Section 7.4", page: 8 },
  data_residency: { on: "msa", section: "Section 7.5", page: 8 },
  liability_indemnification: { on: "msa", section: "Section 10.1", page: 11 },
  liability_cap: { on: "msa", section: "Section 12.2", page: 13 },
  cyber_insurance: { on: "msa", section: "Section 13.1(d)", page: 14 },
  security_training: { on: "msa", section: "Section 7.3", page: 8 },
  subprocessor_consent: { on: "dpa", section: "Clause 6", page: 3 },
  data_return_deletion: { on: "dpa", section: "Clause 10", page: 5 },
  agent_access_confidentiality: { on: "msa", section: "Section 6.2", page: 7 },
};

const NO_PERSONAL_DATA = "The vendor handles no personal data for us.";

export const DEMO_LEGAL: Readonly<Record<string, DemoLegalSpec>> = {
  northwind: {
    subProcessors: [
      { name: "Zenline Telephony Inc.", service: "Cloud contact-centre telephony", country: "US", dataCategories: ["contact_pii"], consented: true, notified: true },
    ],
  },
  // Delivery in India and the Philippines with EU data: SCCs cover Manila, nothing covers India (GDPR Chapter V blocker).
  bluepeak: { transfers: { IN: null } },
  vistula: {},
  // Prospect still negotiating: MSA and DPA in draft, so no signed DPA yet.
  caricare: {
    contracts: [
      { type: "msa", title: "Master services agreement (draft v3)", status: "draft", effectiveMonthsAgo: 1, renewal: "auto", noticePeriodDays: 90, governingLaw: "State of Delaware" },
      { type: "dpa", title: "Data processing agreement and BAA (draft)", status: "draft", effectiveMonthsAgo: 1, renewal: "auto", governingLaw: "State of Delaware" },
    ],
    dpa: "draft",
  },
  "lagos-desk": {
    contracts: [
      { type: "msa", title: "Master services agreement (draft v2)", status: "draft", effectiveMonthsAgo: 1, renewal: "auto", noticePeriodDays: 60, governingLaw: "England and Wales" },
      { type: "dpa", title: "Data processing agreement", status: "signed", effectiveMonthsAgo: 2, renewal: "auto", governingLaw: "England and Wales" },
    ],
  },
  // Signed MSA with a 72-hour incident notification clause: deviating (24 h maximum).
  cebucare: { clauses: { incident_notification: { hours: 72, reviewerNote: "Vendor refused 24 h in the 2024 negotiation; raise at renewal." } } },
  andesvoice: {
    clauses: {
      data_residency: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
      subprocessor_consent: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
    },
  },
  // Signed MSA with a 72-hour notification clause, the same window the late incident notice relied on.
  danubia: { clauses: { incident_notification: { hours: 72, reviewerNote: "Clause 7.4 allows 72 hours; the late notice of the mis-routed statements stayed inside it." } } },
  // Prospect: the draft MSA has no audit right at all (blocker for a High vendor), the DPA is unsigned.
  capeharbour: {
    contracts: [
      { type: "msa", title: "Master services agreement (vendor paper, draft)", status: "draft", effectiveMonthsAgo: 1, renewal: "manual", noticePeriodDays: 90, governingLaw: "Republic of South Africa" },
      { type: "dpa", title: "Data processing agreement (draft)", status: "draft", effectiveMonthsAgo: 1, renewal: "auto", governingLaw: "Republic of South Africa" },
    ],
    clauses: { right_to_audit: "missing" },
    dpa: "draft",
  },
  // Offboarded: the MSA was terminated and nothing replaces it.
  kyivremote: {
    contracts: [
      { type: "msa", title: "Master services agreement", status: "terminated", effectiveMonthsAgo: 40, termEndInDays: -120, renewal: "manual", noticePeriodDays: 90, governingLaw: "England and Wales" },
      { type: "dpa", title: "Data processing agreement", status: "signed", effectiveMonthsAgo: 40, renewal: "auto", governingLaw: "England and Wales" },
    ],
  },
  "mty-omni": {
    subProcessors: [
      { name: "VoxPath IVR Services LLC", service: "Cloud IVR and call recording", country: "US", dataCategories: ["contact_pii", "credentials_reset"], consented: false, notified: false },
    ],
  },
  "penang-bos": {},
  tagus: {
    subProcessors: [
      { name: "Atlântico Cloud Hosting, S.A.", service: "Hosting of the ticketing platform", country: "PT", dataCategories: ["contact_pii", "eu_personal"], consented: true, notified: true },
    ],
  },
  liffey: {},
  // A fixed-term MSA that ends inside its 90-day notice period and does not renew.
  riftvalley: {
    contracts: [
      { type: "msa", title: "Master services agreement", status: "signed", effectiveMonthsAgo: 34, termEndInDays: 45, renewal: "manual", noticePeriodDays: 90, governingLaw: "Republic of Kenya" },
      { type: "dpa", title: "Data processing agreement", status: "signed", effectiveMonthsAgo: 34, renewal: "auto", governingLaw: "Republic of Kenya" },
    ],
  },
  // Liability cap of US$1M, below the US$2M insurance minimum for a Moderate vendor.
  "saigon-omni": { clauses: { liability_cap: { amountMinor: 1_000_000_00, currency: "USD" } } },
  // Training only every two years.
  "atlas-rc": { clauses: { security_training: { months: 24, reviewerNote: "Biennial refresher only." } } },
  // The "many findings" vendor: no incident notification duty, no transfer mechanism for Egypt, an unannounced sub-processor.
  nilegateway: {
    clauses: { incident_notification: "missing" },
    transfers: { EG: null },
    subProcessors: [
      { name: "Delta Archive Services S.A.E.", service: "Off-site backup of call recordings", country: "EG", dataCategories: ["contact_pii", "eu_personal"], consented: false, notified: false },
    ],
  },
  cordillera: {},
  bajio: {},
  carpathia: {},
  warta: {},
  "selangor-cx": {
    clauses: {
      data_residency: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
      subprocessor_consent: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
    },
  },
  // The audit right is limited to the vendor's own SOC 2 report.
  highveld: { clauses: { right_to_audit: { days: 30, auditScope: "reports_only", reviewerNote: "Section 8.1 offers the SOC 2 report in place of audits." } } },
  // Annual training although the vendor handles health data (quarterly required).
  deccan: { clauses: { security_training: { months: 12 } } },
  "davao-ss": {},
  shannon: {
    clauses: {
      data_residency: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
      subprocessor_consent: { presence: "not_applicable", reviewerNote: NO_PERSONAL_DATA },
    },
  },
  // No DPA at all although EU residents' data is handled in Morocco, on SCCs without a transfer impact assessment.
  "tangier-ms": {
    contracts: [
      { type: "msa", title: "Master services agreement", status: "signed", effectiveMonthsAgo: 3, renewal: "auto", noticePeriodDays: 60, governingLaw: "France" },
    ],
    dpa: "none",
    transfers: { MA: "sccs_without_tia" },
  },
  // At intake: legal has not started.
  "mekong-bo": { notStarted: true },
};

export interface DemoLegalInput {
  slug: string;
  legalName: string;
  dataCategories: readonly DataCategory[];
  industries: readonly Industry[];
  sites: readonly { id: string; country: string; city: string }[];
  dates: { monthsAgo: (months: number) => string; daysFromNow: (days: number) => string; addDays: (day: string, n: number) => string; today: string };
  /** Adds the contract's file to the dossier's documents and returns its id. */
  addDocument: (title: string, fileStem: string, effectiveDate: string) => string;
}

/** The legal part of one demo dossier. */
export function demoLegal(input: DemoLegalInput): LegalDossier {
  const spec = DEMO_LEGAL[input.slug];
  if (!spec) throw new Error(`Demo vendor ${input.slug}: no legal spec`);
  if (spec.notStarted) return { contracts: [], clauseReviews: [], dpa: { status: "none" }, transferMechanisms: [], subProcessors: [] };
  const personalData = input.dataCategories.length > 0;
  const { dates } = input;

  const standard: ContractSpec[] = [
    { type: "msa", title: "Master services agreement", status: "signed", effectiveMonthsAgo: 26, renewal: "auto", noticePeriodDays: 90, governingLaw: "England and Wales" },
    { type: "dpa", title: "Data processing agreement", status: "signed", effectiveMonthsAgo: 26, renewal: "auto", governingLaw: "England and Wales" },
  ];
  const contractSpecs = spec.contracts ?? standard.filter((c) => personalData || c.type !== "dpa");
  const contracts: StoredContract[] = contractSpecs.map((c, i) => {
    const effectiveDate = dates.monthsAgo(c.effectiveMonthsAgo);
    const evidenceId = input.addDocument(`${input.legalName} - ${c.title}`, `${c.type}-${c.status === "draft" ? "draft" : "signed"}`, effectiveDate);
    return {
      id: `contract-${i + 1}`,
      type: c.type,
      title: c.title,
      status: c.status,
      effectiveDate,
      termEnd: c.termEndInDays === undefined ? undefined : dates.daysFromNow(c.termEndInDays),
      renewal: c.renewal,
      noticePeriodDays: c.noticePeriodDays,
      governingLaw: c.governingLaw,
      evidenceId,
    };
  });
  const msa = contracts.find((c) => c.type === "msa") ?? contracts[0];
  const dpaContract = contracts.find((c) => c.type === "dpa");

  // Compliant defaults: 24 h notice, audit on 30 days' notice, a US$5M cap (covers every tier's
  // insurance minimum), training quarterly for card or health data and fintech/healthcare, else annually.
  const sensitive = input.dataCategories.some((d) => d === "payment_card" || d === "health") || input.industries.some((i) => i === "fintech" || i === "healthcare");
  const defaults: Record<ClauseCode, ClauseValues> = {
    right_to_audit: { days: 30, auditScope: "direct_or_third_party" },
    incident_notification: { hours: 24 },
    data_residency: {},
    liability_indemnification: {},
    liability_cap: { amountMinor: 5_000_000_00, currency: "USD" },
    cyber_insurance: {},
    security_training: { months: sensitive ? 3 : 12 },
    subprocessor_consent: {},
    data_return_deletion: {},
    agent_access_confidentiality: {},
  };
  const clauseReviews: ClauseReviewRow[] = CLAUSE_CATALOGUE.clauses.map((entry) => {
    const code = entry.code as ClauseCode;
    const override = spec.clauses?.[code];
    if (override === "missing") return { clauseCode: code, presence: "missing", reviewerNote: "Not in the contract." };
    if (override && "presence" in override) return { clauseCode: code, presence: "not_applicable", reviewerNote: override.reviewerNote };
    const where = CITATIONS[code];
    const cited = (where.on === "dpa" ? dpaContract : undefined) ?? msa;
    const citation = cited
      ? { contractId: cited.id, section: cited === msa && where.on === "dpa" ? "Section 7.6" : where.section, page: where.page }
      : undefined;
    return { clauseCode: code, presence: "present", citation, ...defaults[code], ...override };
  });

  const dpaStatus = spec.dpa ?? (personalData ? "signed" : "none");
  const dpaDate = dpaContract?.effectiveDate ?? dates.monthsAgo(26);
  const dpa: LegalDossier["dpa"] =
    dpaStatus === "signed"
      ? { status: "signed", signedDate: dpaDate, version: "2.1", contractId: dpaContract?.id }
      : { status: dpaStatus, contractId: dpaContract?.id };

  const subProcessors: StoredSubProcessor[] = (spec.subProcessors ?? []).map((sp, i) => ({ id: `subprocessor-${i + 1}`, ...sp }));

  // Every country the matrix derives that needs a mechanism gets SCCs with an assessment unless the spec says otherwise.
  const needing = deriveTransferMatrix(input.sites, subProcessors, input.dataCategories, ADEQUACY_REFERENCE, [])
    .filter((row) => row.regime === "third_country" || row.regime === "adequacy_importer_check")
    .map((row) => row.country);
  const tiaDate = dates.addDays(dpaDate, 14) < dates.today ? dates.addDays(dpaDate, 14) : dates.today;
  const transferMechanisms: RecordedTransferMechanism[] = needing.flatMap((country): RecordedTransferMechanism[] => {
    const choice = spec.transfers?.[country];
    if (choice === null) return [];
    if (choice === "sccs_without_tia") return [{ country, mechanism: "sccs", sccModule: 2, note: "Transfer impact assessment requested from the vendor." }];
    return [{ country, mechanism: "sccs", sccModule: 2, tiaDate }];
  });

  return { contracts, clauseReviews, dpa, transferMechanisms, subProcessors };
}

// ---------------------------------------------------------------- seed-only legal state

/**
 * Real contract files (PDF and DOCX from the clause finder's fixture set,
 * prisma/seed/contracts/) attached to demo vendors as "contract" evidence,
 * so the clause finder has something to read in a fresh demo. They are not
 * yet analysed: running the finder is the demo.
 */
export const DEMO_CONTRACT_FILES: readonly { vendor: string; file: string; title: string; effectiveMonthsAgo: number }[] = [
  { vendor: "Northwind Contact Solutions", file: "01-msa-us-northwind.pdf", title: "Master services agreement, countersigned PDF", effectiveMonthsAgo: 26 },
  { vendor: "Danubia Service Hub", file: "03-msa-uk-harbour.docx", title: "Master services agreement (Word, 72-hour incident notice)", effectiveMonthsAgo: 26 },
  { vendor: "Bluepeak BPO", file: "16-msa-india-lotus.pdf", title: "Master services agreement, India delivery", effectiveMonthsAgo: 26 },
  { vendor: "Cebu Customer Care", file: "17-dsa-philippines-mabuhay.docx", title: "Data sharing and processing agreement (Philippines)", effectiveMonthsAgo: 26 },
];

/**
 * Vendors whose legal review legal has signed off (no legal blockers). The
 * last one then changes after the sign-off, so the demo shows an outdated
 * sign-off and the audit event that outdated it.
 */
export const DEMO_LEGAL_SIGN_OFFS: readonly { vendor: string; comment: string }[] = [
  { vendor: "Northwind Contact Solutions", comment: "" },
  { vendor: "Vistula Support Centre", comment: "" },
  { vendor: "Andes Voice Partners", comment: "No personal data: DPA and transfer review not needed." },
  { vendor: "Danubia Service Hub", comment: "72-hour incident notice accepted until the renewal; amendment to 24 hours requested." },
  { vendor: "Penang Back Office Services", comment: "" },
  { vendor: "Tagus Customer Operations", comment: "" },
  { vendor: "Cordillera Support Services", comment: "" },
  { vendor: "Bajío Contact Hub", comment: "" },
  { vendor: "Carpathia Customer Care", comment: "" },
  { vendor: "Warta Digital Services", comment: "" },
  { vendor: "Selangor CX Centre", comment: "No personal data handled." },
  { vendor: "Davao Shared Services", comment: "" },
  { vendor: "Shannon Helpdesk", comment: "" },
  { vendor: "Liffey Support Partners", comment: "" },
];

/** A legal change recorded after Liffey's sign-off: a new sub-processor (consented), which outdates the sign-off. */
export const DEMO_CHANGE_AFTER_SIGN_OFF = {
  vendor: "Liffey Support Partners",
  kind: "subprocessor",
  data: {
    name: "Shamrock Voice Analytics Ltd",
    service: "Call transcription and quality scoring",
    country: "IE",
    dataCategories: ["contact_pii", "eu_personal"],
    consented: true,
    notified: true,
  },
} as const;
