import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 15. High: SOC 2 due for renewal, unaccredited ISO body, stale pen test.
export const riftvalley: VendorSpec = {
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
  expectedFindings: ["soc2.due", "iso.unaccredited", "pentest.stale", "kpi.not_reported", "control.partial", "legal.contract.in_notice_window"],
};
