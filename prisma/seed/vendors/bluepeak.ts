import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 2. High: remote site without VDI, certificate scope gap, training below target; EU data in India without SCCs.
export const bluepeak: VendorSpec = {
  slug: "bluepeak",
  name: "Bluepeak BPO",
  legalName: "Bluepeak Business Process Outsourcing Pvt. Ltd.",
  website: "https://bluepeak-bpo.example",
  country: "IN",
  services: ["email", "chat", "back_office"],
  industries: ["ecommerce", "saas"],
  dataCategories: ["contact_pii", "payment_card", "eu_personal", "india_personal"],
  accessLevel: "trigger_resets",
  status: "active",
  owner: "procurement",
  sites: [
    { key: "bengaluru", city: "Bengaluru", headcount: 350 },
    { key: "mysuru", city: "Mysuru", mode: "remote", headcount: 60, vdi: false },
    // EU customers' tickets are also handled from Manila (see the transfer matrix in demo-legal.ts).
    { key: "manila", city: "Manila", country: "PH", headcount: 80 },
  ],
  soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.oakridge }],
  iso: [
    {
      number: "IS 784521",
      body: CERT_BODIES.qualisure,
      expiresInDays: 720,
      scope: "Customer support and back-office order management services delivered from the Bengaluru (Whitefield) delivery centre.",
      covers: ["bengaluru"],
    },
  ],
  pentests: [{ monthsAgo: 6, provider: PENTESTERS.kestrel, scope: "Web chat widget, agent desktop build, Bengaluru network segmentation" }],
  policy: { title: "Information Security Management Policy 2.3", approvedMonthsAgo: 10 },
  irp: { testedMonthsAgo: 5 },
  bcp: { testedMonthsAgo: 9 },
  insurance: [
    { carrier: CARRIERS.pacific, policyPrefix: "PCI-CYB", policySerial: "118204", perOccurrence: 7_500_000, aggregate: 15_000_000, expiresInDays: 300 },
  ],
  controls: {
    "endpoint.vdi_no_local_data": {
      status: "partial",
      note: "VDI on the Bengaluru floor only; Mysuru remote agents work on managed laptops with a local browser.",
    },
  },
  kpis: healthyKpis({ trainingCompletionPct: 91 }),
  reviews: recentReviews("Rohan Iyer (Head of Information Security, Bluepeak)", "Mysuru VDI rollout plan reviewed; target end of next quarter."),
  expectedFindings: ["site.remote_controls_missing", "iso.site_not_covered", "kpi.training_incomplete", "control.partial", "legal.transfer.no_mechanism"],
};
