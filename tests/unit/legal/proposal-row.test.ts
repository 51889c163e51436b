import { describe, expect, test } from "vitest";
import type { ClauseProposal } from "@/lib/domain/legal/clause-finder";
import { clauseRowFromProposal, keepsTheChecklistRow, leftForOneByOne } from "@/lib/domain/legal/proposal-row";
import { type ClauseReviewRow, clauseReviewRowSchema } from "@/lib/schemas/legal";

// What accepting a clause-finder suggestion writes into the checklist.

const proposal = (over: Partial<ClauseProposal>): ClauseProposal => ({
  clauseCode: "incident_notification",
  title: "Incident notification SLA",
  found: true,
  confidence: 1,
  score: 6,
  threshold: 3,
  passages: [{ quote: "within seventy-two (72) hours", page: 6, section: "Section 7. Security › 7.4", score: 6 }],
  hints: [],
  ...over,
});

describe("clauseRowFromProposal", () => {
  test.each<[string, Partial<ClauseProposal>, object]>([
    ["hours", { value: { kind: "hours", hours: 72, quote: "seventy-two (72) hours", basis: "stated period" } }, { presence: "present", hours: 72, citation: { contractId: "c1", section: "Section 7. Security › 7.4", page: 6 } }],
    ["days", { clauseCode: "right_to_audit", value: { kind: "days", days: 30, quote: "thirty (30) days'", basis: "notice" } }, { presence: "present", days: 30 }],
    ["months", { clauseCode: "security_training", value: { kind: "months", months: 12, quote: "annually", basis: "cadence" } }, { presence: "present", months: 12 }],
    ["money", { clauseCode: "liability_cap", value: { kind: "money", amountMinor: 500_000_000, currency: "USD", quote: "US$5,000,000", basis: "floor" } }, { presence: "present", amountMinor: 500_000_000, currency: "USD" }],
    ["no value", { clauseCode: "data_residency" }, { presence: "present", citation: { contractId: "c1" } }],
    ["reports-only audit", { clauseCode: "right_to_audit", hints: [{ code: "reports_only", label: "Reports only", quote: "SOC 2 report" }] }, { auditScope: "reports_only" }],
    ["not found", { found: false, passages: [] }, { presence: "missing" }],
  ])("%s", (_label, over, expected) => {
    const row = clauseRowFromProposal(proposal(over), "c1");
    expect(row).toMatchObject(expected);
    expect(clauseReviewRowSchema.safeParse(row).success).toBe(true);
  });

  test("keeps the reviewer's note and shortens a long heading to the citation limit", () => {
    const long = "Schedule 4. Information Security Requirements and Service Levels for Customer Support Operations › 4.2.1";
    const row = clauseRowFromProposal(proposal({ passages: [{ quote: "…", section: long, score: 5 }] }), "c1", { reviewerNote: "Checked with counsel." });
    expect(row.reviewerNote).toBe("Checked with counsel.");
    expect(row.citation?.section).toHaveLength(80);
    expect(row.citation?.page).toBeUndefined();
  });
});

describe("what accepting a proposal must leave alone", () => {
  const notification = { title: "Incident notification SLA" };
  const present = (contractId: string): ClauseReviewRow => ({ clauseCode: "incident_notification", presence: "present", hours: 72, citation: { contractId } });

  test("a clause incorporated by reference is neither given nor lacking in this file", () => {
    expect(keepsTheChecklistRow({ ...notification, byReference: true }, undefined, "terms")).toMatch(/incorporated by reference/);
  });

  test("a row another contract cites as present stays until someone records which term governs", () => {
    expect(keepsTheChecklistRow(notification, present("msa"), "terms")).toMatch(/from another contract/);
  });

  test("the same contract's row, a missing row, or no row may be written", () => {
    expect(keepsTheChecklistRow(notification, present("terms"), "terms")).toBeUndefined();
    expect(keepsTheChecklistRow(notification, { clauseCode: "incident_notification", presence: "missing" }, "terms")).toBeUndefined();
    expect(keepsTheChecklistRow(notification, undefined, "terms")).toBeUndefined();
  });
});

describe("a duty the contract states with two deadlines", () => {
  const note = "The contract also states seven (7) days for this duty; check which deadline governs.";
  const twice = proposal({ hints: [{ code: "other_deadline", label: note, quote: "S2.4 … within seven (7) days …" }] });

  test("accepting records the first deadline and keeps the note on the checklist, after the reviewer's own", () => {
    const row = clauseRowFromProposal(twice, "c1", { reviewerNote: "Checked with counsel." });
    expect(row.reviewerNote).toBe(`Checked with counsel. ${note}`);
    expect(clauseReviewRowSchema.safeParse(row).success).toBe(true);
  });

  test("is left out of Accept all, for someone to read which deadline governs", () => {
    expect(leftForOneByOne(twice)).toBe(true);
    expect(leftForOneByOne(proposal({}))).toBe(false);
  });
});
