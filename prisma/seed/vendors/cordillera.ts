import { AUDITORS, CARRIERS, CERT_BODIES, PENTESTERS, healthyKpis, recentReviews, type VendorSpec } from "../demo-vendor-spec";

// 19. Critical (health data): one SOC 2 exception, privilege review overdue, an incident notice still inside the window.
export const cordillera: VendorSpec = {
  slug: "cordillera",
  name: "Cordillera Support Services",
  legalName: "Cordillera Support Services S.A.S.",
  website: "https://cordillera-support.example",
  country: "CO",
  services: ["phone", "chat"],
  industries: ["healthcare"],
  dataCategories: ["contact_pii", "health"],
  accessLevel: "read_only",
  status: "active",
  owner: "security",
  sites: [
    { key: "bogota", city: "Bogotá", headcount: 180 },
    { key: "cali", city: "Cali", mode: "remote", headcount: 35 },
  ],
  soc2: [{ periodEndMonthsAgo: 2, auditor: AUDITORS.castellan, exceptions: 1 }],
  iso: [
    {
      number: "IS 781145",
      body: CERT_BODIES.meridian,
      expiresInDays: 590,
      scope: "Patient support lines and chat for healthcare providers, Bogotá office and Cali remote agents.",
    },
  ],
  pentests: [{ monthsAgo: 4, provider: PENTESTERS.sentinel, scope: "Telephony, chat, agent VDI, remote access" }],
  policy: { title: "Política de Seguridad de la Información v6", approvedMonthsAgo: 6 },
  irp: { testedMonthsAgo: 5 },
  bcp: { testedMonthsAgo: 5 },
  insurance: [
    { carrier: CARRIERS.beacon, policyPrefix: "BRI-CY", policySerial: "561207", perOccurrence: 8_000_000, aggregate: 16_000_000, expiresInDays: 270 },
  ],
  kpis: healthyKpis({ privilegeReviewAgeDays: 120 }),
  incidents: [
    {
      detectedHoursAgo: 5,
      severity: "medium",
      summary: "Suspicious login to an agent's VDI session from an unknown location; session killed, investigation under way.",
      personalData: true,
    },
  ],
  reviews: recentReviews("Camila Restrepo (Information Security Lead, Cordillera)", "Privilege review backlog: vendor to close it this month."),
  expectedFindings: ["soc2.exceptions", "kpi.privilege_review_overdue", "incident.notification_pending"],
};
