import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 9. High prospect (admin access to a government case system): expired ISO, open pen-test findings, lapsed insurance.
export const capeharbour: VendorSpec = {
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
  expectedFindings: [
    "iso.expired",
    "pentest.open_critical_high",
    "insurance.expired",
    "security_policy.missing",
    "review.none_held",
    "kpi.privilege_review_overdue",
    "legal.clause.missing",
    "legal.dpa.not_signed",
  ],
};
