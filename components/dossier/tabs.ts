import type { RecordKindKey } from "@/lib/schemas/dossier-record-kinds";

// The vendor page's sections, and where each record kind and each finding's
// subject lives among them, so a finding can link straight to its record.
// Pure data: shared by server pages and the client tab bar.

export const DOSSIER_TABS = [
  { segment: "", label: "Overview" },
  { segment: "sites", label: "Sites" },
  { segment: "assurance", label: "Assurance" },
  { segment: "insurance", label: "Insurance" },
  { segment: "controls", label: "Controls" },
  { segment: "kpis", label: "KPIs & incidents" },
  { segment: "reviews", label: "Reviews" },
  { segment: "legal", label: "Legal" },
  { segment: "evidence", label: "Evidence" },
  { segment: "assessments", label: "Assessments" },
] as const;
export type DossierTab = (typeof DOSSIER_TABS)[number]["segment"];

export const TAB_OF_RECORD_KIND: Record<RecordKindKey, DossierTab> = {
  site: "sites",
  soc2: "assurance",
  iso: "assurance",
  pentest: "assurance",
  security_policy: "assurance",
  ir_plan: "assurance",
  bcp: "assurance",
  insurance: "insurance",
  control: "controls",
  kpi: "kpis",
  incident: "kpis",
  review: "reviews",
};

/** Finding.subject.kind (lib/domain/findings/finding.ts) → the tab showing that record. */
const TAB_OF_FINDING_SUBJECT: Record<string, DossierTab> = {
  delivery_site: "sites",
  soc2_report: "assurance",
  iso_certificate: "assurance",
  pentest: "assurance",
  security_policy: "assurance",
  incident_response_plan: "assurance",
  continuity_plan: "assurance",
  insurance_policy: "insurance",
  control: "controls",
  kpi_period: "kpis",
  incident: "kpis",
  security_review: "reviews",
  remediation: "assessments",
  // The legal family (lib/domain/legal): rows on the Legal tab are anchored by record id, clause code or country.
  clause: "legal",
  contract: "legal",
  dpa: "legal",
  transfer: "legal",
  sub_processor: "legal",
};

/** The section inside a tab that lists a finding's kind of record (for findings with no record yet). */
const SECTION_OF_FINDING_SUBJECT: Record<string, string> = {
  dpa: "dpa",
  soc2_report: "soc2",
  iso_certificate: "iso",
  pentest: "pentest",
  security_policy: "security_policy",
  incident_response_plan: "ir_plan",
  continuity_plan: "bcp",
  kpi_period: "kpi",
  incident: "incident",
};

export function tabHref(vendorId: string, tab: DossierTab): string {
  return tab === "" ? `/vendors/${vendorId}` : `/vendors/${vendorId}/${tab}`;
}

export function tabLabel(tab: DossierTab): string {
  return DOSSIER_TABS.find((t) => t.segment === tab)?.label ?? "Overview";
}

/** The DOM id of a record's row, the target of `#record-<id>` links. */
export function recordAnchor(id: string): string {
  return `record-${id}`;
}

/** The DOM id of a record kind's section on its tab. */
export function sectionAnchor(kind: string): string {
  return `section-${kind}`;
}

/** Where a finding points: its record's row, or the list it is missing from. Null for subjects without a tab. */
export function findingHref(vendorId: string, subject: { kind: string; id?: string }): { href: string; tab: DossierTab } | null {
  const tab = TAB_OF_FINDING_SUBJECT[subject.kind];
  if (tab === undefined) return null;
  const section = SECTION_OF_FINDING_SUBJECT[subject.kind];
  const hash = subject.id ? `#${recordAnchor(subject.id)}` : section ? `#${sectionAnchor(section)}` : "";
  return { href: `${tabHref(vendorId, tab)}${hash}`, tab };
}

export function newRecordHref(vendorId: string, kind: RecordKindKey, query?: Record<string, string>): string {
  const qs = query ? `?${new URLSearchParams(query)}` : "";
  return `/vendors/${vendorId}/records/${kind}/new${qs}`;
}

export function editRecordHref(vendorId: string, kind: RecordKindKey, id: string): string {
  return `/vendors/${vendorId}/records/${kind}/${id}`;
}

/** "SOC 2 report" stays, "Delivery site" → "delivery site": a kind's label inside a sentence. */
export function inSentence(label: string): string {
  return label.replace(/^[A-Z](?![A-Z0-9/])/, (c) => c.toLowerCase());
}
