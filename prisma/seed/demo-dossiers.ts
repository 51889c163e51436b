import { createHash } from "node:crypto";
import catalogueJson from "@/lib/domain/reference/control-catalogue.json";
import { EVIDENCE_KIND_LABELS, type ControlStatus, type EvidenceKind } from "@/lib/domain/dossier-vocabulary";
import type { AccessLevel, DataCategory, Industry, Service, VendorStatus } from "@/lib/domain/vocabulary";
import { controlCatalogueSchema } from "@/lib/schemas/control-catalogue";
import {
  DOSSIER_FORMAT_VERSION,
  type ControlAssessment,
  type DeliverySite,
  type Dossier,
  type EvidenceDocument,
  type Incident,
  type InsurancePolicy,
  type IsoCertificate,
  type KpiPeriod,
  type Pentest,
  type SecurityReview,
  type Soc2Report,
} from "@/lib/schemas/dossier";
import { demoLegal } from "./demo-legal";

// Demo vendor dossiers: fictional BPOs (every name, firm, insurer, policy and
// certificate number is invented; websites use .example) that together
// exercise every rule of the findings engine (lib/domain/findings/*.ts).
//
// Demo data must stay meaningful whenever someone runs the seed, so no date
// below is absolute: every date is written relative to the `now` passed to
// demoDossiers() ("SOC 2 period ended at the end of the month 17 months
// before now", "insurance expires 30 days after now"). Margins are kept wide
// enough (and month ends are used where a month boundary matters) that the
// intended state holds for any `now`: a "due" SOC 2 is always between 12 and
// 14 months old, a "fresh" one never needs a bridge letter, and so on.
//
// The one exception is in the engine itself: ISO/IEC 27001:2013 certificates
// lapsed on 2025-10-31 (IAF MD 26), so the "superseded version" case only
// fires for a `now` after that day, which every real run is.

/**
 * The instant the demo set was designed against: the tests and the table in
 * the hand-over use it, and DEMO_FINDING_EXPECTATIONS was written for it. It is
 * not the seed's clock; the seed passes the real current time to
 * demoDossiers(), and the expectations hold for any `now` (the tests run a
 * second, different `now` to prove it).
 */
export const DEMO_NOW_ANCHOR: Date = new Date("2026-11-22T12:00:00Z");

/** Demo users that own vendors and upload evidence (lib/cli/seed.ts creates them). */
const PROCUREMENT = "procurement@assay.demo";
const SECURITY = "security@assay.demo";

const CATALOGUE = controlCatalogueSchema.parse(catalogueJson);
const CATALOGUE_CODES = new Set(CATALOGUE.map((c) => c.code));

// ---------------------------------------------------------------- relative dates
//
// All arithmetic is on UTC calendar days; outputs are "YYYY-MM-DD" strings or
// ISO instants without milliseconds.

