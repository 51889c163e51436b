// What a demo vendor is made of (one file per vendor in ./vendors/), written
// relative to the seed's `now` so the demo stays meaningful whenever it runs:
// "period ended 17 months ago", "expires in 30 days" (see demo-builder.ts).
import type { ControlStatus } from "@/lib/domain/dossier-vocabulary";
import type { AccessLevel, DataCategory, Industry, Service, VendorStatus } from "@/lib/domain/vocabulary";
import type { Incident, KpiPeriod, Soc2Report } from "@/lib/schemas/dossier";

export interface SiteSpec {
  key: string;
  city: string;
  /** Defaults to the vendor's country. */
  country?: string;
  mode?: "onsite" | "remote";
  headcount: number;
  /** Remote sites default every control to true. */
  edr?: boolean;
  vpn?: boolean;
  mfa?: boolean;
  vdi?: boolean;
}

export interface Soc2Spec {
  type?: "type1" | "type2";
  /** Period end = last day of the month this many months before now. */
  periodEndMonthsAgo: number;
  periodMonths?: number;
  auditor: string;
  opinion?: Soc2Report["opinion"];
  exceptions?: number;
  carvedOut?: string[];
  /** Bridge letter dated this many days before now. */
  bridgeLetterDaysAgo?: number;
}

export interface IsoSpec {
  number: string;
  body: string;
  accredited?: boolean;
  version?: "2013" | "2022";
  /** Negative: already expired. */
  expiresInDays: number;
  scope: string;
  /** Site keys in scope; defaults to every site. */
  covers?: string[];
}

export interface PentestSpec {
  monthsAgo: number;
  provider: string;
  scope: string;
  openCriticalHigh?: number;
}

export interface InsuranceSpec {
  carrier: string;
  policyPrefix: string;
  policySerial: string;
  /** Major units (dollars), converted to minor units. */
  perOccurrence: number;
  aggregate: number;
  currency?: string;
  expiresInDays: number;
  additionalInsured?: boolean;
}

export type KpiKey = Exclude<keyof KpiPeriod, "id" | "period">;
/** `null` means the vendor did not report that KPI for the period. */
export type KpiSpec = { quartersAgo: number } & Partial<Record<KpiKey, number | null>>;

export interface IncidentSpec {
  detectedHoursAgo: number;
  /** Hours from detection to notice; omitted while we have not been told. */
  notifiedAfterHours?: number;
  severity: Incident["severity"];
  summary: string;
  personalData: boolean;
}

export interface ReviewSpec {
  monthsAgo: number;
  extraDays?: number;
  attendees: string[];
  notes: string;
  followUps?: string[];
}

export type ControlSpec = ControlStatus | { status: ControlStatus; note?: string; evidence?: string };

export interface VendorSpec {
  /** Short, file-name friendly; also builds record ids. */
  slug: string;
  name: string;
  legalName: string;
  website: string;
  country: string;
  services: Service[];
  industries: Industry[];
  dataCategories: DataCategory[];
  accessLevel: AccessLevel;
  status: VendorStatus;
  owner: "procurement" | "security";
  sites: SiteSpec[];
  soc2: Soc2Spec[];
  iso: IsoSpec[];
  pentests: PentestSpec[];
  /** Omitted: no approved policy on file. */
  policy?: { title: string; approvedMonthsAgo: number };
  /** Omitted: no plan. `testedMonthsAgo` omitted: never tested. */
  irp?: { testedMonthsAgo?: number };
  bcp?: { testedMonthsAgo?: number };
  insurance: InsuranceSpec[];
  /** Catalogue controls default to in place; list the exceptions. */
  controls?: Record<string, ControlSpec>;
  /** Catalogue controls with no assessment at all. */
  unassessed?: string[];
  kpis: KpiSpec[];
  incidents?: IncidentSpec[];
  reviews?: ReviewSpec[];
  /**
   * The findings deliberately built into this vendor, written from its design
   * rather than copied from the engine. findingsFor() may raise more; the
   * demo tests check each of these is among them. The builder ignores it.
   */
  expectedFindings: readonly string[];
}

// Fictional firms used across the set.
export const AUDITORS = {
  halberd: "Halberd & Rowe LLP",
  marlowe: "Marlowe Kessler Assurance LLP",
  oakridge: "Oakridge Attest Partners",
  pemberton: "Pemberton Lund CPAs",
  castellan: "Castellan Audit Services S.A.",
  verity: "Verity Crane & Co. LLP",
  ashgrove: "Ashgrove Assurance Group",
} as const;

export const CERT_BODIES = {
  meridian: "Meridian Certification Ltd",
  nordcert: "Nordcert Registrar AS",
  alcor: "Bureau Alcor Certification",
  qualisure: "QualiSure Registrars Ltd",
  certitude: "Certitude Assessment GmbH",
  // Not accredited by any IAF member body.
  swift: "Swift ISO Certify Ltd",
  globalcert: "GlobalCert Express FZE",
} as const;

export const CARRIERS = {
  harbourline: "Harbourline Specialty Insurance Co.",
  aldgate: "Aldgate Cyber Underwriters Ltd",
  northstar: "Northstar Mutual Assurance",
  beacon: "Beacon Ridge Insurance Company",
  solent: "Solent Specialty Re",
  pacific: "Pacific Crest Indemnity Corp.",
  amberline: "Amberline Ubezpieczenia S.A.",
} as const;

export const PENTESTERS = {
  redline: "Redline Offensive Labs",
  cobalt: "Cobalt Fathom Security",
  sentinel: "Sentinel Grid Labs",
  ironbark: "Ironbark Red Team",
  kestrel: "Kestrel Pentest Services",
} as const;

/** Two quarters of healthy KPIs, escalation rate rising. */
export function healthyKpis(latest: Partial<Record<KpiKey, number | null>> = {}): KpiSpec[] {
  return [
    { quartersAgo: 2, phishingFailurePct: 3.8, escalationRatePct: 88, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 97, privilegeReviewAgeDays: 64 },
    { quartersAgo: 1, ...latest },
  ];
}

export function recentReviews(vendorLead: string, notes: string): ReviewSpec[] {
  return [
    { monthsAgo: 4, extraDays: 3, attendees: [vendorLead, "Sam Security (Assay)"], notes: "Quarterly review: access changes, phishing results, open remediation items." },
    { monthsAgo: 1, extraDays: 6, attendees: [vendorLead, "Sam Security (Assay)", "Priya Procurement (Assay)"], notes },
  ];
}
