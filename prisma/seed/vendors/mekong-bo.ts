import { AUDITORS, CARRIERS, type VendorSpec } from "../demo-vendor-spec";

// 29. Moderate prospect at intake: no sites, no KPIs, several documents outstanding.
export const mekongBo: VendorSpec = {
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
  expectedFindings: [
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
