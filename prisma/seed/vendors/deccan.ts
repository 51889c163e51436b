import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 25. Critical (health data, India): late incident notice, training gaps, IR test overdue.
export const deccan: VendorSpec = {
  slug: "deccan",
  name: "Deccan Assist Services",
  legalName: "Deccan Assist Services Private Limited",
  website: "https://deccan-assist.example",
  country: "IN",
  services: ["phone", "email", "back_office"],
  industries: ["healthcare"],
  dataCategories: ["contact_pii", "health", "india_personal", "california_personal"],
  accessLevel: "read_only",
  status: "active",
  owner: "security",
  sites: [
    { key: "hyderabad", city: "Hyderabad", headcount: 410 },
    { key: "chennai", city: "Chennai", headcount: 160 },
  ],
  soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
  iso: [
    {
      number: "IS 788530",
      body: CERT_BODIES.qualisure,
      expiresInDays: 450,
      scope: "Healthcare member services, claims intake and back office, Hyderabad and Chennai.",
    },
  ],
  pentests: [{ monthsAgo: 5, provider: PENTESTERS.kestrel, scope: "Claims intake portal, telephony, VDI" }],
  policy: { title: "Information Security Policy v8.1", approvedMonthsAgo: 8 },
  irp: { testedMonthsAgo: 16 },
  bcp: { testedMonthsAgo: 10 },
  insurance: [
    { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "121845", perOccurrence: 10_000_000, aggregate: 20_000_000, expiresInDays: 220 },
  ],
  controls: {
    "human.verification_tier2_oob_otp": { status: "partial", note: "OTP for email changes; address changes still verified with date of birth only." },
  },
  kpis: healthyKpis({ trainingCompletionPct: 88 }),
  incidents: [
    {
      detectedHoursAgo: 24 * 40,
      notifiedAfterHours: 52,
      severity: "high",
      summary: "Claims documents for 37 members were visible to another client's agents after a queue misconfiguration.",
      personalData: true,
    },
  ],
  reviews: [
    { monthsAgo: 5, extraDays: 2, attendees: ["Venkat Rao (CISO, Deccan Assist)", "Sam Security (Assay)"], notes: "Queue misconfiguration post-mortem.", followUps: ["Tabletop exercise of the IR plan"] },
  ],
  expectedFindings: [
    "incident.notified_late",
    "kpi.training_incomplete",
    "control.partial",
    "incident_response.test_overdue",
    "review.overdue",
    "legal.clause.deviating",
  ],
};
