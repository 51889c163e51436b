import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 8. High: qualified SOC 2 opinion with exceptions, a late incident notice, falling escalation rate.
export const danubia: VendorSpec = {
  slug: "danubia",
  name: "Danubia Service Hub",
  legalName: "Danubia Service Hub S.R.L.",
  website: "https://danubia-hub.example",
  country: "RO",
  services: ["email", "back_office"],
  industries: ["fintech", "saas"],
  dataCategories: ["contact_pii", "eu_personal"],
  accessLevel: "read_only",
  status: "active",
  owner: "security",
  sites: [
    { key: "bucharest", city: "Bucharest", headcount: 220 },
    { key: "iasi", city: "Iași", headcount: 90 },
  ],
  soc2: [
    {
      periodEndMonthsAgo: 2,
      auditor: AUDITORS.verity,
      opinion: "qualified",
      exceptions: 3,
      carvedOut: ["Cloudreach Hosting (fictional IaaS provider)"],
    },
  ],
  iso: [
    {
      number: "IS 790114",
      body: CERT_BODIES.meridian,
      expiresInDays: 350,
      scope: "Back-office and email support for financial technology and software clients at the Bucharest and Iași centres.",
    },
  ],
  pentests: [{ monthsAgo: 5, provider: PENTESTERS.ironbark, scope: "Email gateway, back-office workflow tool, VPN" }],
  policy: { title: "Information Security Policy v6", approvedMonthsAgo: 5 },
  irp: { testedMonthsAgo: 4 },
  bcp: { testedMonthsAgo: 4 },
  insurance: [
    { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "77-1290", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 210 },
  ],
  kpis: [
    { quartersAgo: 2, phishingFailurePct: 3.5, escalationRatePct: 81, verificationBypassCount: 0, meanTimeToEscalateMinutes: 7, trainingCompletionPct: 98, privilegeReviewAgeDays: 50 },
    { quartersAgo: 1, phishingFailurePct: 3.9, escalationRatePct: 74, verificationBypassCount: 0, meanTimeToEscalateMinutes: 8, trainingCompletionPct: 97, privilegeReviewAgeDays: 55 },
  ],
  incidents: [
    {
      detectedHoursAgo: 24 * 50,
      notifiedAfterHours: 41,
      severity: "high",
      summary: "A mis-routed batch of 212 account statements was emailed to the wrong client contact; recalled and the recipient confirmed deletion.",
      personalData: true,
    },
  ],
  reviews: recentReviews("Andrei Popescu (CISO, Danubia)", "Late notification discussed; Danubia to add our contact to its incident runbook."),
  expectedFindings: ["soc2.opinion", "soc2.exceptions", "incident.notified_late", "kpi.escalation_rate_falling", "legal.clause.deviating"],
};
