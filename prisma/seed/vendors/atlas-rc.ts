import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 17. High: ISO scope misses Rabat, a late incident notice, training below target, review overdue.
export const atlasRc: VendorSpec = {
  slug: "atlas-rc",
  name: "Atlas Relation Client",
  legalName: "Atlas Relation Client S.A.R.L.",
  website: "https://atlas-rc.example",
  country: "MA",
  services: ["phone", "email", "chat"],
  industries: ["ecommerce", "automotive"],
  dataCategories: ["contact_pii", "eu_personal"],
  accessLevel: "change_billing",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "casablanca", city: "Casablanca", headcount: 280 },
    { key: "rabat", city: "Rabat", headcount: 110 },
  ],
  soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.castellan }],
  iso: [
    {
      number: "BAC-ISMS-2022-1177",
      body: CERT_BODIES.alcor,
      expiresInDays: 430,
      scope: "French- and Spanish-language customer relationship services, Casablanca (Sidi Maârouf).",
      covers: ["casablanca"],
    },
  ],
  pentests: [{ monthsAgo: 6, provider: PENTESTERS.redline, scope: "CRM, telephony, billing-change workflow" }],
  policy: { title: "Politique de Sécurité des Systèmes d'Information v5", approvedMonthsAgo: 6 },
  irp: { testedMonthsAgo: 8 },
  bcp: { testedMonthsAgo: 8 },
  insurance: [
    { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "66120", perOccurrence: 6_000_000, aggregate: 12_000_000, expiresInDays: 250 },
  ],
  controls: {
    "access.offboarding": { status: "partial", note: "Leaver accounts disabled within three business days, not on the last working day." },
  },
  kpis: healthyKpis({ trainingCompletionPct: 89 }),
  incidents: [
    {
      detectedHoursAgo: 24 * 70,
      notifiedAfterHours: 30,
      severity: "medium",
      summary: "Shared mailbox of the Rabat team forwarded to an external address by a compromised account for two days.",
      personalData: true,
    },
  ],
  reviews: [
    { monthsAgo: 4, extraDays: 10, attendees: ["Youssef Benali (RSSI, Atlas Relation Client)", "Sam Security (Assay)"], notes: "Mailbox compromise post-mortem.", followUps: ["Extend ISO scope to Rabat"] },
  ],
  expectedFindings: ["iso.site_not_covered", "incident.notified_late", "kpi.training_incomplete", "review.overdue", "control.partial", "legal.clause.deviating"],
};
