// Where each rule comes from, quoted on every finding and named as a reader
// knows it (docs/rules.md says which section states the rule): the standard or
// regulation when there is one, otherwise "organisation policy" — every
// threshold behind such a rule is an organisation setting.

export const SOURCES = {
  soc2Currency: "AICPA SOC 2; organisation policy (report stale 14 months after the period end)",
  soc2TypeII: "AICPA SOC 2 (Type II covers a period, Type I a point in time)",
  soc2Opinion: "AICPA SOC 2 (auditor's opinion)",
  soc2Exceptions: "AICPA SOC 2 (exceptions noted by the auditor)",
  soc2Bridge: "AICPA SOC 2 (bridge letter for the gap since the period end)",
  iso: "ISO/IEC 27001 certification",
  isoExpiry: "ISO/IEC 27001 certification (validity)",
  isoScope: "ISO/IEC 27001 certification (scope must cover the delivery sites)",
  isoAccreditation: "ISO/IEC 17021-1 (accredited certification body)",
  isoTransition: "IAF MD 26 (ISO/IEC 27001:2013 transition ended 31 Oct 2025)",
  insurance: "organisation policy (cyber liability insurance minimum)",
  pentest: "organisation policy (penetration test at least yearly)",
  incidentResponse: "organisation policy (incident response plan, tested yearly)",
  securityPolicy: "organisation policy (information security policy)",
  continuity: "organisation policy (business continuity plan)",
  remoteSite: "organisation policy (remote agents need EDR, VPN, MFA and VDI)",
  sites: "organisation policy (delivery sites)",
  controls: "organisation policy (BPO control pack)",
  dmarc: "RFC 7489 DMARC (policy at reject)",
  phishing: "organisation policy (phishing simulation failure rate)",
  verificationBypass: "organisation policy (verification bypass incidents: target zero)",
  escalationTime: "organisation policy (mean time to escalate)",
  escalationRate: "organisation policy (social-engineering escalation rate)",
  training: "organisation policy (security training completion)",
  privilegeReview: "organisation policy (privilege review ageing)",
  kpis: "organisation policy (security KPIs)",
  incidentNotification: "GDPR Art. 33; organisation policy (24-hour notification)",
  securityReviews: "organisation policy (quarterly security reviews)",
} as const;
