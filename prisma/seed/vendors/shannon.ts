import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 27. Low, genuinely good.
export const shannon: VendorSpec = {
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
  expectedFindings: [],
};
