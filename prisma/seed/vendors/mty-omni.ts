import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 11. Critical: verification bypasses and an incident we have not been told about.
export const mtyOmni: VendorSpec = {
  slug: "mty-omni",
  name: "Monterrey Omnichannel",
  legalName: "Monterrey Omnichannel S. de R.L. de C.V.",
  website: "https://mty-omni.example",
  country: "MX",
  services: ["phone", "chat", "email"],
  industries: ["fintech", "ecommerce"],
  dataCategories: ["contact_pii", "credentials_reset", "payment_card", "california_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "security",
  sites: [
    { key: "monterrey", city: "Monterrey", headcount: 380 },
    { key: "guadalajara", city: "Guadalajara", mode: "remote", headcount: 70 },
  ],
  soc2: [
    { periodEndMonthsAgo: 14, auditor: AUDITORS.marlowe },
    { periodEndMonthsAgo: 2, auditor: AUDITORS.marlowe },
  ],
  iso: [
    {
      number: "BAC-ISMS-2022-0918",
      body: CERT_BODIES.alcor,
      expiresInDays: 640,
      scope: "Omnichannel customer service, billing and card-dispute support for fintech and retail clients, Monterrey and remote agents in Guadalajara.",
    },
  ],
  pentests: [{ monthsAgo: 3, provider: PENTESTERS.kestrel, scope: "IVR, agent VDI, payment-method change workflow" }],
  policy: { title: "Política de Seguridad de la Información v8", approvedMonthsAgo: 7 },
  irp: { testedMonthsAgo: 2 },
  bcp: { testedMonthsAgo: 5 },
  insurance: [
    { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "120577", perOccurrence: 10_000_000, aggregate: 25_000_000, expiresInDays: 320 },
  ],
  controls: {
    "human.no_exceptions_policy": {
      status: "not_in_place",
      note: "Team leads may approve billing-method changes without a callback during peak hours.",
    },
    "human.verification_tier3_elevated": { status: "partial", note: "Callback done for card changes but not for account closure." },
  },
  kpis: healthyKpis({ phishingFailurePct: 4.4, escalationRatePct: 89, verificationBypassCount: 2, meanTimeToEscalateMinutes: 9 }),
  incidents: [
    {
      detectedHoursAgo: 72,
      severity: "high",
      summary: "Two payment-method changes were made after a caller impersonated account holders; the vendor detected it in a QA sample and is investigating.",
      personalData: true,
    },
  ],
  reviews: recentReviews("Lucía Garza (Security & Compliance Lead, Monterrey Omnichannel)", "Peak-hour exception process challenged; vendor to withdraw it."),
  expectedFindings: ["kpi.verification_bypass", "incident.not_notified", "control.not_in_place", "control.partial", "legal.subprocessor.unauthorised"],
};
