import { describe, expect, test } from "vitest";
import { describeLegalChange, isLegalChangeAction } from "@/lib/domain/legal/legal-change";

// The sentence a reviewer reads under "Outdated since …": one per legal audit event.

describe("describeLegalChange", () => {
  test.each([
    [
      "a clause value change",
      { action: "dossier.clause.update", before: { clauseCode: "incident_notification", presence: "present", hours: 24 }, after: { clauseCode: "incident_notification", presence: "present", hours: 72 } },
      "Incident notification SLA: hours 24 → 72",
    ],
    [
      "a clause recorded for the first time",
      { action: "dossier.clause.create", after: { clauseCode: "right_to_audit", presence: "missing" } },
      "Right to audit recorded: presence Missing",
    ],
    [
      "a liability cap in money",
      {
        action: "dossier.clause.update",
        before: { clauseCode: "liability_cap", presence: "present", amountMinor: 500_000_000, currency: "USD" },
        after: { clauseCode: "liability_cap", presence: "present", amountMinor: 100_000_000, currency: "USD" },
      },
      "Liability cap: amount $5,000,000.00 → $1,000,000.00",
    ],
    ["a note only", { action: "dossier.clause.update", before: { clauseCode: "data_residency", presence: "present" }, after: { clauseCode: "data_residency", presence: "present", reviewerNote: "EU hosting" } }, "Data residency: note added"],
    ["a contract status", { action: "dossier.contract.update", before: { type: "msa", status: "draft" }, after: { type: "msa", status: "signed" } }, "Contract “Master services agreement (MSA)”: status draft → signed"],
    ["a DPA signed", { action: "dossier.dpa.update", before: { status: "draft" }, after: { status: "signed", signedDate: "2026-01-10", version: "2.0" } }, "DPA status: status draft → signed; signed on none → 2026-01-10; version none → 2.0"],
    ["a transfer mechanism", { action: "dossier.transfer.update", before: { country: "IN", mechanism: "none" }, after: { country: "IN", mechanism: "sccs", sccModule: 2 } }, "Transfer mechanism for IN: mechanism None → Standard contractual clauses (GDPR Art. 46(2)(c)); SCC module none → 2"],
    ["a sub-processor added", { action: "dossier.subprocessor.create", after: { name: "Acme Hosting", service: "Hosting" } }, "Sub-processor “Acme Hosting” added"],
    ["a sub-processor removed", { action: "dossier.subprocessor.delete", before: { name: "Acme Hosting" } }, "Sub-processor “Acme Hosting” removed"],
  ])("%s", (_label, event, expected) => {
    expect(describeLegalChange(event)).toBe(expected);
  });

  test("other events are not legal changes", () => {
    expect(describeLegalChange({ action: "dossier.soc2.update", before: {}, after: {} })).toBeNull();
    expect(isLegalChangeAction("legal.signoff")).toBe(false);
    expect(isLegalChangeAction("dossier.clause.delete")).toBe(true);
  });
});
