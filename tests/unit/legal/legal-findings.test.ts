import { describe, expect, test } from "vitest";
import { legalFindingsFor, type LegalContext } from "@/lib/domain/legal/legal-findings";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { type LegalDossier, type LegalDossierInput, legalDossierSchema } from "@/lib/schemas/legal";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";

const NOW = new Date("2026-06-15T12:00:00Z");
const settings = DEFAULT_SETTINGS;

const context: LegalContext = {
  tier: "high",
  dataCategories: ["contact_pii", "payment_card", "eu_personal"],
  industries: ["fintech"],
  sites: [
    { id: "s1", country: "PH", city: "Cebu" },
    { id: "s2", country: "DE", city: "Berlin" },
  ],
  insuranceMinimumMinor: settings.insurance.minimumElevatedMinor,
  currency: "USD",
};

const cite = { contractId: "msa", section: "7" };
/** Every clause present and within thresholds for a High fintech vendor with card data. */
function cleanInput(): LegalDossierInput {
  return {
    contracts: [
      { id: "msa", type: "msa", status: "signed", effectiveDate: "2026-01-01", termEnd: "2029-01-01", renewal: "manual", noticePeriodDays: 90, governingLaw: "New York", evidenceId: "ev-msa" },
      { id: "dpa", type: "dpa", status: "signed", effectiveDate: "2026-01-01", renewal: "auto", evidenceId: "ev-dpa" },
    ],
    clauseReviews: [
      { clauseCode: "right_to_audit", presence: "present", citation: cite, days: 30, auditScope: "direct_or_third_party" },
      { clauseCode: "incident_notification", presence: "present", citation: cite, hours: 24 },
      { clauseCode: "data_residency", presence: "present", citation: cite },
      { clauseCode: "liability_indemnification", presence: "present", citation: cite },
      { clauseCode: "liability_cap", presence: "present", citation: cite, amountMinor: 500_000_000, currency: "USD" },
      { clauseCode: "cyber_insurance", presence: "present", citation: cite },
      { clauseCode: "security_training", presence: "present", citation: cite, months: 3 },
      { clauseCode: "subprocessor_consent", presence: "present", citation: cite },
      { clauseCode: "data_return_deletion", presence: "present", citation: cite },
      { clauseCode: "agent_access_confidentiality", presence: "present", citation: cite },
    ],
    dpa: { status: "signed", signedDate: "2026-01-01", version: "2.0", contractId: "dpa" },
    transferMechanisms: [{ country: "PH", mechanism: "sccs", sccModule: 2, tiaDate: "2026-01-10" }],
    subProcessors: [{ id: "sp1", name: "Zendesk", service: "Ticketing", country: "IE", dataCategories: ["eu_personal"], consented: true, notified: true }],
  };
}

function dossier(change: (d: LegalDossierInput) => void = () => {}): LegalDossier {
  const input = cleanInput();
  change(input);
  return legalDossierSchema.parse(input);
}
const review = (d: LegalDossierInput, code: string) => d.clauseReviews.find((r) => r.clauseCode === code)!;
const codes = (d: LegalDossier, ctx: LegalContext = context) => legalFindingsFor(d, ctx, settings, NOW).map((f) => `${f.code}:${f.severity}:${f.subject.id}`);

test("a clean legal dossier has no findings", () => {
  expect(legalFindingsFor(dossier(), context, settings, NOW)).toEqual([]);
});

