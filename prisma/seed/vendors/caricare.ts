import { AUDITORS, CARRIERS, PENTESTERS, type VendorSpec } from "../demo-vendor-spec";

// 4. Critical prospect with only a Type I report, no ISO, thin insurance.
export const caricare: VendorSpec = {
  slug: "caricare",
  name: "CariCare Health Services",
  legalName: "CariCare Health Services S.A.",
  website: "https://caricare.example",
  country: "CR",
  services: ["phone", "chat"],
  industries: ["healthcare"],
  dataCategories: ["contact_pii", "health", "california_personal"],
  accessLevel: "read_only",
  status: "prospective",
  owner: "security",
  sites: [{ key: "heredia", city: "Heredia", headcount: 95 }],
  soc2: [{ type: "type1", periodEndMonthsAgo: 2, auditor: AUDITORS.castellan }],
  iso: [],
  pentests: [{ monthsAgo: 3, provider: PENTESTERS.sentinel, scope: "Patient-facing chat, call recording storage, agent workstations" }],
  policy: { title: "Política de Seguridad de la Información v3.0", approvedMonthsAgo: 4 },
  irp: {},
  bcp: { testedMonthsAgo: 10 },
  insurance: [
    { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "557310", perOccurrence: 3_000_000, aggregate: 5_000_000, expiresInDays: 280 },
  ],
  kpis: [
    {
      quartersAgo: 1,
      phishingFailurePct: 4.5,
      escalationRatePct: 84,
      verificationBypassCount: 0,
      trainingCompletionPct: 100,
      meanTimeToEscalateMinutes: null,
      privilegeReviewAgeDays: null,
    },
  ],
  expectedFindings: [
    "soc2.type1_only",
    "iso.missing",
    "insurance.below_minimum",
    "incident_response.never_tested",
    "kpi.not_reported",
    "review.none_held",
    "legal.dpa.not_signed",
  ],
};
