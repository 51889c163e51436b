import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 16. Moderate: bridge-letter gap, phishing in the watch band, phones on the floor, no BCP.
export const saigonOmni: VendorSpec = {
  slug: "saigon-omni",
  name: "Saigon Omni Services",
  legalName: "Saigon Omni Services Joint Stock Company",
  website: "https://saigon-omni.example",
  country: "VN",
  services: ["chat", "email"],
  industries: ["gaming", "ecommerce"],
  dataCategories: ["contact_pii", "credentials_reset"],
  accessLevel: "trigger_resets",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "hcmc", city: "Ho Chi Minh City", headcount: 300 },
    { key: "da-nang", city: "Da Nang", headcount: 120 },
  ],
  soc2: [{ periodEndMonthsAgo: 6, auditor: AUDITORS.pemberton }],
  iso: [
    {
      number: "IS 779904",
      body: CERT_BODIES.qualisure,
      expiresInDays: 560,
      scope: "Player and shopper support by chat and email, Ho Chi Minh City and Da Nang.",
    },
  ],
  pentests: [{ monthsAgo: 9, provider: PENTESTERS.cobalt, scope: "Chat platform, account-reset tooling" }],
  policy: { title: "Information Security Policy 2.0", approvedMonthsAgo: 9 },
  irp: { testedMonthsAgo: 7 },
  insurance: [
    { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "119930", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 140 },
  ],
  controls: {
    "physical.no_phones_on_floor": { status: "not_in_place", note: "Agents keep personal phones for two-factor prompts of a legacy tool." },
  },
  kpis: healthyKpis({ phishingFailurePct: 11, escalationRatePct: 89 }),
  expectedFindings: ["soc2.bridge_letter_gap", "kpi.phishing_failure_watch", "control.not_in_place", "bcp.missing", "legal.clause.deviating"],
};
