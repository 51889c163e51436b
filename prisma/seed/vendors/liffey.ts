import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 14. Critical, good: only the ISO certificate is close to expiry.
export const liffey: VendorSpec = {
  slug: "liffey",
  name: "Liffey Support Partners",
  legalName: "Liffey Support Partners Limited",
  website: "https://liffey-support.example",
  country: "IE",
  services: ["phone", "email", "chat"],
  industries: ["fintech"],
  dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "security",
  sites: [
    { key: "dublin", city: "Dublin", headcount: 260 },
    { key: "cork", city: "Cork", headcount: 90 },
  ],
  soc2: [{ periodEndMonthsAgo: 7, auditor: AUDITORS.halberd, bridgeLetterDaysAgo: 20 }],
  iso: [
    {
      number: "IS 655018",
      body: CERT_BODIES.meridian,
      expiresInDays: 45,
      scope: "Customer support and account servicing for regulated financial services clients, Dublin and Cork.",
    },
  ],
  pentests: [{ monthsAgo: 5, provider: PENTESTERS.redline, scope: "Account-servicing console, telephony, VDI, external perimeter" }],
  policy: { title: "Information Security Policy v11", approvedMonthsAgo: 4 },
  irp: { testedMonthsAgo: 3 },
  bcp: { testedMonthsAgo: 4 },
  insurance: [
    { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "81-0036", perOccurrence: 15_000_000, aggregate: 30_000_000, expiresInDays: 230 },
  ],
  kpis: healthyKpis({ phishingFailurePct: 2.1, escalationRatePct: 94, meanTimeToEscalateMinutes: 3, trainingCompletionPct: 100, privilegeReviewAgeDays: 21 }),
  incidents: [
    {
      detectedHoursAgo: 24 * 95,
      notifiedAfterHours: 11,
      severity: "medium",
      summary: "Vishing attempt against the Cork billing queue escalated by the agent; no change made, caller's number blocked.",
      personalData: false,
    },
  ],
  reviews: recentReviews("Ciarán Doyle (CISO, Liffey Support Partners)", "ISO recertification audit booked; certificate expected before expiry."),
  expectedFindings: ["iso.expiring"],
};