describe("clause findings", () => {
  test.each([
    // [clause, tier, expected severity]
    ["right_to_audit", "high", "blocker"],
    ["right_to_audit", "critical", "blocker"],
    ["right_to_audit", "moderate", "high"],
    ["incident_notification", "critical", "blocker"],
    ["incident_notification", "low", "high"],
    ["data_residency", "critical", "medium"],
    ["liability_indemnification", "high", "high"],
    ["cyber_insurance", "high", "medium"],
  ] as const)("missing %s for a %s vendor → %s", (code, tier, severity) => {
    const d = dossier((x) => Object.assign(review(x, code), { presence: "missing", citation: undefined }));
    expect(codes(d, { ...context, tier })).toEqual([`legal.clause.missing:${severity}:${code}`]);
  });

  test("a clause nobody reviewed counts as missing, and says so", () => {
    const d = dossier((x) => (x.clauseReviews = x.clauseReviews.filter((r) => r.clauseCode !== "incident_notification")));
    const [f] = legalFindingsFor(d, context, settings, NOW);
    expect(f).toMatchObject({ code: "legal.clause.missing", severity: "blocker", observed: "not reviewed" });
  });

  test("not applicable raises nothing", () => {
    const d = dossier((x) => Object.assign(review(x, "cyber_insurance"), { presence: "not_applicable", citation: undefined }));
    expect(codes(d)).toEqual([]);
  });

  test.each([
    ["incident_notification", { hours: 72 }, "high", "72 hours", "at most 24 hours"],
    ["security_training", { months: 12 }, "medium", "every 12 months", "at least every 3 months (financial or health data)"],
    ["liability_cap", { amountMinor: 100_000_000 }, "medium", "$1,000,000.00", "at least $5,000,000.00"],
    ["right_to_audit", { auditScope: "reports_only" }, "medium", "vendor's own reports only", "audit by us or a third party we appoint"],
  ] as const)("deviating %s → %s, with observed and threshold", (code, change, severity, observed, threshold) => {
    const d = dossier((x) => Object.assign(review(x, code), change));
    const findings = legalFindingsFor(d, context, settings, NOW);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: "legal.clause.deviating", severity, observed, threshold, subject: { id: code } });
  });

  test("a deviating audit or notification clause is not a blocker (only a missing one is)", () => {
    const d = dossier((x) => Object.assign(review(x, "incident_notification"), { hours: 96 }));
    expect(legalFindingsFor(d, { ...context, tier: "critical" }, settings, NOW).map((f) => f.severity)).toEqual(["high"]);
  });
});

describe("DPA", () => {
  test.each(["none", "draft"] as const)("%s while personal data is processed → blocker", (status) => {
    const d = dossier((x) => (x.dpa = { status }));
    expect(codes(d)).toEqual(["legal.dpa.not_signed:blocker:undefined"]);
  });

  test("no personal data, no DPA needed", () => {
    const d = dossier((x) => {
      x.dpa = { status: "none" };
      x.subProcessors = [];
    });
    expect(codes(d, { ...context, dataCategories: [] }).filter((c) => c.startsWith("legal.dpa"))).toEqual([]);
  });
});

describe("transfers", () => {
  test("EU data in India with no mechanism → blocker", () => {
    expect(codes(dossier(), { ...context, sites: [...context.sites, { country: "IN", city: "Pune" }] })).toEqual(["legal.transfer.no_mechanism:blocker:IN"]);
  });

  test("Philippines on SCCs without a TIA → medium", () => {
    const d = dossier((x) => (x.transferMechanisms = [{ country: "PH", mechanism: "sccs", sccModule: 2 }]));
    expect(codes(d)).toEqual(["legal.transfer.sccs_without_tia:medium:PH"]);
  });

  test("a sub-processor in the US without DPF confirmation → blocker", () => {
    const d = dossier((x) => x.subProcessors.push({ id: "sp2", name: "Twilio", service: "Telephony", country: "US", dataCategories: ["eu_personal"], consented: true, notified: true }));
    expect(codes(d)).toEqual(["legal.transfer.no_mechanism:blocker:US"]);
  });
});

