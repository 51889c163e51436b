import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 20. Moderate: SOC 2 due for renewal, insurance about to expire.
export const bajio: VendorSpec = {
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
  expectedFindings: ["soc2.due", "insurance.expiring"],
};
