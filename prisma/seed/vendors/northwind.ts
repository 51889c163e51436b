import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 1. Critical, mostly sound: a bridge-letter gap, phishing in the watch band, one partial control.
export const northwind: VendorSpec = {
  slug: "northwind",
  name: "Northwind Contact Solutions",
  legalName: "Northwind Contact Solutions Inc.",
  website: "https://northwind-contact.example",
  country: "PH",
  services: ["email", "chat", "phone"],
  industries: ["fintech"],
  dataCategories: ["contact_pii", "credentials_reset", "payment_card", "california_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "makati", city: "Makati", headcount: 420 },
    { key: "iloilo", city: "Iloilo City", headcount: 180 },
  ],
  soc2: [
    { periodEndMonthsAgo: 17, auditor: AUDITORS.halberd },
    { periodEndMonthsAgo: 5, auditor: AUDITORS.halberd },
  ],
  iso: [
    {
      number: "MCL-27K-10482",
      body: CERT_BODIES.meridian,
      expiresInDays: 610,
      scope: "Provision of omnichannel customer support and payment-dispute handling for financial services clients from Makati and Iloilo City.",
    },
  ],
  pentests: [{ monthsAgo: 4, provider: PENTESTERS.redline, scope: "Agent VDI pool, ticketing integration, VPN concentrators, external perimeter" }],
  policy: { title: "Information Security Policy v7.2", approvedMonthsAgo: 8 },
  irp: { testedMonthsAgo: 3 },
  bcp: { testedMonthsAgo: 6 },
  insurance: [
    { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "004417", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 240 },
  ],
  controls: {
    "physical.no_phones_on_floor": {
      status: "partial",
      note: "Phones go into lockers at the floor entrance; a spot check in Iloilo found three phones at desks.",
    },
    "email.dmarc_reject": { status: "in_place", evidence: "DMARC DNS record (p=reject) for northwind-contact.example" },
  },
  kpis: [
    { quartersAgo: 3, phishingFailurePct: 4.1, escalationRatePct: 86, verificationBypassCount: 0, meanTimeToEscalateMinutes: 8, trainingCompletionPct: 99, privilegeReviewAgeDays: 40 },
    ...healthyKpis({ phishingFailurePct: 7 }),
  ],
  incidents: [
    {
      detectedHoursAgo: 24 * 130,
      notifiedAfterHours: 6.5,
      severity: "medium",
      summary: "An agent entered credentials on a look-alike ticketing login page; the session was revoked and the password reset within 40 minutes.",
      personalData: false,
    },
  ],
  reviews: recentReviews("Marisol Reyes (CISO, Northwind)", "Phishing rate up to 7%: targeted refresher for the Iloilo night shift agreed."),
  expectedFindings: ["soc2.bridge_letter_gap", "kpi.phishing_failure_watch", "control.partial"],
};
