import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 13. Moderate, genuinely good.
export const tagus: VendorSpec = {
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
  expectedFindings: [],
};
