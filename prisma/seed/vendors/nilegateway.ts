import { AUDITORS, CARRIERS, PENTESTERS, type VendorSpec } from "../demo-vendor-spec";

// 18. Critical and in poor shape: the "many findings" vendor.
export const nilegateway: VendorSpec = {
  slug: "nilegateway",
  name: "Nile Gateway BPO",
  legalName: "Nile Gateway Business Process Outsourcing S.A.E.",
  website: "https://nilegateway.example",
  country: "EG",
  services: ["phone", "chat", "email", "back_office"],
  industries: ["fintech", "ecommerce"],
  dataCategories: ["contact_pii", "credentials_reset", "payment_card", "eu_personal"],
  accessLevel: "admin",
  status: "active",
  owner: "security",
  sites: [
    { key: "cairo", city: "Cairo", headcount: 520 },
    { key: "alexandria", city: "Alexandria", mode: "remote", headcount: 90, mfa: false, vdi: false },
  ],
  soc2: [{ periodEndMonthsAgo: 19, auditor: AUDITORS.ashgrove, exceptions: 4 }],
  iso: [],
  pentests: [{ monthsAgo: 7, provider: PENTESTERS.kestrel, scope: "Admin console, payment-method workflow, remote access", openCriticalHigh: 3 }],
  policy: { title: "Information Security Policy v1.3", approvedMonthsAgo: 16 },
  bcp: { testedMonthsAgo: 15 },
  insurance: [
    { carrier: CARRIERS.northstar, policyPrefix: "NMA", policySerial: "CY-28810", perOccurrence: 2_000_000, aggregate: 4_000_000, expiresInDays: 180 },
  ],
  controls: {
    "access.pam_no_shared_admin": { status: "not_in_place", note: "Team-lead admin account shared per shift." },
    "email.dmarc_reject": { status: "not_in_place", note: "DMARC published at p=none." },
    "access.mfa_everywhere": { status: "partial", note: "MFA on VPN and email; not on the CRM or the admin console." },
  },
  kpis: [
    { quartersAgo: 2, phishingFailurePct: 19, escalationRatePct: 61, verificationBypassCount: 0, meanTimeToEscalateMinutes: 9, trainingCompletionPct: 85, privilegeReviewAgeDays: 80 },
    { quartersAgo: 1, phishingFailurePct: 22, escalationRatePct: 64, verificationBypassCount: 1, meanTimeToEscalateMinutes: 9, trainingCompletionPct: 82, privilegeReviewAgeDays: 85 },
  ],
  reviews: [
    { monthsAgo: 8, attendees: ["Karim Mansour (IT Director, Nile Gateway)", "Sam Security (Assay)"], notes: "Remediation plan for shared admin accounts requested.", followUps: ["PAM rollout plan", "Renewed SOC 2"] },
  ],
  expectedFindings: [
    "soc2.stale",
    "soc2.exceptions",
    "iso.missing",
    "pentest.open_critical_high",
    "insurance.below_minimum",
    "incident_response.missing",
    "site.remote_controls_missing",
    "kpi.phishing_failure_high",
    "kpi.verification_bypass",
    "kpi.training_incomplete",
    "control.not_in_place",
    "control.dmarc_not_reject",
    "control.partial",
    "review.overdue",
    "legal.clause.missing",
    "legal.transfer.no_mechanism",
    "legal.subprocessor.unauthorised",
  ],
};
