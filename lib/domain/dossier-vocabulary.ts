// Words of the vendor dossier (docs/rules.md §2, §3, §6, §7). The zod schemas, the
// findings engine, the forms and the PDF all import these, so a value is
// spelled one way everywhere. Shared words (tiers, services...) live in
// vocabulary.ts.

export const EVIDENCE_KINDS = [
  "soc2_report",
  "iso_certificate",
  "pentest_report",
  "security_policy",
  "incident_response_plan",
  "bcp",
  "insurance_certificate",
  "contract",
  "other",
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  soc2_report: "SOC 2 report",
  iso_certificate: "ISO/IEC 27001 certificate",
  pentest_report: "Penetration test / VAPT report",
  security_policy: "Information security policy",
  incident_response_plan: "Incident response plan",
  bcp: "Business continuity plan",
  insurance_certificate: "Insurance certificate",
  contract: "Contract",
  other: "Other",
};

export const SITE_MODES = ["onsite", "remote"] as const;
export type SiteMode = (typeof SITE_MODES)[number];
export const SITE_MODE_LABELS: Record<SiteMode, string> = {
  onsite: "On-site floor",
  remote: "Remote agents",
};

/** The four controls remote agents need (docs/rules.md §1). */
export const REMOTE_SITE_CONTROLS = ["edr", "vpn", "mfa", "vdi"] as const;
export type RemoteSiteControl = (typeof REMOTE_SITE_CONTROLS)[number];
export const REMOTE_SITE_CONTROL_LABELS: Record<RemoteSiteControl, string> = {
  edr: "EDR",
  vpn: "VPN",
  mfa: "MFA",
  vdi: "VDI",
};

export const SOC2_TYPES = ["type1", "type2"] as const;
export type Soc2Type = (typeof SOC2_TYPES)[number];
export const SOC2_TYPE_LABELS: Record<Soc2Type, string> = { type1: "Type I", type2: "Type II" };

export const SOC2_OPINIONS = ["unqualified", "qualified", "adverse", "disclaimer"] as const;
export type Soc2Opinion = (typeof SOC2_OPINIONS)[number];
export const SOC2_OPINION_LABELS: Record<Soc2Opinion, string> = {
  unqualified: "Unqualified",
  qualified: "Qualified",
  adverse: "Adverse",
  disclaimer: "Disclaimer of opinion",
};

export const ISO_STANDARD_VERSIONS = ["2013", "2022"] as const;
export type IsoStandardVersion = (typeof ISO_STANDARD_VERSIONS)[number];

export const CONTROL_DOMAINS = ["access", "endpoint_physical", "email", "human_protocols", "governance"] as const;
export type ControlDomain = (typeof CONTROL_DOMAINS)[number];
export const CONTROL_DOMAIN_LABELS: Record<ControlDomain, string> = {
  access: "Access",
  endpoint_physical: "Endpoint and physical",
  email: "Email",
  human_protocols: "Human protocols",
  governance: "Governance",
};

export const CONTROL_IMPORTANCES = ["critical", "high", "medium", "low"] as const;
export type ControlImportance = (typeof CONTROL_IMPORTANCES)[number];

export const CONTROL_STATUSES = ["in_place", "partial", "not_in_place", "not_applicable", "unknown"] as const;
export type ControlStatus = (typeof CONTROL_STATUSES)[number];
export const CONTROL_STATUS_LABELS: Record<ControlStatus, string> = {
  in_place: "In place",
  partial: "Partial",
  not_in_place: "Not in place",
  not_applicable: "Not applicable",
  unknown: "Unknown",
};

export const INCIDENT_SEVERITIES = ["low", "medium", "high", "critical"] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** KPI periods are quarters, "2026-Q3"; the string sorts chronologically. */
export const KPI_PERIOD_PATTERN = /^\d{4}-Q[1-4]$/;
