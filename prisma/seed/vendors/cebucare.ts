import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, type VendorSpec } from "../demo-vendor-spec";

// 6. High: stale SOC 2, 18% phishing failures, slow escalation, DMARC at quarantine.
export const cebucare: VendorSpec = {
  slug: "cebucare",
  name: "Cebu Customer Care",
  legalName: "Cebu Customer Care Corporation",
  website: "https://cebucare.example",
  country: "PH",
  services: ["phone", "chat", "email"],
  industries: ["ecommerce"],
  dataCategories: ["contact_pii", "credentials_reset", "eu_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "it-park", city: "Cebu City", headcount: 600 },
    { key: "mandaue", city: "Mandaue", headcount: 150 },
  ],
  soc2: [{ periodEndMonthsAgo: 17, auditor: AUDITORS.marlowe }],
  iso: [
    {
      number: "IS 771209",
      body: CERT_BODIES.qualisure,
      expiresInDays: 400,
      scope: "Customer care, order management and billing support services for online retail clients from Cebu IT Park and Mandaue.",
    },
  ],
  pentests: [{ monthsAgo: 8, provider: PENTESTERS.redline, scope: "Agent desktops, CRM integration, telephony platform" }],
  policy: { title: "Corporate Information Security Policy v4.1", approvedMonthsAgo: 11 },
  irp: { testedMonthsAgo: 8 },
  bcp: { testedMonthsAgo: 8 },
  insurance: [
    { carrier: CARRIERS.harbourline, policyPrefix: "HSI-CY", policySerial: "003982", perOccurrence: 5_000_000, aggregate: 10_000_000, expiresInDays: 150 },
  ],
  controls: {
    "email.dmarc_reject": { status: "partial", note: "DMARC at p=quarantine since March; move to p=reject planned after the ticketing migration." },
  },
  kpis: [
    { quartersAgo: 2, phishingFailurePct: 12, escalationRatePct: 78, verificationBypassCount: 0, meanTimeToEscalateMinutes: 11, trainingCompletionPct: 96, privilegeReviewAgeDays: 70 },
    { quartersAgo: 1, phishingFailurePct: 18, escalationRatePct: 79, verificationBypassCount: 0, meanTimeToEscalateMinutes: 14, trainingCompletionPct: 96, privilegeReviewAgeDays: 75 },
  ],
  reviews: [
    { monthsAgo: 5, extraDays: 4, attendees: ["Jonel Santos (IT Security Manager, Cebu Customer Care)", "Sam Security (Assay)"], notes: "SOC 2 renewal audit promised for next quarter.", followUps: ["Send the new SOC 2 report or a bridge letter"] },
  ],
  expectedFindings: ["soc2.stale", "kpi.phishing_failure_high", "kpi.escalation_slow", "control.dmarc_not_reject", "review.overdue", "legal.clause.deviating"],
};