function utcDate(y: number, m: number, d: number): Date {
  return new Date(Date.UTC(y, m, d));
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function parts(now: Date) {
  return { y: now.getUTCFullYear(), m: now.getUTCMonth(), d: now.getUTCDate() };
}

/** The day `n` days after today (negative: before). */
function daysFromNow(now: Date, n: number): string {
  const { y, m, d } = parts(now);
  return day(utcDate(y, m, d + n));
}

/** The same day-number `months` months before today (clamped to month end), minus `extraDays`. */
function monthsAgo(now: Date, months: number, extraDays = 0): string {
  const { y, m, d } = parts(now);
  const lastDay = utcDate(y, m - months + 1, 0).getUTCDate();
  return day(utcDate(y, m - months, Math.min(d, lastDay) - extraDays));
}

/** Last day of the month `months` months before the current one. */
function monthEndAgo(now: Date, months: number): string {
  const { y, m } = parts(now);
  return day(utcDate(y, m - months + 1, 0));
}

/** First day of the month `months` months before the current one. */
function monthStartAgo(now: Date, months: number): string {
  const { y, m } = parts(now);
  return day(utcDate(y, m - months, 1));
}

function addDays(isoDay: string, n: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return day(utcDate(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + n));
}

function addYears(isoDay: string, n: number): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  const year = (y ?? 1970) + n;
  const month = (m ?? 1) - 1;
  const lastDay = utcDate(year, month + 1, 0).getUTCDate();
  return day(utcDate(year, month, Math.min(d ?? 1, lastDay)));
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

function instant(ms: number): string {
  return new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The instant `hours` hours before now, to the minute. */
function hoursAgo(now: Date, hours: number): string {
  return instant(now.getTime() - hours * 3_600_000);
}

/** A working-hours upload time on a day, never after now. */
function uploadInstant(now: Date, isoDay: string, hour = 9): string {
  const at = Date.parse(`${isoDay}T${String(hour).padStart(2, "0")}:17:00Z`);
  return instant(Math.min(at, now.getTime() - 3_600_000));
}

/** "2026-Q3" of the quarter `k` quarters before the current one. */
function quarterAgo(now: Date, k: number): string {
  const { y, m } = parts(now);
  const q = y * 4 + Math.floor(m / 3) - k;
  return `${Math.floor(q / 4)}-Q${(q % 4) + 1}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
/** "31 Aug 2025", for document titles. */
function readable(isoDay: string): string {
  const [y, m, d] = isoDay.split("-").map(Number);
  return `${d ?? 1} ${MONTHS[(m ?? 1) - 1] ?? ""} ${y ?? ""}`;
}

// ---------------------------------------------------------------- vendor specs

interface SiteSpec {
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

interface Soc2Spec {
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

interface IsoSpec {
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

interface PentestSpec {
  monthsAgo: number;
  provider: string;
  scope: string;
  openCriticalHigh?: number;
}

interface InsuranceSpec {
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

type KpiKey = Exclude<keyof KpiPeriod, "id" | "period">;
/** `null` means the vendor did not report that KPI for the period. */
type KpiSpec = { quartersAgo: number } & Partial<Record<KpiKey, number | null>>;

interface IncidentSpec {
  detectedHoursAgo: number;
  /** Hours from detection to notice; omitted while we have not been told. */
  notifiedAfterHours?: number;
  severity: Incident["severity"];
  summary: string;
  personalData: boolean;
}

interface ReviewSpec {
  monthsAgo: number;
  extraDays?: number;
  attendees: string[];
  notes: string;
  followUps?: string[];
}

type ControlSpec = ControlStatus | { status: ControlStatus; note?: string; evidence?: string };

interface VendorSpec {
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
}

// Fictional firms used across the set.
const AUDITORS = {
  halberd: "Halberd & Rowe LLP",
  marlowe: "Marlowe Kessler Assurance LLP",
  oakridge: "Oakridge Attest Partners",
  pemberton: "Pemberton Lund CPAs",
  castellan: "Castellan Audit Services S.A.",
  verity: "Verity Crane & Co. LLP",
  ashgrove: "Ashgrove Assurance Group",
} as const;

const CERT_BODIES = {
  meridian: "Meridian Certification Ltd",
  nordcert: "Nordcert Registrar AS",
  alcor: "Bureau Alcor Certification",
  qualisure: "QualiSure Registrars Ltd",
  certitude: "Certitude Assessment GmbH",
  // Not accredited by any IAF member body.
  swift: "Swift ISO Certify Ltd",
  globalcert: "GlobalCert Express FZE",
} as const;

const CARRIERS = {
  harbourline: "Harbourline Specialty Insurance Co.",
  aldgate: "Aldgate Cyber Underwriters Ltd",
  northstar: "Northstar Mutual Assurance",
  beacon: "Beacon Ridge Insurance Company",
  solent: "Solent Specialty Re",
  pacific: "Pacific Crest Indemnity Corp.",
  amberline: "Amberline Ubezpieczenia S.A.",
} as const;

const PENTESTERS = {
  redline: "Redline Offensive Labs",
  cobalt: "Cobalt Fathom Security",
  sentinel: "Sentinel Grid Labs",
  ironbark: "Ironbark Red Team",
  kestrel: "Kestrel Pentest Services",
} as const;

/** Two quarters of healthy KPIs, escalation rate rising. */
function healthyKpis(latest: Partial<Record<KpiKey, number | null>> = {}): KpiSpec[] {
  return [
    { quartersAgo: 2, phishingFailurePct: 3.8, escalationRatePct: 88, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 97, privilegeReviewAgeDays: 64 },
    { quartersAgo: 1, ...latest },
  ];
}

function recentReviews(vendorLead: string, notes: string): ReviewSpec[] {
  return [
    { monthsAgo: 4, extraDays: 3, attendees: [vendorLead, "Sam Security (Assay)"], notes: "Quarterly review: access changes, phishing results, open remediation items." },
    { monthsAgo: 1, extraDays: 6, attendees: [vendorLead, "Sam Security (Assay)", "Priya Procurement (Assay)"], notes },
  ];
}

const VENDORS: VendorSpec[] = [
  // 1. Critical, mostly sound: a bridge-letter gap, phishing in the watch band, one partial control.
  {
    slug: "northwind",
    name: "Northwind Contact Solutions",
    legalName: "Northwind Contact Solutions Inc.",
    website: "https://northwind-contact.example",
    country: "PH",
    services: ["email", "chat", "phone"],
    industries: ["fintech"],
    dataCategories: ["contact_pii", "credentials_reset", "payment_card", "california_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "makati", city: "Makati", headcount: 420 },
      { key: "iloilo", city: "Iloilo City", headcount: 180 },
    ],
    soc2: [
      { periodEndMonthsAgo: 17, auditor: AUDITORS.halberd },
      { periodEndMonthsAgo: 5, auditor: AUDITORS.halberd },
    ],
    iso: [
      {
        number: "MCL-27K-10482",
        body: CERT_BODIES.meridian,
        expiresInDays: 610,
        scope: "Provision of omnichannel customer support and payment-dispute handling for financial services clients from Makati and Iloilo City.",
      },
    ],
    pentests: [{ monthsAgo: 4, provider: PENTESTERS.redline, scope: "Agent VDI pool, ticketing integration, VPN concentrators, external perimeter" }],
    policy: { title: "Information Security Policy v7.2", approvedMonthsAgo: 8 },
    irp: { testedMonthsAgo: 3 },
    bcp: { testedMonthsAgo: 6 },
    insurance: [
      { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "004417", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 240 },
    ],
    controls: {
      "physical.no_phones_on_floor": {
        status: "partial",
        note: "Phones go into lockers at the floor entrance; a spot check in Iloilo found three phones at desks.",
      },
      "email.dmarc_reject": { status: "in_place", evidence: "DMARC DNS record (p=reject) for northwind-contact.example" },
    },
    kpis: [
      { quartersAgo: 3, phishingFailurePct: 4.1, escalationRatePct: 86, verificationBypassCount: 0, meanTimeToEscalateMinutes: 8, trainingCompletionPct: 99, privilegeReviewAgeDays: 40 },
      ...healthyKpis({ phishingFailurePct: 7 }),
    ],
    incidents: [
      {
        detectedHoursAgo: 24 * 130,
        notifiedAfterHours: 6.5,
        severity: "medium",
        summary: "An agent entered credentials on a look-alike ticketing login page; the session was revoked and the password reset within 40 minutes.",
        personalData: false,
      },
    ],
    reviews: recentReviews("Marisol Reyes (CISO, Northwind)", "Phishing rate up to 7%: targeted refresher for the Iloilo night shift agreed."),
  },

  // 2. High: remote site without VDI, certificate scope gap, training below target; EU data in India without SCCs.
  {
    slug: "bluepeak",
    name: "Bluepeak BPO",
    legalName: "Bluepeak Business Process Outsourcing Pvt. Ltd.",
    website: "https://bluepeak-bpo.example",
    country: "IN",
    services: ["email", "chat", "back_office"],
    industries: ["ecommerce", "saas"],
    dataCategories: ["contact_pii", "payment_card", "eu_personal", "india_personal"],
    accessLevel: "trigger_resets",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "bengaluru", city: "Bengaluru", headcount: 350 },
      { key: "mysuru", city: "Mysuru", mode: "remote", headcount: 60, vdi: false },
      // EU customers' tickets are also handled from Manila (see the transfer matrix in demo-legal.ts).
      { key: "manila", city: "Manila", country: "PH", headcount: 80 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
    iso: [
      {
        number: "IS 784521",
        body: CERT_BODIES.qualisure,
        expiresInDays: 720,
        scope: "Customer support and back-office order management services delivered from the Bengaluru (Whitefield) delivery centre.",
        covers: ["bengaluru"],
      },
    ],
    pentests: [{ monthsAgo: 6, provider: PENTESTERS.kestrel, scope: "Web chat widget, agent desktop build, Bengaluru network segmentation" }],
    policy: { title: "Information Security Management Policy 2.3", approvedMonthsAgo: 10 },
    irp: { testedMonthsAgo: 5 },
    bcp: { testedMonthsAgo: 9 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "118204", perOccurrence: 7_500_000, aggregate: 15_000_000, expiresInDays: 300 },
    ],
    controls: {
      "endpoint.vdi_no_local_data": {
        status: "partial",
        note: "VDI on the Bengaluru floor only; Mysuru remote agents work on managed laptops with a local browser.",
      },
    },
    kpis: healthyKpis({ trainingCompletionPct: 91 }),
    reviews: recentReviews("Rohan Iyer (Head of Information Security, Bluepeak)", "Mysuru VDI rollout plan reviewed; target end of next quarter."),
  },

  // 3. Moderate, good: only the insurance is stated in EUR.
  {
    slug: "vistula",
    name: "Vistula Support Centre",
    legalName: "Vistula Support Centre Sp. z o.o.",
    website: "https://vistula-support.example",
    country: "PL",
    services: ["phone", "email"],
    industries: ["saas"],
    dataCategories: ["contact_pii", "eu_personal"],
    accessLevel: "trigger_resets",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "krakow", city: "Kraków", headcount: 140 },
      { key: "gdansk", city: "Gdańsk", headcount: 60 },
    ],
    soc2: [{ periodEndMonthsAgo: 8, auditor: AUDITORS.verity, bridgeLetterDaysAgo: 25 }],
    iso: [
      {
        number: "PL-ISMS-22-0917",
        body: CERT_BODIES.certitude,
        expiresInDays: 480,
        scope: "Multilingual technical support for software clients from the Kraków and Gdańsk offices.",
      },
    ],
    pentests: [{ monthsAgo: 7, provider: PENTESTERS.ironbark, scope: "Support portal, telephony gateway, Microsoft 365 tenant" }],
    policy: { title: "Polityka Bezpieczeństwa Informacji / Information Security Policy v5", approvedMonthsAgo: 6 },
    irp: { testedMonthsAgo: 7 },
    bcp: { testedMonthsAgo: 7 },
    insurance: [
      { carrier: CARRIERS.amberline, policyPrefix: "AMB-CYB", policySerial: "220931", perOccurrence: 3_000_000, aggregate: 6_000_000, currency: "EUR", expiresInDays: 200 },
    ],
    kpis: [
      { quartersAgo: 3, phishingFailurePct: 2.9, escalationRatePct: 91, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 100, privilegeReviewAgeDays: 30 },
      ...healthyKpis({ phishingFailurePct: 2.4, escalationRatePct: 93, trainingCompletionPct: 100, privilegeReviewAgeDays: 35 }),
    ],
  },

  // 4. Critical prospect with only a Type I report, no ISO, thin insurance.
  {
    slug: "caricare",
    name: "CariCare Health Services",
    legalName: "CariCare Health Services S.A.",
    website: "https://caricare.example",
    country: "CR",
    services: ["phone", "chat"],
    industries: ["healthcare"],
    dataCategories: ["contact_pii", "health", "california_personal"],
    accessLevel: "read_only",
    status: "prospective",
    owner: "security",
    sites: [{ key: "heredia", city: "Heredia", headcount: 95 }],
    soc2: [{ type: "type1", periodEndMonthsAgo: 2, auditor: AUDITORS.castellan }],
    iso: [],
    pentests: [{ monthsAgo: 3, provider: PENTESTERS.sentinel, scope: "Patient-facing chat, call recording storage, agent workstations" }],
    policy: { title: "Política de Seguridad de la Información v3.0", approvedMonthsAgo: 4 },
    irp: {},
    bcp: { testedMonthsAgo: 10 },
    insurance: [
      { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "557310", perOccurrence: 3_000_000, aggregate: 5_000_000, expiresInDays: 280 },
    ],
    kpis: [
      {
        quartersAgo: 1,
        phishingFailurePct: 4.5,
        escalationRatePct: 84,
        verificationBypassCount: 0,
        trainingCompletionPct: 100,
        meanTimeToEscalateMinutes: null,
        privilegeReviewAgeDays: null,
      },
    ],
  },

  // 5. Moderate prospect, early in due diligence: many gaps.
  {
    slug: "lagos-desk",
    name: "Lagos Digital Desk",
    legalName: "Lagos Digital Desk Limited",
    website: "https://lagosdesk.example",
    country: "NG",
    services: ["chat", "email"],
    industries: ["gaming"],
    dataCategories: ["contact_pii", "credentials_reset"],
    accessLevel: "trigger_resets",
    status: "prospective",
    owner: "procurement",
    sites: [{ key: "ikeja", city: "Lagos", headcount: 110 }],
    soc2: [],
    iso: [
      {
        number: "NC-27001-3381",
        body: CERT_BODIES.nordcert,
        expiresInDays: 900,
        scope: "Player support by chat and email for online gaming operators from the Ikeja, Lagos office.",
      },
    ],
    pentests: [],
    policy: { title: "Information Security Policy", approvedMonthsAgo: 14 },
    irp: { testedMonthsAgo: 9 },
    insurance: [
      { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "90-4471", perOccurrence: 2_500_000, aggregate: 5_000_000, expiresInDays: 30 },
    ],
    controls: {
      "governance.quarterly_phishing_simulations": { status: "unknown", note: "Vendor says simulations are planned; no schedule shared yet." },
    },
    unassessed: ["human.channel_agnostic", "access.session_logging"],
    kpis: [
      {
        quartersAgo: 1,
        phishingFailurePct: null,
        escalationRatePct: 71,
        verificationBypassCount: 0,
        meanTimeToEscalateMinutes: 9,
        trainingCompletionPct: 96,
        privilegeReviewAgeDays: 85,
      },
    ],
  },

  // 6. High: stale SOC 2, 18% phishing failures, slow escalation, DMARC at quarantine.
  {
    slug: "cebucare",
    name: "Cebu Customer Care",
    legalName: "Cebu Customer Care Corporation",
    website: "https://cebucare.example",
    country: "PH",
    services: ["phone", "chat", "email"],
    industries: ["ecommerce"],
    dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "it-park", city: "Cebu City", headcount: 600 },
      { key: "mandaue", city: "Mandaue", headcount: 150 },
    ],
    soc2: [{ periodEndMonthsAgo: 17, auditor: AUDITORS.marlowe }],
    iso: [
      {
        number: "IS 771209",
        body: CERT_BODIES.qualisure,
        expiresInDays: 400,
        scope: "Customer care, order management and billing support services for online retail clients from Cebu IT Park and Mandaue.",
      },
    ],
    pentests: [{ monthsAgo: 8, provider: PENTESTERS.redline, scope: "Agent desktops, CRM integration, telephony platform" }],
    policy: { title: "Corporate Information Security Policy v4.1", approvedMonthsAgo: 11 },
    irp: { testedMonthsAgo: 8 },
    bcp: { testedMonthsAgo: 8 },
    insurance: [
      { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "003982", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 150 },
    ],
    controls: {
      "email.dmarc_reject": { status: "partial", note: "DMARC at p=quarantine since March; move to p=reject planned after the ticketing migration." },
    },
    kpis: [
      { quartersAgo: 2, phishingFailurePct: 12, escalationRatePct: 78, verificationBypassCount: 0, meanTimeToEscalateMinutes: 11, trainingCompletionPct: 96, privilegeReviewAgeDays: 70 },
      { quartersAgo: 1, phishingFailurePct: 18, escalationRatePct: 79, verificationBypassCount: 0, meanTimeToEscalateMinutes: 14, trainingCompletionPct: 96, privilegeReviewAgeDays: 75 },
    ],
    reviews: [
      { monthsAgo: 5, extraDays: 4, attendees: ["Jonel Santos (IT Security Manager, Cebu Customer Care)", "Sam Security (Assay)"], notes: "SOC 2 renewal audit promised for next quarter.", followUps: ["Send the new SOC 2 report or a bridge letter"] },
    ],
  },

  // 7. Low tier, B2B dealer line with no personal data: no SOC 2, stale pen test.
  {
    slug: "andesvoice",
    name: "Andes Voice Partners",
    legalName: "Andes Voice Partners S.A.S.",
    website: "https://andesvoice.example",
    country: "CO",
    services: ["phone"],
    industries: ["automotive"],
    dataCategories: [],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [{ key: "medellin", city: "Medellín", headcount: 70 }],
    soc2: [],
    iso: [
      {
        number: "BAC-ISMS-2022-0644",
        body: CERT_BODIES.alcor,
        expiresInDays: 520,
        scope: "Inbound dealer and parts-availability helpline for automotive manufacturers, Medellín.",
      },
    ],
    pentests: [{ monthsAgo: 16, provider: PENTESTERS.cobalt, scope: "Telephony platform and dealer knowledge base" }],
    policy: { title: "Information Security Policy v2", approvedMonthsAgo: 9 },
    irp: { testedMonthsAgo: 6 },
    bcp: { testedMonthsAgo: 6 },
    insurance: [
      { carrier: CARRIERS.northstar, policyPrefix: "NMA", policySerial: "CY-20771", perOccurrence: 3_000_000, aggregate: 3_000_000, expiresInDays: 170 },
    ],
    controls: {
      "physical.no_phones_on_floor": { status: "not_applicable", note: "No customer personal data is handled on the floor." },
    },
    kpis: healthyKpis({ phishingFailurePct: 4.2, escalationRatePct: 90, meanTimeToEscalateMinutes: 8 }),
  },

  // 8. High: qualified SOC 2 opinion with exceptions, a late incident notice, falling escalation rate.
  {
    slug: "danubia",
    name: "Danubia Service Hub",
    legalName: "Danubia Service Hub S.R.L.",
    website: "https://danubia-hub.example",
    country: "RO",
    services: ["email", "back_office"],
    industries: ["fintech", "saas"],
    dataCategories: ["contact_pii", "eu_personal"],
    accessLevel: "read_only",
    status: "active",
    owner: "security",
    sites: [
      { key: "bucharest", city: "Bucharest", headcount: 220 },
      { key: "iasi", city: "Iași", headcount: 90 },
    ],
    soc2: [
      {
        periodEndMonthsAgo: 2,
        auditor: AUDITORS.verity,
        opinion: "qualified",
        exceptions: 3,
        carvedOut: ["Cloudreach Hosting (fictional IaaS provider)"],
      },
    ],
    iso: [
      {
        number: "IS 790114",
        body: CERT_BODIES.meridian,
        expiresInDays: 350,
        scope: "Back-office and email support for financial technology and software clients at the Bucharest and Iași centres.",
      },
    ],
    pentests: [{ monthsAgo: 5, provider: PENTESTERS.ironbark, scope: "Email gateway, back-office workflow tool, VPN" }],
    policy: { title: "Information Security Policy v6", approvedMonthsAgo: 5 },
    irp: { testedMonthsAgo: 4 },
    bcp: { testedMonthsAgo: 4 },
    insurance: [
      { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "77-1290", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 210 },
    ],
    kpis: [
      { quartersAgo: 2, phishingFailurePct: 3.5, escalationRatePct: 81, verificationBypassCount: 0, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 98, privilegeReviewAgeDays: 50 },
      { quartersAgo: 1, phishingFailurePct: 3.9, escalationRatePct: 74, verificationBypassCount: 0, meanTimeToEscalateMinutes: 8, trainingCompletionPct: 97, privilegeReviewAgeDays: 55 },
    ],
    incidents: [
      {
        detectedHoursAgo: 24 * 50,
        notifiedAfterHours: 41,
        severity: "high",
        summary: "A mis-routed batch of 212 account statements was emailed to the wrong client contact; recalled and the recipient confirmed deletion.",
        personalData: true,
      },
    ],
    reviews: recentReviews("Andrei Popescu (CISO, Danubia)", "Late notification discussed; Danubia to add our contact to its incident runbook."),
  },

  // 9. High prospect (admin access to a government case system): expired ISO, open pen-test findings, lapsed insurance.
  {
    slug: "capeharbour",
    name: "Cape Harbour Contact",
    legalName: "Cape Harbour Contact (Pty) Ltd",
    website: "https://capeharbour.example",
    country: "ZA",
    services: ["phone", "email"],
    industries: ["government"],
    dataCategories: ["contact_pii"],
    accessLevel: "admin",
    status: "prospective",
    owner: "security",
    sites: [
      { key: "cape-town", city: "Cape Town", headcount: 160 },
      { key: "durban", city: "Durban", mode: "remote", headcount: 40 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.ashgrove }],
    iso: [
      {
        number: "QSR-50231",
        body: CERT_BODIES.qualisure,
        expiresInDays: -50,
        scope: "Citizen contact centre services for public-sector clients, Cape Town.",
        covers: ["cape-town"],
      },
    ],
    pentests: [{ monthsAgo: 6, provider: PENTESTERS.sentinel, scope: "Case-management portal, admin console, remote access gateway", openCriticalHigh: 2 }],
    irp: { testedMonthsAgo: 5 },
    bcp: { testedMonthsAgo: 11 },
    insurance: [
      { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "61884", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: -20 },
    ],
    kpis: healthyKpis({ privilegeReviewAgeDays: 140 }),
  },

  // 10. Moderate, offboarded: everything went stale after the relationship ended.
  {
    slug: "kyivremote",
    name: "Kyiv Remote Support",
    legalName: "Kyiv Remote Support LLC",
    website: "https://kyivremote.example",
    country: "UA",
    services: ["chat", "email"],
    industries: ["saas", "gaming"],
    dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
    accessLevel: "trigger_resets",
    status: "offboarded",
    owner: "procurement",
    sites: [
      { key: "kyiv", city: "Kyiv", mode: "remote", headcount: 45 },
      { key: "lviv", city: "Lviv", headcount: 30 },
    ],
    soc2: [{ periodEndMonthsAgo: 20, auditor: AUDITORS.pemberton }],
    iso: [
      {
        number: "NC-27001-1902",
        body: CERT_BODIES.nordcert,
        version: "2013",
        expiresInDays: 240,
        scope: "Remote chat and email support for software and gaming clients, Kyiv (remote) and Lviv office.",
      },
    ],
    pentests: [{ monthsAgo: 18, provider: PENTESTERS.cobalt, scope: "Remote access VPN, chat platform integration" }],
    policy: { title: "Information Security Policy v3", approvedMonthsAgo: 22 },
    irp: { testedMonthsAgo: 20 },
    bcp: { testedMonthsAgo: 20 },
    insurance: [
      { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "430018", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: -95 },
    ],
    controls: {
      "physical.cctv": { status: "not_applicable", note: "Kyiv agents are fully remote." },
      "physical.visitor_management": { status: "not_applicable", note: "Kyiv agents are fully remote." },
    },
    kpis: [
      { quartersAgo: 5, phishingFailurePct: 3.1, escalationRatePct: 85, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 45 },
      { quartersAgo: 4, phishingFailurePct: 2.7, escalationRatePct: 87, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 98, privilegeReviewAgeDays: 50 },
    ],
  },

  // 11. Critical: verification bypasses and an incident we have not been told about.
  {
    slug: "mty-omni",
    name: "Monterrey Omnichannel",
    legalName: "Monterrey Omnichannel S. de R.L. de C.V.",
    website: "https://mty-omni.example",
    country: "MX",
    services: ["phone", "chat", "email"],
    industries: ["fintech", "ecommerce"],
    dataCategories: ["contact_pii", "credentials_reset", "payment_card", "california_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "security",
    sites: [
      { key: "monterrey", city: "Monterrey", headcount: 380 },
      { key: "guadalajara", city: "Guadalajara", mode: "remote", headcount: 70 },
    ],
    soc2: [
      { periodEndMonthsAgo: 14, auditor: AUDITORS.marlowe },
      { periodEndMonthsAgo: 2, auditor: AUDITORS.marlowe },
    ],
    iso: [
      {
        number: "BAC-ISMS-2022-0918",
        body: CERT_BODIES.alcor,
        expiresInDays: 640,
        scope: "Omnichannel customer service, billing and card-dispute support for fintech and retail clients, Monterrey and remote agents in Guadalajara.",
      },
    ],
    pentests: [{ monthsAgo: 3, provider: PENTESTERS.kestrel, scope: "IVR, agent VDI, payment-method change workflow" }],
    policy: { title: "Política de Seguridad de la Información v8", approvedMonthsAgo: 7 },
    irp: { testedMonthsAgo: 2 },
    bcp: { testedMonthsAgo: 5 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "120577", perOccurrence: 10_000_000, aggregate: 25_000_000, expiresInDays: 320 },
    ],
    controls: {
      "human.no_exceptions_policy": {
        status: "not_in_place",
        note: "Team leads may approve billing-method changes without a callback during peak hours.",
      },
      "human.verification_tier3_elevated": { status: "partial", note: "Callback done for card changes but not for account closure." },
    },
    kpis: healthyKpis({ phishingFailurePct: 4.4, escalationRatePct: 89, verificationBypassCount: 2, meanTimeToEscalateMinutes: 9 }),
    incidents: [
      {
        detectedHoursAgo: 72,
        severity: "high",
        summary: "Two payment-method changes were made after a caller impersonated account holders; the vendor detected it in a QA sample and is investigating.",
        personalData: true,
      },
    ],
    reviews: recentReviews("Lucía Garza (Security & Compliance Lead, Monterrey Omnichannel)", "Peak-hour exception process challenged; vendor to withdraw it."),
  },

  // 12. High (healthcare scheduling back office), genuinely good: no findings.
  {
    slug: "penang-bos",
    name: "Penang Back Office Services",
    legalName: "Penang Back Office Services Sdn. Bhd.",
    website: "https://penang-bos.example",
    country: "MY",
    services: ["back_office"],
    industries: ["healthcare", "saas"],
    dataCategories: ["contact_pii"],
    accessLevel: "read_only",
    status: "active",
    owner: "security",
    sites: [
      { key: "george-town", city: "George Town", headcount: 130 },
      { key: "bayan-lepas", city: "Bayan Lepas", headcount: 85 },
    ],
    soc2: [
      { periodEndMonthsAgo: 14, auditor: AUDITORS.oakridge },
      { periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge },
    ],
    iso: [
      {
        number: "IS 802331",
        body: CERT_BODIES.meridian,
        expiresInDays: 800,
        scope: "Appointment scheduling and back-office administration services for healthcare software clients, George Town and Bayan Lepas.",
      },
    ],
    pentests: [{ monthsAgo: 2, provider: PENTESTERS.sentinel, scope: "Back-office workflow platform, VDI, perimeter" }],
    policy: { title: "Information Security Policy v9.0", approvedMonthsAgo: 3 },
    irp: { testedMonthsAgo: 2 },
    bcp: { testedMonthsAgo: 3 },
    insurance: [
      { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "005106", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 260 },
    ],
    kpis: [
      { quartersAgo: 3, phishingFailurePct: 2.2, escalationRatePct: 92, verificationBypassCount: 0, meanTimeToEscalateMinutes: 4, trainingCompletionPct: 100, privilegeReviewAgeDays: 28 },
      ...healthyKpis({ phishingFailurePct: 1.9, escalationRatePct: 95, meanTimeToEscalateMinutes: 4, trainingCompletionPct: 100, privilegeReviewAgeDays: 31 }),
    ],
    incidents: [
      {
        detectedHoursAgo: 24 * 200,
        notifiedAfterHours: 3,
        severity: "low",
        summary: "Lost access badge reported by an agent; badge disabled within 15 minutes, no access recorded.",
        personalData: false,
      },
    ],
    reviews: recentReviews("Tan Mei Ling (Information Security Officer, Penang BOS)", "No open items."),
  },

  // 13. Moderate, genuinely good.
  {
    slug: "tagus",
    name: "Tagus Customer Operations",
    legalName: "Tagus Customer Operations, Lda.",
    website: "https://tagus-ops.example",
    country: "PT",
    services: ["email", "chat"],
    industries: ["saas", "ecommerce"],
    dataCategories: ["contact_pii", "eu_personal"],
    accessLevel: "trigger_resets",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "lisbon", city: "Lisbon", headcount: 210 },
      { key: "porto", city: "Porto", mode: "remote", headcount: 50 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.verity }],
    iso: [
      {
        number: "CAG-27001-4410",
        body: CERT_BODIES.certitude,
        expiresInDays: 700,
        scope: "Multilingual chat and email support for software and e-commerce clients, Lisbon office and Porto remote agents.",
      },
    ],
    pentests: [{ monthsAgo: 4, provider: PENTESTERS.ironbark, scope: "Chat platform, agent VDI, VPN" }],
    policy: { title: "Política de Segurança da Informação v4", approvedMonthsAgo: 5 },
    irp: { testedMonthsAgo: 6 },
    bcp: { testedMonthsAgo: 6 },
    insurance: [
      { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "70214", perOccurrence: 4_000_000, aggregate: 8_000_000, expiresInDays: 190 },
    ],
    kpis: healthyKpis({ phishingFailurePct: 2.8, escalationRatePct: 91, meanTimeToEscalateMinutes: 5, trainingCompletionPct: 99, privilegeReviewAgeDays: 42 }),
  },

  // 14. Critical, good: only the ISO certificate is close to expiry.
  {
    slug: "liffey",
    name: "Liffey Support Partners",
    legalName: "Liffey Support Partners Limited",
    website: "https://liffey-support.example",
    country: "IE",
    services: ["phone", "email", "chat"],
    industries: ["fintech"],
    dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "security",
    sites: [
      { key: "dublin", city: "Dublin", headcount: 260 },
      { key: "cork", city: "Cork", headcount: 90 },
    ],
    soc2: [{ periodEndMonthsAgo: 7, auditor: AUDITORS.halberd, bridgeLetterDaysAgo: 20 }],
    iso: [
      {
        number: "IS 655018",
        body: CERT_BODIES.meridian,
        expiresInDays: 45,
        scope: "Customer support and account servicing for regulated financial services clients, Dublin and Cork.",
      },
    ],
    pentests: [{ monthsAgo: 5, provider: PENTESTERS.redline, scope: "Account-servicing console, telephony, VDI, external perimeter" }],
    policy: { title: "Information Security Policy v11", approvedMonthsAgo: 4 },
    irp: { testedMonthsAgo: 3 },
    bcp: { testedMonthsAgo: 4 },
    insurance: [
      { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "81-0036", perOccurrence: 15_000_000, aggregate: 30_000_000, expiresInDays: 230 },
    ],
    kpis: healthyKpis({ phishingFailurePct: 2.1, escalationRatePct: 94, meanTimeToEscalateMinutes: 3, trainingCompletionPct: 100, privilegeReviewAgeDays: 21 }),
    incidents: [
      {
        detectedHoursAgo: 24 * 95,
        notifiedAfterHours: 11,
        severity: "medium",
        summary: "Vishing attempt against the Cork billing queue escalated by the agent; no change made, caller's number blocked.",
        personalData: false,
      },
    ],
    reviews: recentReviews("Ciarán Doyle (CISO, Liffey Support Partners)", "ISO recertification audit booked; certificate expected before expiry."),
  },

  // 15. High: SOC 2 due for renewal, unaccredited ISO body, stale pen test.
  {
    slug: "riftvalley",
    name: "Rift Valley Contact Centre",
    legalName: "Rift Valley Contact Centre Limited",
    website: "https://riftvalley-cc.example",
    country: "KE",
    services: ["phone", "chat"],
    industries: ["ecommerce", "saas"],
    dataCategories: ["contact_pii", "payment_card"],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "nairobi", city: "Nairobi", headcount: 240 },
      { key: "mombasa", city: "Mombasa", headcount: 60 },
    ],
    soc2: [{ periodEndMonthsAgo: 13, auditor: AUDITORS.ashgrove, bridgeLetterDaysAgo: 40 }],
    iso: [
      {
        number: "SIC-2290-KE",
        body: CERT_BODIES.swift,
        accredited: false,
        expiresInDays: 500,
        scope: "Contact centre operations, Nairobi and Mombasa.",
      },
    ],
    pentests: [{ monthsAgo: 14, provider: PENTESTERS.kestrel, scope: "Payment IVR, agent desktops" }],
    policy: { title: "ISMS Policy v2.4", approvedMonthsAgo: 12 },
    irp: { testedMonthsAgo: 10 },
    bcp: { testedMonthsAgo: 10 },
    insurance: [
      { carrier: CARRIERS.northstar, policyPrefix: "NMA", policySerial: "CY-31458", perOccurrence: 5_000_000, aggregate: 5_000_000, expiresInDays: 110 },
    ],
    controls: {
      "endpoint.usb_blocked": { status: "partial", note: "USB storage blocked by policy on the Nairobi floor; Mombasa still uses a local image without the block." },
    },
    kpis: healthyKpis({ escalationRatePct: null }),
    reviews: recentReviews("Wanjiru Kamau (Head of Risk, Rift Valley)", "SOC 2 renewal fieldwork under way."),
  },

  // 16. Moderate: bridge-letter gap, phishing in the watch band, phones on the floor, no BCP.
  {
    slug: "saigon-omni",
    name: "Saigon Omni Services",
    legalName: "Saigon Omni Services Joint Stock Company",
    website: "https://saigon-omni.example",
    country: "VN",
    services: ["chat", "email"],
    industries: ["gaming", "ecommerce"],
    dataCategories: ["contact_pii", "credentials_reset"],
    accessLevel: "trigger_resets",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "hcmc", city: "Ho Chi Minh City", headcount: 300 },
      { key: "da-nang", city: "Da Nang", headcount: 120 },
    ],
    soc2: [{ periodEndMonthsAgo: 6, auditor: AUDITORS.pemberton }],
    iso: [
      {
        number: "IS 779904",
        body: CERT_BODIES.qualisure,
        expiresInDays: 560,
        scope: "Player and shopper support by chat and email, Ho Chi Minh City and Da Nang.",
      },
    ],
    pentests: [{ monthsAgo: 9, provider: PENTESTERS.cobalt, scope: "Chat platform, account-reset tooling" }],
    policy: { title: "Information Security Policy 2.0", approvedMonthsAgo: 9 },
    irp: { testedMonthsAgo: 7 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "119930", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 140 },
    ],
    controls: {
      "physical.no_phones_on_floor": { status: "not_in_place", note: "Agents keep personal phones for two-factor prompts of a legacy tool." },
    },
    kpis: healthyKpis({ phishingFailurePct: 11, escalationRatePct: 89 }),
  },

  // 17. High: ISO scope misses Rabat, a late incident notice, training below target, review overdue.
  {
    slug: "atlas-rc",
    name: "Atlas Relation Client",
    legalName: "Atlas Relation Client S.A.R.L.",
    website: "https://atlas-rc.example",
    country: "MA",
    services: ["phone", "email", "chat"],
    industries: ["ecommerce", "automotive"],
    dataCategories: ["contact_pii", "eu_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "casablanca", city: "Casablanca", headcount: 280 },
      { key: "rabat", city: "Rabat", headcount: 110 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.castellan }],
    iso: [
      {
        number: "BAC-ISMS-2022-1177",
        body: CERT_BODIES.alcor,
        expiresInDays: 430,
        scope: "French- and Spanish-language customer relationship services, Casablanca (Sidi Maârouf).",
        covers: ["casablanca"],
      },
    ],
    pentests: [{ monthsAgo: 6, provider: PENTESTERS.redline, scope: "CRM, telephony, billing-change workflow" }],
    policy: { title: "Politique de Sécurité des Systèmes d'Information v5", approvedMonthsAgo: 6 },
    irp: { testedMonthsAgo: 8 },
    bcp: { testedMonthsAgo: 8 },
    insurance: [
      { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "66120", perOccurrence: 6_000_000, aggregate: 12_000_000, expiresInDays: 250 },
    ],
    controls: {
      "access.offboarding": { status: "partial", note: "Leaver accounts disabled within three business days, not on the last working day." },
    },
    kpis: healthyKpis({ trainingCompletionPct: 89 }),
    incidents: [
      {
        detectedHoursAgo: 24 * 70,
        notifiedAfterHours: 30,
        severity: "medium",
        summary: "Shared mailbox of the Rabat team forwarded to an external address by a compromised account for two days.",
        personalData: true,
      },
    ],
    reviews: [
      { monthsAgo: 4, extraDays: 10, attendees: ["Youssef Benali (RSSI, Atlas Relation Client)", "Sam Security (Assay)"], notes: "Mailbox compromise post-mortem.", followUps: ["Extend ISO scope to Rabat"] },
    ],
  },

  // 18. Critical and in poor shape: the "many findings" vendor.
  {
    slug: "nilegateway",
    name: "Nile Gateway BPO",
    legalName: "Nile Gateway Business Process Outsourcing S.A.E.",
    website: "https://nilegateway.example",
    country: "EG",
    services: ["phone", "chat", "email", "back_office"],
    industries: ["fintech", "ecommerce"],
    dataCategories: ["contact_pii", "credentials_reset", "payment_card", "eu_personal"],
    accessLevel: "admin",
    status: "active",
    owner: "security",
    sites: [
      { key: "cairo", city: "Cairo", headcount: 520 },
      { key: "alexandria", city: "Alexandria", mode: "remote", headcount: 90, mfa: false, vdi: false },
    ],
    soc2: [{ periodEndMonthsAgo: 19, auditor: AUDITORS.ashgrove, exceptions: 4 }],
    iso: [],
    pentests: [{ monthsAgo: 7, provider: PENTESTERS.kestrel, scope: "Admin console, payment-method workflow, remote access", openCriticalHigh: 3 }],
    policy: { title: "Information Security Policy v1.3", approvedMonthsAgo: 16 },
    bcp: { testedMonthsAgo: 15 },
    insurance: [
      { carrier: CARRIERS.northstar, policyPrefix: "NMA", policySerial: "CY-28810", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 180 },
    ],
    controls: {
      "access.pam_no_shared_admin": { status: "not_in_place", note: "Team-lead admin account shared per shift." },
      "email.dmarc_reject": { status: "not_in_place", note: "DMARC published at p=none." },
      "access.mfa_everywhere": { status: "partial", note: "MFA on VPN and email; not on the CRM or the admin console." },
    },
    kpis: [
      { quartersAgo: 2, phishingFailurePct: 19, escalationRatePct: 61, verificationBypassCount: 0, meanTimeToEscalateMinutes: 9, trainingCompletionPct: 85, privilegeReviewAgeDays: 80 },
      { quartersAgo: 1, phishingFailurePct: 22, escalationRatePct: 64, verificationBypassCount: 1, meanTimeToEscalateMinutes: 9, trainingCompletionPct: 82, privilegeReviewAgeDays: 85 },
    ],
    reviews: [
      { monthsAgo: 8, attendees: ["Karim Mansour (IT Director, Nile Gateway)", "Sam Security (Assay)"], notes: "Remediation plan for shared admin accounts requested.", followUps: ["PAM rollout plan", "Renewed SOC 2"] },
    ],
  },

  // 19. Critical (health data): one SOC 2 exception, privilege review overdue, an incident notice still inside the window.
  {
    slug: "cordillera",
    name: "Cordillera Support Services",
    legalName: "Cordillera Support Services S.A.S.",
    website: "https://cordillera-support.example",
    country: "CO",
    services: ["phone", "chat"],
    industries: ["healthcare"],
    dataCategories: ["contact_pii", "health"],
    accessLevel: "read_only",
    status: "active",
    owner: "security",
    sites: [
      { key: "bogota", city: "Bogotá", headcount: 180 },
      { key: "cali", city: "Cali", mode: "remote", headcount: 35 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.castellan, exceptions: 1 }],
    iso: [
      {
        number: "IS 781145",
        body: CERT_BODIES.meridian,
        expiresInDays: 590,
        scope: "Patient support lines and chat for healthcare providers, Bogotá office and Cali remote agents.",
      },
    ],
    pentests: [{ monthsAgo: 4, provider: PENTESTERS.sentinel, scope: "Telephony, chat, agent VDI, remote access" }],
    policy: { title: "Política de Seguridad de la Información v6", approvedMonthsAgo: 6 },
    irp: { testedMonthsAgo: 5 },
    bcp: { testedMonthsAgo: 5 },
    insurance: [
      { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "561207", perOccurrence: 8_000_000, aggregate: 16_000_000, expiresInDays: 270 },
    ],
    kpis: healthyKpis({ privilegeReviewAgeDays: 120 }),
    incidents: [
      {
        detectedHoursAgo: 5,
        severity: "medium",
        summary: "Suspicious login to an agent's VDI session from an unknown location; session killed, investigation under way.",
        personalData: true,
      },
    ],
    reviews: recentReviews("Camila Restrepo (Information Security Lead, Cordillera)", "Privilege review backlog: vendor to close it this month."),
  },

  // 20. Moderate: SOC 2 due for renewal, insurance about to expire.
  {
    slug: "bajio",
    name: "Bajío Contact Hub",
    legalName: "Bajío Contact Hub S.A. de C.V.",
    website: "https://bajio-hub.example",
    country: "MX",
    services: ["phone", "email"],
    industries: ["automotive"],
    dataCategories: ["contact_pii"],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [{ key: "leon", city: "León", headcount: 90 }],
    soc2: [{ periodEndMonthsAgo: 13, auditor: AUDITORS.pemberton, bridgeLetterDaysAgo: 30 }],
    iso: [
      {
        number: "CAG-27001-5127",
        body: CERT_BODIES.certitude,
        expiresInDays: 380,
        scope: "Vehicle owner support and service appointment booking, León.",
      },
    ],
    pentests: [{ monthsAgo: 8, provider: PENTESTERS.cobalt, scope: "Booking portal, telephony" }],
    policy: { title: "Política de Seguridad v3.1", approvedMonthsAgo: 10 },
    irp: { testedMonthsAgo: 9 },
    bcp: { testedMonthsAgo: 9 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "117402", perOccurrence: 2_000_000, aggregate: 3_000_000, expiresInDays: 25 },
    ],
    kpis: healthyKpis({ phishingFailurePct: 4.6, escalationRatePct: 90 }),
  },

  // 21. Moderate, genuinely good.
  {
    slug: "carpathia",
    name: "Carpathia Customer Care",
    legalName: "Carpathia Customer Care S.R.L.",
    website: "https://carpathia-care.example",
    country: "RO",
    services: ["chat", "email"],
    industries: ["gaming", "saas"],
    dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
    accessLevel: "trigger_resets",
    status: "active",
    owner: "security",
    sites: [
      { key: "cluj", city: "Cluj-Napoca", headcount: 190 },
      { key: "brasov", city: "Brașov", mode: "remote", headcount: 40 },
    ],
    soc2: [{ periodEndMonthsAgo: 9, auditor: AUDITORS.verity, bridgeLetterDaysAgo: 15 }],
    iso: [
      {
        number: "NC-27001-4478",
        body: CERT_BODIES.nordcert,
        expiresInDays: 840,
        scope: "Chat and email support including account recovery for gaming and software clients, Cluj-Napoca and Brașov remote agents.",
      },
    ],
    pentests: [{ monthsAgo: 3, provider: PENTESTERS.ironbark, scope: "Account-recovery tooling, chat, VDI, VPN" }],
    policy: { title: "Information Security Policy v7", approvedMonthsAgo: 2 },
    irp: { testedMonthsAgo: 4 },
    bcp: { testedMonthsAgo: 4 },
    insurance: [
      { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "84-2215", perOccurrence: 3_000_000, aggregate: 6_000_000, expiresInDays: 300 },
    ],
    kpis: [
      { quartersAgo: 3, phishingFailurePct: 3.3, escalationRatePct: 87, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 40 },
      ...healthyKpis({ phishingFailurePct: 2.6, escalationRatePct: 92, meanTimeToEscalateMinutes: 5, trainingCompletionPct: 100, privilegeReviewAgeDays: 38 }),
    ],
  },

  // 22. Critical: remote site without VPN, SOC 2 due, falling escalation rate.
  {
    slug: "warta",
    name: "Warta Digital Services",
    legalName: "Warta Digital Services S.A.",
    website: "https://warta-digital.example",
    country: "PL",
    services: ["chat", "email", "phone"],
    industries: ["fintech"],
    dataCategories: ["contact_pii", "payment_card", "eu_personal"],
    accessLevel: "change_billing",
    status: "active",
    owner: "security",
    sites: [
      { key: "poznan", city: "Poznań", headcount: 230 },
      { key: "wroclaw", city: "Wrocław", mode: "remote", headcount: 55, vpn: false },
    ],
    soc2: [{ periodEndMonthsAgo: 13, auditor: AUDITORS.halberd, bridgeLetterDaysAgo: 45 }],
    iso: [
      {
        number: "IS 792006",
        body: CERT_BODIES.meridian,
        expiresInDays: 660,
        scope: "Card-holder support and payment operations for fintech clients, Poznań and Wrocław remote agents.",
      },
    ],
    pentests: [{ monthsAgo: 6, provider: PENTESTERS.redline, scope: "Card-servicing console, VDI, external perimeter" }],
    policy: { title: "Information Security Policy v4.4", approvedMonthsAgo: 7 },
    irp: { testedMonthsAgo: 6 },
    bcp: { testedMonthsAgo: 6 },
    insurance: [
      { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "68803", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 290 },
    ],
    controls: {
      "access.periodic_access_reviews": { status: "partial", note: "Quarterly reviews cover the card console but not the ticketing tool." },
    },
    kpis: [
      { quartersAgo: 2, phishingFailurePct: 3.1, escalationRatePct: 90, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 60 },
      { quartersAgo: 1, phishingFailurePct: 3.4, escalationRatePct: 84, verificationBypassCount: 0, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 98, privilegeReviewAgeDays: 62 },
    ],
    reviews: recentReviews("Katarzyna Nowak (CISO, Warta)", "Wrocław remote agents connect through a zero-trust broker; VPN requirement discussed."),
  },

  // 23. Low tier (product knowledge-base support, no personal data): missing ISO, insurance and BCP.
  {
    slug: "selangor-cx",
    name: "Selangor CX Centre",
    legalName: "Selangor CX Centre Sdn. Bhd.",
    website: "https://selangor-cx.example",
    country: "MY",
    services: ["email", "chat"],
    industries: ["saas"],
    dataCategories: [],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "kuala-lumpur", city: "Kuala Lumpur", headcount: 60 },
      { key: "cyberjaya", city: "Cyberjaya", headcount: 40 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
    iso: [],
    pentests: [{ monthsAgo: 9, provider: PENTESTERS.cobalt, scope: "Knowledge-base portal and email gateway" }],
    policy: { title: "IT Security Policy v1.8", approvedMonthsAgo: 11 },
    irp: { testedMonthsAgo: 11 },
    insurance: [],
    kpis: healthyKpis({ phishingFailurePct: 3.9, escalationRatePct: 89 }),
  },

  // 24. Critical: insurance expiring, KPI not reported, pen test stale.
  {
    slug: "highveld",
    name: "Highveld Customer Services",
    legalName: "Highveld Customer Services (Pty) Ltd",
    website: "https://highveld-cs.example",
    country: "ZA",
    services: ["phone", "chat", "email"],
    industries: ["fintech"],
    dataCategories: ["contact_pii", "credentials_reset", "payment_card"],
    accessLevel: "change_billing",
    status: "active",
    owner: "security",
    sites: [
      { key: "sandton", city: "Johannesburg", headcount: 340 },
      { key: "pretoria", city: "Pretoria", headcount: 120 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.marlowe }],
    iso: [
      {
        number: "QSR-51870",
        body: CERT_BODIES.qualisure,
        expiresInDays: 530,
        scope: "Card and account servicing for fintech clients, Sandton (Johannesburg) and Pretoria.",
      },
    ],
    pentests: [{ monthsAgo: 13, provider: PENTESTERS.sentinel, scope: "Card-servicing console, IVR, perimeter" }],
    policy: { title: "Information Security Policy v5.2", approvedMonthsAgo: 5 },
    irp: { testedMonthsAgo: 5 },
    bcp: { testedMonthsAgo: 5 },
    insurance: [
      { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "004988", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 40 },
    ],
    kpis: healthyKpis({ privilegeReviewAgeDays: null }),
    reviews: recentReviews("Thabo Nkosi (Head of Security, Highveld)", "Insurance renewal in progress with the broker."),
  },

  // 25. Critical (health data, India): late incident notice, training gaps, IR test overdue.
  {
    slug: "deccan",
    name: "Deccan Assist Services",
    legalName: "Deccan Assist Services Private Limited",
    website: "https://deccan-assist.example",
    country: "IN",
    services: ["phone", "email", "back_office"],
    industries: ["healthcare"],
    dataCategories: ["contact_pii", "health", "india_personal", "california_personal"],
    accessLevel: "read_only",
    status: "active",
    owner: "security",
    sites: [
      { key: "hyderabad", city: "Hyderabad", headcount: 410 },
      { key: "chennai", city: "Chennai", headcount: 160 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
    iso: [
      {
        number: "IS 788530",
        body: CERT_BODIES.qualisure,
        expiresInDays: 450,
        scope: "Healthcare member services, claims intake and back office, Hyderabad and Chennai.",
      },
    ],
    pentests: [{ monthsAgo: 5, provider: PENTESTERS.kestrel, scope: "Claims intake portal, telephony, VDI" }],
    policy: { title: "Information Security Policy v8.1", approvedMonthsAgo: 8 },
    irp: { testedMonthsAgo: 16 },
    bcp: { testedMonthsAgo: 10 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "121845", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 220 },
    ],
    controls: {
      "human.verification_tier2_oob_otp": { status: "partial", note: "OTP for email changes; address changes still verified with date of birth only." },
    },
    kpis: healthyKpis({ trainingCompletionPct: 88 }),
    incidents: [
      {
        detectedHoursAgo: 24 * 40,
        notifiedAfterHours: 52,
        severity: "high",
        summary: "Claims documents for 37 members were visible to another client's agents after a queue misconfiguration.",
        personalData: true,
      },
    ],
    reviews: [
      { monthsAgo: 5, extraDays: 2, attendees: ["Venkat Rao (CISO, Deccan Assist)", "Sam Security (Assay)"], notes: "Queue misconfiguration post-mortem.", followUps: ["Tabletop exercise of the IR plan"] },
    ],
  },

  // 26. Moderate, good: one partial control.
  {
    slug: "davao-ss",
    name: "Davao Shared Services",
    legalName: "Davao Shared Services Inc.",
    website: "https://davao-ss.example",
    country: "PH",
    services: ["email", "back_office"],
    industries: ["saas"],
    dataCategories: ["contact_pii"],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [{ key: "davao", city: "Davao City", headcount: 150 }],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.pemberton }],
    iso: [
      {
        number: "IS 780377",
        body: CERT_BODIES.qualisure,
        expiresInDays: 610,
        scope: "Email support and subscription back office for software clients, Davao City.",
      },
    ],
    pentests: [{ monthsAgo: 6, provider: PENTESTERS.redline, scope: "Email gateway, back-office tooling" }],
    policy: { title: "Information Security Policy v3.3", approvedMonthsAgo: 6 },
    irp: { testedMonthsAgo: 6 },
    bcp: { testedMonthsAgo: 6 },
    insurance: [
      { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "570044", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 310 },
    ],
    controls: {
      "physical.clean_desk": { status: "partial", note: "Clean-desk audits monthly; two notebooks with customer notes found last month." },
    },
    kpis: healthyKpis({ phishingFailurePct: 3, escalationRatePct: 90 }),
  },

  // 27. Low, genuinely good.
  {
    slug: "shannon",
    name: "Shannon Helpdesk",
    legalName: "Shannon Helpdesk Services Limited",
    website: "https://shannon-helpdesk.example",
    country: "IE",
    services: ["email"],
    industries: ["saas"],
    dataCategories: [],
    accessLevel: "read_only",
    status: "active",
    owner: "procurement",
    sites: [
      { key: "limerick", city: "Limerick", headcount: 45 },
      { key: "galway", city: "Galway", mode: "remote", headcount: 15 },
    ],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.halberd }],
    iso: [
      {
        number: "IS 801726",
        body: CERT_BODIES.meridian,
        expiresInDays: 750,
        scope: "Tier 1 product helpdesk by email for software clients, Limerick office and Galway remote agents.",
      },
    ],
    pentests: [{ monthsAgo: 5, provider: PENTESTERS.ironbark, scope: "Helpdesk platform, VDI, VPN" }],
    policy: { title: "Information Security Policy v6", approvedMonthsAgo: 4 },
    irp: { testedMonthsAgo: 5 },
    bcp: { testedMonthsAgo: 5 },
    insurance: [
      { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "85-0771", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 330 },
    ],
    kpis: healthyKpis({ phishingFailurePct: 2, escalationRatePct: 93, meanTimeToEscalateMinutes: 4, trainingCompletionPct: 100, privilegeReviewAgeDays: 30 }),
  },

  // 28. Moderate prospect: no SOC 2 or pen test yet, unaccredited ISO, weak remote site.
  {
    slug: "tangier-ms",
    name: "Tangier Multilingual Services",
    legalName: "Tangier Multilingual Services S.A.R.L.",
    website: "https://tangier-ms.example",
    country: "MA",
    services: ["email", "chat"],
    industries: ["ecommerce"],
    dataCategories: ["contact_pii", "eu_personal"],
    accessLevel: "read_only",
    status: "prospective",
    owner: "procurement",
    sites: [
      { key: "tangier", city: "Tangier", headcount: 130 },
      { key: "tetouan", city: "Tétouan", mode: "remote", headcount: 25, edr: false, vdi: false },
    ],
    soc2: [],
    iso: [
      {
        number: "GCE-ISMS-7713",
        body: CERT_BODIES.globalcert,
        accredited: false,
        expiresInDays: 650,
        scope: "Customer service in French, Spanish and English, Tangier and Tétouan.",
      },
    ],
    pentests: [],
    policy: { title: "Politique de Sécurité de l'Information v2", approvedMonthsAgo: 8 },
    irp: { testedMonthsAgo: 8 },
    bcp: { testedMonthsAgo: 8 },
    insurance: [
      { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "71930", perOccurrence: 2_000_000, aggregate: 2_000_000, expiresInDays: 210 },
    ],
    kpis: healthyKpis({ phishingFailurePct: 4.8, escalationRatePct: 88.5 }),
  },

  // 29. Moderate prospect at intake: no sites, no KPIs, several documents outstanding.
  {
    slug: "mekong-bo",
    name: "Mekong Back Office",
    legalName: "Mekong Back Office Company Limited",
    website: "https://mekong-bo.example",
    country: "VN",
    services: ["back_office"],
    industries: ["ecommerce"],
    dataCategories: ["contact_pii"],
    accessLevel: "read_only",
    status: "prospective",
    owner: "procurement",
    sites: [],
    soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.pemberton }],
    iso: [],
    pentests: [],
    policy: { title: "Information Security Policy v1.0", approvedMonthsAgo: 3 },
    bcp: { testedMonthsAgo: 7 },
    insurance: [
      { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "122310", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 350 },
    ],
    controls: {
      "human.social_engineering_escalation": { status: "unknown", note: "Questionnaire answer pending." },
      "governance.incident_response_drills": { status: "unknown", note: "Questionnaire answer pending." },
    },
    unassessed: ["endpoint.usb_blocked"],
    kpis: [],
  },
];

/**
 * The findings deliberately built into each vendor (written from the designs
 * above, not copied from the engine). findingsFor() may raise more; the test
 * checks each of these is among them.
 */
export const DEMO_FINDING_EXPECTATIONS: Readonly<Record<string, readonly string[]>> = {
  "Northwind Contact Solutions": ["soc2.bridge_letter_gap", "kpi.phishing_failure_watch", "control.partial"],
  "Bluepeak BPO": ["site.remote_controls_missing", "iso.site_not_covered", "kpi.training_incomplete", "control.partial", "legal.transfer.no_mechanism"],
  "Vistula Support Centre": ["insurance.currency_mismatch"],
  "CariCare Health Services": [
    "soc2.type1_only",
    "iso.missing",
    "insurance.below_minimum",
    "incident_response.never_tested",
    "kpi.not_reported",
    "review.none_held",
    "legal.dpa.not_signed",
  ],
  "Lagos Digital Desk": ["soc2.missing", "pentest.missing", "insurance.expiring", "bcp.missing", "control.unknown", "kpi.not_reported"],
  "Cebu Customer Care": ["soc2.stale", "kpi.phishing_failure_high", "kpi.escalation_slow", "control.dmarc_not_reject", "review.overdue", "legal.clause.deviating"],
  "Andes Voice Partners": ["soc2.missing", "pentest.stale"],
  "Danubia Service Hub": ["soc2.opinion", "soc2.exceptions", "incident.notified_late", "kpi.escalation_rate_falling", "legal.clause.deviating"],
  "Cape Harbour Contact": [
    "iso.expired",
    "pentest.open_critical_high",
    "insurance.expired",
    "security_policy.missing",
    "review.none_held",
    "kpi.privilege_review_overdue",
    "legal.clause.missing",
    "legal.dpa.not_signed",
  ],
  "Kyiv Remote Support": ["soc2.stale", "iso.superseded_version", "pentest.stale", "incident_response.test_overdue", "insurance.expired", "legal.contract.ended"],
  "Monterrey Omnichannel": ["kpi.verification_bypass", "incident.not_notified", "control.not_in_place", "control.partial", "legal.subprocessor.unauthorised"],
  "Penang Back Office Services": [],
  "Tagus Customer Operations": [],
  "Liffey Support Partners": ["iso.expiring"],
  "Rift Valley Contact Centre": ["soc2.due", "iso.unaccredited", "pentest.stale", "kpi.not_reported", "control.partial", "legal.contract.in_notice_window"],
  "Saigon Omni Services": ["soc2.bridge_letter_gap", "kpi.phishing_failure_watch", "control.not_in_place", "bcp.missing", "legal.clause.deviating"],
  "Atlas Relation Client": ["iso.site_not_covered", "incident.notified_late", "kpi.training_incomplete", "review.overdue", "control.partial", "legal.clause.deviating"],
  "Nile Gateway BPO": [
    "soc2.stale",
    "soc2.exceptions",
    "iso.missing",
    "pentest.open_critical_high",
    "insurance.below_minimum",
    "incident_response.missing",
    "site.remote_controls_missing",
    "kpi.phishing_failure_high",
    "kpi.verification_bypass",
    "kpi.training_incomplete",
    "control.not_in_place",
    "control.dmarc_not_reject",
    "control.partial",
    "review.overdue",
    "legal.clause.missing",
    "legal.transfer.no_mechanism",
    "legal.subprocessor.unauthorised",
  ],
  "Cordillera Support Services": ["soc2.exceptions", "kpi.privilege_review_overdue", "incident.notification_pending"],
  "Bajío Contact Hub": ["soc2.due", "insurance.expiring"],
  "Carpathia Customer Care": [],
  "Warta Digital Services": ["site.remote_controls_missing", "soc2.due", "kpi.escalation_rate_falling", "control.partial"],
  "Selangor CX Centre": ["iso.missing", "insurance.missing", "bcp.missing"],
  "Highveld Customer Services": ["insurance.expiring", "kpi.not_reported", "pentest.stale", "legal.clause.deviating"],
  "Deccan Assist Services": [
    "incident.notified_late",
    "kpi.training_incomplete",
    "control.partial",
    "incident_response.test_overdue",
    "review.overdue",
    "legal.clause.deviating",
  ],
  "Davao Shared Services": ["control.partial"],
  "Shannon Helpdesk": [],
  "Tangier Multilingual Services": [
    "soc2.missing",
    "pentest.missing",
    "iso.unaccredited",
    "site.remote_controls_missing",
    "legal.dpa.not_signed",
    "legal.transfer.sccs_without_tia",
  ],
  "Mekong Back Office": [
    "site.none_recorded",
    "kpi.none_recorded",
    "iso.missing",
    "pentest.missing",
    "incident_response.missing",
    "control.unknown",
    "legal.clause.missing",
    "legal.dpa.not_signed",
  ],
};

// ---------------------------------------------------------------- evidence text

/** What demoEvidenceText needs; a full EvidenceDocument fits. */
export type DemoEvidenceSource = Pick<EvidenceDocument, "kind" | "title" | "fileName" | "effectiveDate" | "uploadedBy">;

export const DEMO_EVIDENCE_MIME_TYPE = "text/plain; charset=utf-8";

const EVIDENCE_BODIES: Record<EvidenceKind, string[]> = {
  soc2_report: [
    "Section 1 - Independent service auditor's report on a description of the service organisation's system and the suitability of the design (and, for a Type II report, the operating effectiveness) of controls relevant to security, availability and confidentiality.",
    "Section 2 - Management's assertion.",
    "Section 3 - Description of the system: customer support operations (email, chat, phone and back office), agent workstations, identity verification procedures, ticketing and CRM platforms, and the supporting infrastructure.",
    "Section 4 - Trust services criteria, related controls, tests of controls and results of tests.",
    "Section 5 - Other information provided by management.",
  ],
  iso_certificate: [
    "This is to certify that the information security management system of the organisation named above has been assessed and found to conform to the requirements of ISO/IEC 27001.",
    "The certificate is valid for the scope stated, subject to satisfactory surveillance audits, and in accordance with the Statement of Applicability current at the date of issue.",
  ],
  pentest_report: [
    "Executive summary: an authenticated and unauthenticated penetration test (VAPT) of the systems in scope, following OWASP WSTG and PTES methodology.",
    "Findings are rated Critical, High, Medium, Low and Informational (CVSS v3.1). Remediation status is recorded per finding at the date of this report.",
    "Appendices: scope and rules of engagement, tooling, evidence of exploitation, retest results.",
  ],
  security_policy: [
    "1. Purpose and scope. 2. Roles and responsibilities. 3. Acceptable use. 4. Access control and least privilege. 5. Identity verification of customers. 6. Endpoint, physical and remote-work security. 7. Incident reporting. 8. Training and awareness. 9. Exceptions and enforcement.",
    "Approved by the board and reviewed at least annually.",
  ],
  incident_response_plan: [
    "1. Detection and triage. 2. Severity classification. 3. Containment, eradication and recovery. 4. Client notification within the contractual window of detection. 5. Regulatory notification support. 6. Post-incident review.",
    "Annex: contact tree, client notification template, record of tabletop exercises.",
  ],
  bcp: [
    "Business impact analysis, recovery time and recovery point objectives per service, alternate-site and work-from-home arrangements, and the record of the latest continuity test.",
  ],
  insurance_certificate: [
    "Certificate of insurance: cyber liability and technology errors and omissions. Coverage includes network security and privacy liability, breach response costs, regulatory defence and penalties where insurable, and business interruption.",
    "This certificate is issued as a matter of information only and confers no rights upon the certificate holder other than those provided in the policy.",
  ],
  contract: ["Contract document."],
  other: ["Supporting evidence for a control assessment."],
};

/**
 * The text body of a demo evidence file. The seed stores it as a .txt file;
 * each document's sha256 and sizeBytes are computed from this exact text
 * (UTF-8), so a stored demo file verifies against its metadata.
 */
export function demoEvidenceText(doc: DemoEvidenceSource): string {
  const lines = [
    "ASSAY DEMO EVIDENCE - fictional document generated for the Assay demo; not a real report or certificate.",
    "",
    doc.title ?? EVIDENCE_KIND_LABELS[doc.kind],
    "=".repeat(Math.min(80, (doc.title ?? EVIDENCE_KIND_LABELS[doc.kind]).length)),
    "",
    `Document type: ${EVIDENCE_KIND_LABELS[doc.kind]}`,
    `Effective date: ${doc.effectiveDate}`,
    `File: ${doc.fileName}`,
    `Uploaded to Assay by: ${doc.uploadedBy}`,
    "",
    ...EVIDENCE_BODIES[doc.kind].flatMap((p) => [p, ""]),
    "-- end of demo document --",
    "",
  ];
  return lines.join("\n");
}

function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

// ---------------------------------------------------------------- building

class DossierAssembler {
  readonly documents: EvidenceDocument[] = [];
  private readonly fileNames = new Set<string>();

  constructor(
    private readonly now: Date,
    private readonly spec: VendorSpec,
  ) {}

  /** Adds a document and returns its id. `uploader` defaults by kind. */
  document(kind: EvidenceKind, title: string, fileStem: string, effectiveDate: string, uploader?: string): string {
    const id = `doc-${this.documents.length + 1}`;
    let fileName = `${this.spec.slug}-${fileStem}.txt`;
    for (let n = 2; this.fileNames.has(fileName); n += 1) fileName = `${this.spec.slug}-${fileStem}-${n}.txt`;
    this.fileNames.add(fileName);
    const uploadedBy = uploader ?? (kind === "insurance_certificate" ? PROCUREMENT : SECURITY);
    const uploadDay = earlier(addDays(effectiveDate, 6), daysFromNow(this.now, -1));
    const base = {
      id,
      kind,
      title,
      fileName,
      mimeType: DEMO_EVIDENCE_MIME_TYPE,
      uploadedAt: uploadInstant(this.now, uploadDay, 9 + (this.documents.length % 7)),
      uploadedBy,
      effectiveDate,
    };
    const text = demoEvidenceText(base);
    this.documents.push({ ...base, sha256: sha256Hex(text), sizeBytes: Buffer.byteLength(text, "utf8") });
    return id;
  }
}

function buildDossier(spec: VendorSpec, now: Date): Dossier {
  const a = new DossierAssembler(now, spec);
  const today = daysFromNow(now, 0);

  const sites: DeliverySite[] = spec.sites.map((s) => {
    const base = { id: `site-${s.key}`, country: s.country ?? spec.country, city: s.city, headcount: s.headcount };
    if (s.mode === "remote") {
      return { ...base, mode: "remote", edr: s.edr ?? true, vpn: s.vpn ?? true, mfa: s.mfa ?? true, vdi: s.vdi ?? true };
    }
    return { ...base, mode: "onsite" };
  });

  const soc2Reports: Soc2Report[] = spec.soc2.map((r, i) => {
    const type = r.type ?? "type2";
    const periodEnd = monthEndAgo(now, r.periodEndMonthsAgo);
    const periodStart = type === "type1" ? periodEnd : monthStartAgo(now, r.periodEndMonthsAgo + (r.periodMonths ?? 12) - 1);
    const issueDate = earlier(addDays(periodEnd, 45), daysFromNow(now, -5));
    const typeLabel = type === "type1" ? "Type I" : "Type II";
    const when = type === "type1" ? `as of ${readable(periodEnd)}` : `${readable(periodStart)} to ${readable(periodEnd)}`;
    const evidenceId = a.document(
      "soc2_report",
      `${spec.legalName} - SOC 2 ${typeLabel} report, ${when} (${r.auditor})`,
      `soc2-${type === "type1" ? "type1" : "type2"}-${periodEnd.slice(0, 4)}`,
      issueDate,
    );
    return {
      id: `soc2-${i + 1}`,
      type,
      periodStart,
      periodEnd,
      issueDate,
      auditor: r.auditor,
      opinion: r.opinion ?? "unqualified",
      exceptionCount: r.exceptions ?? 0,
      carvedOutSubservices: r.carvedOut ?? [],
      bridgeLetterDate: r.bridgeLetterDaysAgo === undefined ? undefined : daysFromNow(now, -r.bridgeLetterDaysAgo),
      evidenceId,
    };
  });

  const allSiteIds = sites.map((s) => s.id);
  const isoCertificates: IsoCertificate[] = spec.iso.map((c, i) => {
    const expiryDate = daysFromNow(now, c.expiresInDays);
    const issueDate = addYears(expiryDate, -3);
    const version = c.version ?? "2022";
    const evidenceId = a.document(
      "iso_certificate",
      `${spec.legalName} - ISO/IEC 27001:${version} certificate ${c.number}, valid until ${readable(expiryDate)} (${c.body})`,
      `iso27001-certificate-${issueDate.slice(0, 4)}`,
      issueDate,
    );
    return {
      id: `iso-${i + 1}`,
      certificateNumber: c.number,
      certificationBody: c.body,
      accredited: c.accredited ?? true,
      standardVersion: version,
      issueDate,
      expiryDate,
      scopeText: c.scope,
      coveredSiteIds: c.covers ? c.covers.map((k) => `site-${k}`) : allSiteIds,
      evidenceId,
    };
  });

  const pentests: Pentest[] = spec.pentests.map((p, i) => {
    const performedOn = monthsAgo(now, p.monthsAgo);
    const reportDay = earlier(addDays(performedOn, 14), daysFromNow(now, -2));
    const evidenceId = a.document(
      "pentest_report",
      `${spec.legalName} - penetration test (VAPT) report, ${readable(performedOn)} (${p.provider})`,
      `vapt-report-${performedOn.slice(0, 7)}`,
      reportDay,
    );
    return { id: `pentest-${i + 1}`, performedOn, provider: p.provider, scope: p.scope, openCriticalHigh: p.openCriticalHigh ?? 0, evidenceId };
  });

  const securityPolicies = spec.policy
    ? [
        (() => {
          const approvedOn = monthsAgo(now, spec.policy.approvedMonthsAgo);
          const evidenceId = a.document(
            "security_policy",
            `${spec.legalName} - ${spec.policy.title}, approved ${readable(approvedOn)}`,
            "information-security-policy",
            approvedOn,
          );
          return { id: "policy-1", title: spec.policy.title, approvedOn, evidenceId };
        })(),
      ]
    : [];

  const incidentResponsePlans = spec.irp
    ? [
        (() => {
          const lastTestedOn = spec.irp.testedMonthsAgo === undefined ? undefined : monthsAgo(now, spec.irp.testedMonthsAgo);
          const effective = lastTestedOn ?? monthsAgo(now, 6);
          const evidenceId = a.document(
            "incident_response_plan",
            `${spec.legalName} - Incident response plan${lastTestedOn ? `, last tabletop exercise ${readable(lastTestedOn)}` : " (not yet exercised)"}`,
            "incident-response-plan",
            effective,
          );
          return { id: "irp-1", lastTestedOn, evidenceId };
        })(),
      ]
    : [];

  const continuityPlans = spec.bcp
    ? [
        (() => {
          const lastTestedOn = spec.bcp.testedMonthsAgo === undefined ? undefined : monthsAgo(now, spec.bcp.testedMonthsAgo);
          const evidenceId = a.document(
            "bcp",
            `${spec.legalName} - Business continuity plan${lastTestedOn ? `, tested ${readable(lastTestedOn)}` : ""}`,
            "business-continuity-plan",
            lastTestedOn ?? monthsAgo(now, 6),
          );
          return { id: "bcp-1", lastTestedOn, evidenceId };
        })(),
      ]
    : [];

  const insurancePolicies: InsurancePolicy[] = spec.insurance.map((p, i) => {
    const expiryDate = daysFromNow(now, p.expiresInDays);
    const inception = addYears(expiryDate, -1);
    const currency = p.currency ?? "USD";
    const policyNumber = `${p.policyPrefix}-${inception.slice(0, 4)}-${p.policySerial}`;
    const evidenceId = a.document(
      "insurance_certificate",
      `${spec.legalName} - cyber liability certificate, ${p.carrier} policy ${policyNumber}, ${currency} ${p.perOccurrence.toLocaleString("en-US")} per occurrence, ${readable(inception)} to ${readable(expiryDate)}`,
      `cyber-insurance-certificate-${inception.slice(0, 4)}`,
      inception,
      PROCUREMENT,
    );
    return {
      id: `insurance-${i + 1}`,
      carrier: p.carrier,
      policyNumber,
      perOccurrenceMinor: p.perOccurrence * 100,
      aggregateMinor: p.aggregate * 100,
      currency,
      expiryDate,
      additionalInsured: p.additionalInsured ?? true,
      evidenceId,
    };
  });

  for (const code of [...Object.keys(spec.controls ?? {}), ...(spec.unassessed ?? [])]) {
    if (!CATALOGUE_CODES.has(code)) throw new Error(`Demo vendor ${spec.name}: unknown control ${code}`);
  }
  const unassessed = new Set(spec.unassessed ?? []);
  const controls: ControlAssessment[] = CATALOGUE.filter((c) => !unassessed.has(c.code)).map((c) => {
    const raw = spec.controls?.[c.code] ?? "in_place";
    const control = typeof raw === "string" ? { status: raw } : raw;
    const evidenceId =
      "evidence" in control && control.evidence
        ? a.document("other", `${spec.legalName} - ${control.evidence}`, `evidence-${c.code.replace(/[._]/g, "-")}`, monthsAgo(now, 2))
        : undefined;
    return { id: `control-${c.code}`, code: c.code, status: control.status, note: "note" in control ? control.note : undefined, evidenceId };
  });

  const kpis: KpiPeriod[] = spec.kpis.map((k) => {
    const period = quarterAgo(now, k.quartersAgo);
    const value = (key: KpiKey, fallback: number): number | undefined => {
      const v = k[key];
      return v === null ? undefined : (v ?? fallback);
    };
    return {
      id: `kpi-${period.toLowerCase()}`,
      period,
      phishingFailurePct: value("phishingFailurePct", 3.2),
      escalationRatePct: value("escalationRatePct", 91),
      verificationBypassCount: value("verificationBypassCount", 0),
      meanTimeToEscalateMinutes: value("meanTimeToEscalateMinutes", 6),
      trainingCompletionPct: value("trainingCompletionPct", 98),
      privilegeReviewAgeDays: value("privilegeReviewAgeDays", 58),
    };
  });

  const incidents: Incident[] = (spec.incidents ?? []).map((inc, i) => {
    const detectedMs = Date.parse(hoursAgo(now, inc.detectedHoursAgo));
    return {
      id: `incident-${i + 1}`,
      detectedAt: instant(detectedMs),
      notifiedAt: inc.notifiedAfterHours === undefined ? undefined : instant(detectedMs + inc.notifiedAfterHours * 3_600_000),
      severity: inc.severity,
      summary: inc.summary,
      personalDataInvolved: inc.personalData,
    };
  });

  // Signed contracts are filed by procurement, which collects the countersigned copies.
  const legal = demoLegal({
    slug: spec.slug,
    legalName: spec.legalName,
    dataCategories: spec.dataCategories,
    industries: spec.industries,
    sites,
    dates: { monthsAgo: (m) => monthsAgo(now, m), daysFromNow: (d) => daysFromNow(now, d), addDays, today },
    addDocument: (title, fileStem, effectiveDate) => a.document("contract", title, fileStem, effectiveDate, PROCUREMENT),
  });

  const securityReviews: SecurityReview[] = (spec.reviews ?? []).map((r, i) => ({
    id: `review-${i + 1}`,
    heldOn: earlier(monthsAgo(now, r.monthsAgo, r.extraDays ?? 0), today),
    attendees: r.attendees,
    notes: r.notes,
    followUps: r.followUps ?? [],
  }));

  return {
    formatVersion: DOSSIER_FORMAT_VERSION,
    profile: {
      id: `vendor-${spec.slug}`,
      name: spec.name,
      legalName: spec.legalName,
      website: spec.website,
      country: spec.country,
      services: spec.services,
      industries: spec.industries,
      dataCategories: spec.dataCategories,
      accessLevel: spec.accessLevel,
      status: spec.status,
      ownerEmail: spec.owner === "procurement" ? PROCUREMENT : SECURITY,
    },
    sites,
    documents: a.documents,
    soc2Reports,
    isoCertificates,
    pentests,
    securityPolicies,
    incidentResponsePlans,
    continuityPlans,
    insurancePolicies,
    controlCatalogue: CATALOGUE,
    controls,
    kpis,
    incidents,
    securityReviews,
    legal,
  };
}

/**
 * The demo dossiers, every date relative to `now` (pass the real current time
 * when seeding). Pure apart from hashing: same `now`, same output.
 */
export function demoDossiers(now: Date): Dossier[] {
  if (Number.isNaN(now.getTime())) throw new RangeError("demoDossiers needs a valid date");
  return VENDORS.map((spec) => buildDossier(spec, now));
}
