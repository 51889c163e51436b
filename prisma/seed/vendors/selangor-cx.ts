import { AUDITORS, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 23. Low tier (product knowledge-base support, no personal data): missing ISO, insurance and BCP.
export const selangorCx: VendorSpec = {
  slug: "selangor-cx",
  name: "Selangor CX Centre",
  legalName: "Selangor CX Centre Sdn. Bhd.",
  website: "https://selangor-cx.example",
  country: "MY",
  services: ["email", "chat"],
  industries: ["saas"],
  dataCategories: [],
  accessLevel: "read_only",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "kuala-lumpur", city: "Kuala Lumpur", headcount: 60 },
    { key: "cyberjaya", city: "Cyberjaya", headcount: 40 },
  ],
  soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
  iso: [],
  pentests: [{ monthsAgo: 9, provider: PENTESTERS.cobalt, scope: "Knowledge-base portal and email gateway" }],
  policy: { title: "IT Security Policy v1.8", approvedMonthsAgo: 11 },
  irp: { testedMonthsAgo: 11 },
  insurance: [],
  kpis: healthyKpis({ phishingFailurePct: 3.9, escalationRatePct: 89 }),
  expectedFindings: ["iso.missing", "insurance.missing", "bcp.missing"],
};
