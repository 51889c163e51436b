import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, type VendorSpec } from "../demo-vendor-spec";

// 10. Moderate, offboarded: everything went stale after the relationship ended.
export const kyivremote: VendorSpec = {
  slug: "kyivremote",
  name: "Kyiv Remote Support",
  legalName: "Kyiv Remote Support LLC",
  website: "https://kyivremote.example",
  country: "UA",
  services: ["chat", "email"],
  industries: ["saas", "gaming"],
  dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
  accessLevel: "trigger_resets",
  status: "offboarded",
  owner: "procurement",
  sites: [
    { key: "kyiv", city: "Kyiv", mode: "remote", headcount: 45 },
    { key: "lviv", city: "Lviv", headcount: 30 },
  ],
  soc2: [{ periodEndMonthsAgo: 20, auditor: AUDITORS.pemberton }],
  iso: [
    {
      number: "NC-27001-1902",
      body: CERT_BODIES.nordcert,
      version: "2013",
      expiresInDays: 240,
      scope: "Remote chat and email support for software and gaming clients, Kyiv (remote) and Lviv office.",
    },
  ],
  pentests: [{ monthsAgo: 18, provider: PENTESTERS.cobalt, scope: "Remote access VPN, chat platform integration" }],
  policy: { title: "Information Security Policy v3", approvedMonthsAgo: 22 },
  irp: { testedMonthsAgo: 20 },
  bcp: { testedMonthsAgo: 20 },
  insurance: [
    { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "430018", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: -95 },
  ],
  controls: {
    "physical.cctv": { status: "not_applicable", note: "Kyiv agents are fully remote." },
    "physical.visitor_management": { status: "not_applicable", note: "Kyiv agents are fully remote." },
  },
  kpis: [
    { quartersAgo: 5, phishingFailurePct: 3.1, escalationRatePct: 85, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 99, privilegeReviewAgeDays: 45 },
    { quartersAgo: 4, phishingFailurePct: 2.7, escalationRatePct: 87, verificationBypassCount: 0, meanTimeToEscalateMinutes: 6, trainingCompletionPct: 98, privilegeReviewAgeDays: 50 },
  ],
  expectedFindings: ["soc2.stale", "iso.superseded_version", "pentest.stale", "incident_response.test_overdue", "insurance.expired", "legal.contract.ended"],
};
