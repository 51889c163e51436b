import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 21. Moderate, genuinely good.
export const carpathia: VendorSpec = {
  slug: "carpathia",
  name: "Carpathia Customer Care",
  legalName: "Carpathia Customer Care S.R.L.",
  website: "https://carpathia-care.example",
  country: "RO",
  services: ["chat", "email"],
  industries: ["gaming", "saas"],
  dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
  accessLevel: "trigger_resets",
  status: "active",
  owner: "security",
  sites: [
    { key: "cluj", city: "Cluj-Napoca", headcount: 190 },
    { key: "brasov", city: "Brașov", mode: "remote", headcount: 40 },
  ],
  soc2: [{ periodEndMonthsAgo: 9, auditor: AUDITORS.verity, bridgeLetterDaysAgo: 15 }],
  iso: [
    {
      number: "NC-27001-4478",
      body: CERT_BODIES.nordcert,
      expiresInDays: 840,
      scope: "Chat and email support including account recovery for gaming and software clients, Cluj-Napoca and Brașov remote agents.",
    },
  ],
  pentests: [{ monthsAgo: 3, provider: PENTESTERS.ironbark, scope: "Account-recovery tooling, chat, VDI, VPN" }],
  policy: { title: "Information Security Policy v7", approvedMonthsAgo: 2 },
  irp: { testedMonthsAgo: 4 },
  bcp: { testedMonthsAgo: 4 },
  insurance: [
    { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "84-2215", perOccurrence: 3_000_000, aggregate: 6_000_000, expiresInDays: 300 },
  ],
  kpis: [
    { quartersAgo: 3, phishingFailurePct: 3.3, escalationRatePct: 87, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 40 },
    ...healthyKpis({ phishingFailurePct: 2.6, escalationRatePct: 92, meanTimeToEscalateMinutes: 5, trainingCompletionPct: 100, privilegeReviewAgeDays: 38 }),
  ],
  expectedFindings: [],
};
