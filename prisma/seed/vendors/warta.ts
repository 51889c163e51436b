import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 22. Critical: remote site without VPN, SOC 2 due, falling escalation rate.
export const warta: VendorSpec = {
  slug: "warta",
  name: "Warta Digital Services",
  legalName: "Warta Digital Services S.A.",
  website: "https://warta-digital.example",
  country: "PL",
  services: ["chat", "email", "phone"],
  industries: ["fintech"],
  dataCategories: ["contact_pii", "payment_card", "eu_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "security",
  sites: [
    { key: "poznan", city: "Poznań", headcount: 230 },
    { key: "wroclaw", city: "Wrocław", mode: "remote", headcount: 55, vpn: false },
  ],
  soc2: [{ periodEndMonthsAgo: 13, auditor: AUDITORS.halberd, bridgeLetterDaysAgo: 45 }],
  iso: [
    {
      number: "IS 792006",
      body: CERT_BODIES.meridian,
      expiresInDays: 660,
      scope: "Card-holder support and payment operations for fintech clients, Poznań and Wrocław remote agents.",
    },
  ],
  pentests: [{ monthsAgo: 6, provider: PENTESTERS.redline, scope: "Card-servicing console, VDI, external perimeter" }],
  policy: { title: "Information Security Policy v4.4", approvedMonthsAgo: 7 },
  irp: { testedMonthsAgo: 6 },
  bcp: { testedMonthsAgo: 6 },
  insurance: [
    { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "68803", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 290 },
  ],
  controls: {
    "access.periodic_access_reviews": { status: "partial", note: "Quarterly reviews cover the card console but not the ticketing tool." },
  },
  kpis: [
    { quartersAgo: 2, phishingFailurePct: 3.1, escalationRatePct: 90, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 60 },
    { quartersAgo: 1, phishingFailurePct: 3.4, escalationRatePct: 84, verificationBypassCount: 0, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 98, privilegeReviewAgeDays: 62 },
  ],
  reviews: recentReviews("Katarzyna Nowak (CISO, Warta)", "Wrocław remote agents connect through a zero-trust broker; VPN requirement discussed."),
  expectedFindings: ["site.remote_controls_missing", "soc2.due", "kpi.escalation_rate_falling", "control.partial"],
};
