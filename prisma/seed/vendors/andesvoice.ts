import { CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 7. Low tier, B2B dealer line with no personal data: no SOC 2, stale pen test.
export const andesvoice: VendorSpec = {
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
  expectedFindings: ["soc2.missing", "pentest.stale"],
};
