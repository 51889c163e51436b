import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 24. Critical: insurance expiring, KPI not reported, pen test stale.
export const highveld: VendorSpec = {
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
  expectedFindings: ["insurance.expiring", "kpi.not_reported", "pentest.stale", "legal.clause.deviating"],
};
