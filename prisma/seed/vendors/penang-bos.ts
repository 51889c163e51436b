import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 12. High (healthcare scheduling back office), genuinely good: no findings.
export const penangBos: VendorSpec = {
  slug: "penang-bos",
  name: "Penang Back Office Services",
  legalName: "Penang Back Office Services Sdn. Bhd.",
  website: "https://penang-bos.example",
  country: "MY",
  services: ["back_office"],
  industries: ["healthcare", "saas"],
  dataCategories: ["contact_pii"],
  accessLevel: "read_only",
  status: "active",
  owner: "security",
  sites: [
    { key: "george-town", city: "George Town", headcount: 130 },
    { key: "bayan-lepas", city: "Bayan Lepas", headcount: 85 },
  ],
  soc2: [
    { periodEndMonthsAgo: 14, auditor: AUDITORS.oakridge },
    { periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge },
  ],
  iso: [
    {
      number: "IS 802331",
      body: CERT_BODIES.meridian,
      expiresInDays: 800,
      scope: "Appointment scheduling and back-office administration services for healthcare software clients, George Town and Bayan Lepas.",
    },
  ],
  pentests: [{ monthsAgo: 2, provider: PENTESTERS.sentinel, scope: "Back-office workflow platform, VDI, perimeter" }],
  policy: { title: "Information Security Policy v9.0", approvedMonthsAgo: 3 },
  irp: { testedMonthsAgo: 2 },
  bcp: { testedMonthsAgo: 3 },
  insurance: [
    { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "005106", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 260 },
  ],
  kpis: [
    { quartersAgo: 3, phishingFailurePct: 2.2, escalationRatePct: 92, verificationBypassCount: 0, meanTimeToEscalateMinutes: 4, trainingCompletionPct: 100, privilegeReviewAgeDays: 28 },
    ...healthyKpis({ phishingFailurePct: 1.9, escalationRatePct: 95, meanTimeToEscalateMinutes: 4, trainingCompletionPct: 100, privilegeReviewAgeDays: 31 }),
  ],
  incidents: [
    {
      detectedHoursAgo: 24 * 200,
      notifiedAfterHours: 3,
      severity: "low",
      summary: "Lost access badge reported by an agent; badge disabled within 15 minutes, no access recorded.",
      personalData: false,
    },
  ],
  reviews: recentReviews("Tan Mei Ling (Information Security Officer, Penang BOS)", "No open items."),
  expectedFindings: [],
};
