import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 3. Moderate, good: only the insurance is stated in EUR.
export const vistula: VendorSpec = {
  slug: "vistula",
  name: "Vistula Support Centre",
  legalName: "Vistula Support Centre Sp. z o.o.",
  website: "https://vistula-support.example",
  country: "PL",
  services: ["phone", "email"],
  industries: ["saas"],
  dataCategories: ["contact_pii", "eu_personal"],
  accessLevel: "trigger_resets",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "krakow", city: "Kraków", headcount: 140 },
    { key: "gdansk", city: "Gdańsk", headcount: 60 },
  ],
  soc2: [{ periodEndMonthsAgo: 8, auditor: AUDITORS.verity, bridgeLetterDaysAgo: 25 }],
  iso: [
    {
      number: "PL-ISMS-22-0917",
      body: CERT_BODIES.certitude,
      expiresInDays: 480,
      scope: "Multilingual technical support for software clients from the Kraków and Gdańsk offices.",
    },
  ],
  pentests: [{ monthsAgo: 7, provider: PENTESTERS.ironbark, scope: "Support portal, telephony gateway, Microsoft 365 tenant" }],
  policy: { title: "Polityka Bezpieczeństwa Informacji / Information Security Policy v5", approvedMonthsAgo: 6 },
  irp: { testedMonthsAgo: 7 },
  bcp: { testedMonthsAgo: 7 },
  insurance: [
    { carrier: CARRIERS.amberline, policyPrefix: "AMB-CYB", policySerial: "220931", perOccurrence: 3_000_000, aggregate: 6_000_000, currency: "EUR", expiresInDays: 200 },
  ],
  kpis: [
    { quartersAgo: 3, phishingFailurePct: 2.9, escalationRatePct: 91, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 100, privilegeReviewAgeDays: 30 },
    ...healthyKpis({ phishingFailurePct: 2.4, escalationRatePct: 93, trainingCompletionPct: 100, privilegeReviewAgeDays: 35 }),
  ],
  expectedFindings: ["insurance.currency_mismatch"],
};
