import { CARRIERS, CERT_BODIES, healthyKpis, type VendorSpec } from "../demo-vendor-spec";

// 28. Moderate prospect: no SOC 2 or pen test yet, unaccredited ISO, weak remote site.
export const tangierMs: VendorSpec = {
  slug: "tangier-ms",
  name: "Tangier Multilingual Services",
  legalName: "Tangier Multilingual Services S.A.R.L.",
  website: "https://tangier-ms.example",
  country: "MA",
  services: ["email", "chat"],
  industries: ["ecommerce"],
  dataCategories: ["contact_pii", "eu_personal"],
  accessLevel: "read_only",
  status: "prospective",
  owner: "procurement",
  sites: [
    { key: "tangier", city: "Tangier", headcount: 130 },
    { key: "tetouan", city: "Tétouan", mode: "remote", headcount: 25, edr: false, vdi: false },
  ],
  soc2: [],
  iso: [
    {
      number: "GCE-ISMS-7713",
      body: CERT_BODIES.globalcert,
      accredited: false,
      expiresInDays: 650,
      scope: "Customer service in French, Spanish and English, Tangier and Tétouan.",
    },
  ],
  pentests: [],
  policy: { title: "Politique de Sécurité de l'Information v2", approvedMonthsAgo: 8 },
  irp: { testedMonthsAgo: 8 },
  bcp: { testedMonthsAgo: 8 },
  insurance: [
    { carrier: CARRIERS.solent, policyPrefix: "SSR-CY", policySerial: "71930", perOccurrence: 2_000_000, aggregate: 2_000_000, expiresInDays: 210 },
  ],
  kpis: healthyKpis({ phishingFailurePct: 4.8, escalationRatePct: 88.5 }),
  expectedFindings: [
    "soc2.missing",
    "pentest.missing",
    "iso.unaccredited",
    "site.remote_controls_missing",
    "legal.dpa.not_signed",
    "legal.transfer.sccs_without_tia",
  ],
};
