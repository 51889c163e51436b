// Words of the legal review (docs/rules.md §4-5). The schemas, the rules, the
// clause finder and the UI import them from here so they agree on one spelling.

export const CONTRACT_TYPES = ["msa", "dpa", "sow", "amendment", "other"] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_LABELS: Record<ContractType, string> = {
  msa: "Master services agreement (MSA)",
  dpa: "Data processing agreement (DPA)",
  sow: "Statement of work (SOW)",
  amendment: "Amendment",
  other: "Other",
};

export const CONTRACT_STATUSES = ["draft", "signed", "expired", "terminated"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const RENEWAL_KINDS = ["auto", "manual"] as const;
export type RenewalKind = (typeof RENEWAL_KINDS)[number];

/** What a reviewer records. "deviating" is never typed: it is computed (clause-deviation.ts). */
export const CLAUSE_PRESENCE = ["present", "missing", "not_applicable"] as const;
export type ClausePresence = (typeof CLAUSE_PRESENCE)[number];

export const CLAUSE_STATUSES = ["present", "deviating", "missing", "not_applicable"] as const;
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];
export const CLAUSE_STATUS_LABELS: Record<ClauseStatus, string> = {
  present: "Present",
  deviating: "Deviating",
  missing: "Missing",
  not_applicable: "Not applicable",
};

/** How far the customer's audit right reaches (docs/rules.md §4: directly or through a third party). */
export const AUDIT_SCOPES = ["direct_or_third_party", "reports_only"] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];
export const AUDIT_SCOPE_LABELS: Record<AuditScope, string> = {
  direct_or_third_party: "We may audit directly or through a third party",
  reports_only: "Limited to the vendor's own reports (e.g. SOC 2)",
};

export const CLAUSE_VALUE_KINDS = ["hours", "days", "money", "months", "none"] as const;
export type ClauseValueKind = (typeof CLAUSE_VALUE_KINDS)[number];

export const DPA_STATUSES = ["none", "draft", "signed"] as const;
export type DpaStatus = (typeof DPA_STATUSES)[number];

export const TRANSFER_MECHANISMS = ["eu_eea", "adequacy", "sccs", "bcrs", "none"] as const;
export type TransferMechanism = (typeof TRANSFER_MECHANISMS)[number];
export const TRANSFER_MECHANISM_LABELS: Record<TransferMechanism, string> = {
  eu_eea: "Inside the EU/EEA",
  adequacy: "Adequacy decision (GDPR Art. 45)",
  sccs: "Standard contractual clauses (GDPR Art. 46(2)(c))",
  bcrs: "Binding corporate rules (GDPR Art. 47)",
  none: "None",
};

/** Modules of the 2021 SCCs (Commission Implementing Decision (EU) 2021/914). */
export const SCC_MODULES = [1, 2, 3, 4] as const;
export type SccModule = (typeof SCC_MODULES)[number];
export const SCC_MODULE_LABELS: Record<SccModule, string> = {
  1: "Module 1: controller to controller",
  2: "Module 2: controller to processor",
  3: "Module 3: processor to processor",
  4: "Module 4: processor to controller",
};

export const LEGAL_SIGN_OFF_DECISIONS = ["approved", "approved_with_conditions", "rejected"] as const;
export type LegalSignOffDecision = (typeof LEGAL_SIGN_OFF_DECISIONS)[number];