describe("contract term", () => {
  const msa = (x: LegalDossierInput) => x.contracts[0]!;
  test.each([
    // [term end, notice days, renewal, expected]
    ["2026-06-14", 90, "manual", "legal.contract.ended:high:msa"], // ended yesterday
    ["2026-06-15", 90, "manual", "legal.contract.in_notice_window:high:msa"], // ends today
    ["2026-09-13", 90, "manual", "legal.contract.in_notice_window:high:msa"], // exactly 90 days left
    ["2026-09-14", 90, "manual", undefined], // 91 days left
    ["2026-07-01", undefined, "manual", undefined], // no notice period recorded: only the end date matters
    ["2026-06-14", 90, "auto", undefined], // auto renewal rolled over
    ["2026-07-01", 90, "auto", undefined],
  ] as const)("term end %s, notice %s, %s renewal → %s", (termEnd, noticePeriodDays, renewal, expected) => {
    const d = dossier((x) => Object.assign(msa(x), { termEnd, noticePeriodDays, renewal }));
    expect(codes(d)[0]).toBe(expected);
  });

  test.each(["expired", "terminated"] as const)("an MSA %s with no replacement → high", (status) => {
    const d = dossier((x) => Object.assign(msa(x), { status }));
    expect(codes(d)).toEqual(["legal.contract.ended:high:msa"]);
  });

  test("an expired MSA replaced by a signed one raises nothing", () => {
    const d = dossier((x) => {
      Object.assign(msa(x), { status: "expired", termEnd: "2025-12-31", effectiveDate: "2023-01-01" });
      x.contracts.push({ id: "msa2", type: "msa", status: "signed", effectiveDate: "2026-01-01", termEnd: "2030-01-01", renewal: "manual", noticePeriodDays: 90, evidenceId: "ev2" });
    });
    expect(codes(d)).toEqual([]);
  });

  test("a contract in its notice window is fine when the renewal is already signed", () => {
    const d = dossier((x) => {
      Object.assign(msa(x), { termEnd: "2026-07-01" });
      x.contracts.push({ id: "msa2", type: "msa", status: "signed", effectiveDate: "2026-07-02", termEnd: "2029-07-01", renewal: "manual", noticePeriodDays: 90, evidenceId: "ev2" });
    });
    expect(codes(d)).toEqual([]);
  });

  test("drafts and amendments are ignored", () => {
    const d = dossier((x) => {
      x.contracts.push({ id: "d1", type: "sow", status: "draft", termEnd: "2026-01-01", renewal: "manual" });
      x.contracts.push({ id: "a1", type: "amendment", status: "terminated", renewal: "manual" });
    });
    expect(codes(d)).toEqual([]);
  });
});

describe("sub-processors", () => {
  test.each([
    [false, false, ["legal.subprocessor.unauthorised:medium:sp1"]],
    [true, false, []],
    [false, true, []],
  ] as const)("consented %s, notified %s", (consented, notified, expected) => {
    const d = dossier((x) => Object.assign(x.subProcessors[0]!, { consented, notified }));
    expect(codes(d)).toEqual(expected);
  });
});

test("every finding explains itself and findings are ordered by severity", () => {
  const d = dossier((x) => {
    x.dpa = { status: "draft" };
    x.clauseReviews = x.clauseReviews.filter((r) => r.clauseCode !== "data_residency");
    Object.assign(review(x, "incident_notification"), { hours: 48 });
    Object.assign(x.subProcessors[0]!, { consented: false, notified: false });
  });
  const findings = legalFindingsFor(d, { ...context, sites: [{ country: "IN" }] }, settings, NOW);
  expect(findings.map((f) => f.severity)).toEqual(["blocker", "blocker", "high", "medium", "medium"]);
  for (const f of findings) {
    expect(f.source.length).toBeGreaterThan(3);
    expect(f.observed).toBeTruthy();
    expect(f.threshold).toBeTruthy();
  }
});

test("the catalogue holds at least the ten clauses of Issue 4", () => {
  expect(CLAUSE_CATALOGUE.clauses.map((c) => c.code)).toEqual(
    expect.arrayContaining([
      "right_to_audit",
      "incident_notification",
      "data_residency",
      "liability_indemnification",
      "liability_cap",
      "cyber_insurance",
      "security_training",
      "subprocessor_consent",
      "data_return_deletion",
      "agent_access_confidentiality",
    ]),
  );
  expect(CLAUSE_CATALOGUE.clauses.filter((c) => c.blockerForElevatedTier).map((c) => c.code).sort()).toEqual(["incident_notification", "right_to_audit"]);
});
