import { describe, expect, expectTypeOf, test } from "vitest";
import {
  type ClauseReviewRow,
  type Contract,
  type ContractInput,
  clauseReviewRowSchema,
  contractSchema,
  dpaSchema,
  legalDossierSchema,
  legalSignOffCommentSchema,
  subProcessorSchema,
  transferMechanismSchema,
} from "@/lib/schemas/legal";
import { resolveSettings } from "@/lib/schemas/settings";

const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => `${i.path.join(".")}: ${i.message}`);

describe("contract form", () => {
  test("emptied inputs mean not given", () => {
    const r = contractSchema.parse({ type: "msa", status: "draft", renewal: "manual", title: "", termEnd: "", noticePeriodDays: Number.NaN, governingLaw: "" });
    expect(r).toMatchObject({ title: undefined, termEnd: undefined, noticePeriodDays: undefined, governingLaw: undefined });
  });

  test.each([
    [{ status: "signed", effectiveDate: "2026-01-01" }, ["evidenceId: Attach the signed file to mark the contract signed."]],
    [{ status: "signed", evidenceId: "e1" }, ["effectiveDate: A signed contract needs its effective date."]],
    [{ effectiveDate: "2026-05-01", termEnd: "2026-04-30" }, ["termEnd: The term cannot end before the effective date."]],
    [{ effectiveDate: "2026-02-30" }, ["effectiveDate: Not a real date."]],
    [{ noticePeriodDays: 1.5 }, ["noticePeriodDays: Whole numbers only."]],
  ])("%o → field errors", (change, expected) => {
    expect(issues(contractSchema.safeParse({ type: "msa", status: "draft", renewal: "manual", ...change }))).toEqual(expected);
  });
});

describe("clause review row", () => {
  test("present needs a citation; an amount needs a currency", () => {
    expect(issues(clauseReviewRowSchema.safeParse({ clauseCode: "liability_cap", presence: "present", amountMinor: 100 }))).toEqual([
      "citation.contractId: Cite the contract (and section or page) where the clause is.",
      "currency: Give the currency of the amount.",
    ]);
  });
  test("a citation with no contract chosen says so next to the field, in words", () => {
    expect(issues(clauseReviewRowSchema.safeParse({ clauseCode: "liability_cap", presence: "present", citation: { contractId: "" } }))).toEqual([
      "citation.contractId: Choose the contract the clause is in.",
    ]);
  });
  test("currency is upper-cased, empty values dropped", () => {
    const r = clauseReviewRowSchema.parse({ clauseCode: "liability_cap", presence: "present", citation: { contractId: "c", page: "" }, amountMinor: 1, currency: "usd", hours: "" });
    expect(r).toMatchObject({ currency: "USD", hours: undefined, citation: { contractId: "c", page: undefined } });
  });
  test("deviating cannot be typed", () => {
    expect(clauseReviewRowSchema.safeParse({ clauseCode: "x", presence: "deviating" }).success).toBe(false);
  });
});

describe("DPA, transfer, sub-processor, sign-off", () => {
  test("a signed DPA needs its date and version", () => {
    expect(issues(dpaSchema.safeParse({ status: "signed" }))).toEqual(["signedDate: Give the date the DPA was signed.", "version: Give the version of the signed DPA."]);
  });
  test("SCCs need a module; a select sends it as a string", () => {
    expect(issues(transferMechanismSchema.safeParse({ country: "ph", mechanism: "sccs" }))).toEqual(["sccModule: Choose the SCC module (1-4)."]);
    expect(transferMechanismSchema.parse({ country: "ph", mechanism: "sccs", sccModule: "3", tiaDate: "" })).toMatchObject({ country: "PH", sccModule: 3, tiaDate: undefined });
    expect(transferMechanismSchema.safeParse({ country: "PH", mechanism: "sccs", sccModule: 5 }).success).toBe(false);
  });
  test("sub-processor country is ISO alpha-2", () => {
    expect(subProcessorSchema.safeParse({ name: "A", service: "B", country: "India", dataCategories: [], consented: false, notified: false }).success).toBe(false);
  });
  test("conditions or a rejection need a comment", () => {
    expect(legalSignOffCommentSchema.safeParse({ decision: "approved", comment: "" }).success).toBe(true);
    expect(issues(legalSignOffCommentSchema.safeParse({ decision: "rejected", comment: " " }))).toEqual(["comment: Explain the conditions or the reason for rejection."]);
  });
});

test("dossier cross-checks: cited contract exists, one row per clause and per country", () => {
  const r = legalDossierSchema.safeParse({
    contracts: [{ id: "c1", type: "msa", status: "draft", renewal: "manual" }],
    clauseReviews: [
      { clauseCode: "right_to_audit", presence: "present", citation: { contractId: "nope" } },
      { clauseCode: "right_to_audit", presence: "missing" },
    ],
    dpa: { status: "none", contractId: "gone" },
    transferMechanisms: [
      { country: "IN", mechanism: "none" },
      { country: "in", mechanism: "bcrs" },
    ],
    subProcessors: [],
  });
  expect(issues(r)).toEqual([
    "clauseReviews.0.citation.contractId: The cited contract is not in this dossier.",
    "clauseReviews.1.clauseCode: Clause right_to_audit is reviewed twice.",
    "transferMechanisms.1.country: IN has two transfer mechanisms.",
    "dpa.contractId: The DPA's contract is not in this dossier.",
  ]);
});

test("settings: new contract thresholds have defaults and old stored settings still load", () => {
  const s = resolveSettings({ contract: { incidentNotificationMaxHours: 12 } });
  expect(s.contract).toMatchObject({ incidentNotificationMaxHours: 12, auditNoticeMaxDays: 30, trainingSensitiveIndustries: ["fintech", "healthcare"] });
});

test("types are form-friendly on input and clean on output", () => {
  expectTypeOf<ContractInput["noticePeriodDays"]>().toEqualTypeOf<number | "" | null | undefined>();
  expectTypeOf<Contract["noticePeriodDays"]>().toEqualTypeOf<number | undefined>();
  expectTypeOf<ClauseReviewRow["auditScope"]>().toEqualTypeOf<"direct_or_third_party" | "reports_only" | undefined>();
});
