import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 26. Moderate, good: one partial control.
export const davaoSs: VendorSpec = {
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
  expectedFindings: ["control.partial"],
};
