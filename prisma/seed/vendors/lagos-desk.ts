import { CARRIERS, CERT_BODIES, type VendorSpec } from "../demo-vendor-spec";

// 5. Moderate prospect, early in due diligence: many gaps.
export const lagosDesk: VendorSpec = {
  slug: "lagos-desk",
  name: "Lagos Digital Desk",
  legalName: "Lagos Digital Desk Limited",
  website: "https://lagosdesk.example",
  country: "NG",
  services: ["chat", "email"],
  industries: ["gaming"],
  dataCategories: ["contact_pii", "credentials_reset"],
  accessLevel: "trigger_resets",
  status: "prospective",
  owner: "procurement",
  sites: [{ key: "ikeja", city: "Lagos", headcount: 110 }],
  soc2: [],
  iso: [
    {
      number: "NC-27001-3381",
      body: CERT_BODIES.nordcert,
      expiresInDays: 900,
      scope: "Player support by chat and email for online gaming operators from the Ikeja, Lagos office.",
    },
  ],
  pentests: [],
  policy: { title: "Information Security Policy", approvedMonthsAgo: 14 },
  irp: { testedMonthsAgo: 9 },
  insurance: [
    { carrier: CARRIERS.aldgate, policyPrefix: "ACU", policySerial: "90-4471", perOccurrence: 2_500_000, aggregate: 5_000_000, expiresInDays: 30 },
  ],
  controls: {
    "governance.quarterly_phishing_simulations": { status: "unknown", note: "Vendor says simulations are planned; no schedule shared yet." },
  },
  unassessed: ["human.channel_agnostic", "access.session_logging"],
  kpis: [
    {
      quartersAgo: 1,
      phishingFailurePct: null,
      escalationRatePct: 71,
      verificationBypassCount: 0,
      meanTimeToEscalateMinutes: 9,
      trainingCompletionPct: 96,
      privilegeReviewAgeDays: 85,
    },
  ],
  expectedFindings: ["soc2.missing", "pentest.missing", "insurance.expiring", "bcp.missing", "control.unknown", "kpi.not_reported"],
};
