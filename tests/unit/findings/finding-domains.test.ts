import { describe, expect, it } from "vitest";
import { findingDomain } from "@/lib/domain/findings/finding-domains";

// Each finding counts in the domain of the checks that judge the same fact (docs/scoring.md).
const catalogue = [
  { code: "access.mfa_everywhere", domain: "access" as const },
  { code: "email.dmarc_reject", domain: "email" as const },
  { code: "people.clean_desk", domain: "human_protocols" as const },
  { code: "gov.risk_register", domain: "governance" as const },
];

describe("findingDomain", () => {
  const cases: [code: string, subject: { kind: string; id?: string }, domain: string][] = [
    ["soc2.stale", { kind: "soc2_report", id: "r1" }, "assurance"],
    ["soc2.missing", { kind: "soc2_report" }, "assurance"],
    ["iso.site_not_covered", { kind: "delivery_site", id: "s1" }, "assurance"],
    ["pentest.open_critical_high", { kind: "pentest" }, "assurance"],
    ["security_policy.missing", { kind: "security_policy" }, "assurance"],
    ["incident_response.test_overdue", { kind: "incident_response_plan" }, "assurance"],
    ["bcp.missing", { kind: "continuity_plan" }, "assurance"],
    ["insurance.below_minimum", { kind: "insurance_policy" }, "financial"],
    ["site.remote_controls_missing", { kind: "delivery_site", id: "s1" }, "accessEndpoint"],
    ["control.not_in_place", { kind: "control", id: "access.mfa_everywhere" }, "accessEndpoint"],
    ["control.dmarc_not_reject", { kind: "control", id: "email.dmarc_reject" }, "accessEndpoint"],
    ["control.unknown", { kind: "control", id: "people.clean_desk" }, "humanProtocols"],
    ["control.partial", { kind: "control", id: "gov.risk_register" }, "humanProtocols"],
    ["kpi.verification_bypass", { kind: "kpi_period" }, "humanProtocols"],
    ["incident.notified_late", { kind: "incident", id: "i1" }, "humanProtocols"],
    ["review.overdue", { kind: "security_review" }, "humanProtocols"],
    ["legal.clause.missing", { kind: "clause", id: "right_to_audit" }, "contractual"],
    ["legal.clause.deviating", { kind: "clause", id: "data_residency" }, "dataProtection"],
    ["legal.contract.in_notice_window", { kind: "contract", id: "c1" }, "contractual"],
    ["legal.dpa.not_signed", { kind: "dpa" }, "dataProtection"],
    ["legal.transfer.no_mechanism", { kind: "transfer", id: "IN" }, "dataProtection"],
    ["legal.subprocessor.unauthorised", { kind: "subprocessor", id: "x" }, "dataProtection"],
    ["remediation.overdue", { kind: "remediation", id: "r1" }, "workflow"],
    ["risk_acceptance.expired", { kind: "risk_acceptance", id: "a1" }, "workflow"],
  ];
  it.each(cases)("%s counts in its check's domain", (code, subject, domain) => {
    expect(findingDomain({ code, subject }, catalogue)).toBe(domain);
  });

  it("refuses a code no rule family claims, so a new family must name its domain", () => {
    expect(() => findingDomain({ code: "newfamily.thing", subject: { kind: "x" } }, catalogue)).toThrow(/newfamily\.thing/);
    expect(() => findingDomain({ code: "legalish.thing", subject: { kind: "x" } }, catalogue)).toThrow();
  });
});
