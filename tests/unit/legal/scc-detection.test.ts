import { describe, expect, test } from "vitest";
import { detectSccs, sccSuggestion } from "@/lib/domain/legal/scc-detection";

describe("detectSccs on short snippets", () => {
  test("the 2021 SCCs cited by decision number, one module, docking clause applied", () => {
    const d = detectSccs(
      '"SCCs" means the standard contractual clauses approved by Commission Implementing Decision (EU) 2021/914.\nModule Two (Controller to Processor) shall apply.\nIn Clause 7, the optional docking clause will apply.',
    );
    expect(d).toMatchObject({ set: "2021", modules: [2], dockingClause: true, ukAddendum: false });
    expect(d?.evidence).toContain("2021/914");
    expect(sccSuggestion(d!)).toBe(
      "This contract incorporates the 2021 SCCs (Implementing Decision (EU) 2021/914), module two, with the docking clause; record it on the transfers that rely on it.",
    );
  });

  test.each([
    ["In Clause 7, the optional docking clause will not apply.", false],
    ["The optional docking clause (Clause 7) shall not apply.", false],
    ["Clause 7 (Docking clause) is deleted.", false],
    ["Clause 7 (Docking clause) shall apply.", true],
    ["For Module Two, the docking clause will apply; for Module Three, the docking clause will not apply.", true],
  ])("the docking clause switched on or off: %s", (sentence, docking) => {
    const d = detectSccs(`The standard contractual clauses approved by Commission Implementing Decision (EU) 2021/914 (Module Three) apply to Restricted Transfers.\n${sentence}`);
    expect(d?.dockingClause).toBe(docking);
    expect(sccSuggestion(d!).includes("with the docking clause")).toBe(docking);
  });

  test("the decision cited by date, several modules listed together, the UK Addendum", () => {
    const d = detectSccs(
      "Standard Contractual Clauses means the Annex to the Commission Implementing Decision of June 4, 2021 on standard contractual clauses.\nModules Two and Three apply, with the International Data Transfer Addendum issued by the ICO.",
    );
    expect(d).toMatchObject({ set: "2021", modules: [2, 3], dockingClause: false, ukAddendum: true });
    expect(sccSuggestion(d!)).toContain("modules two and three, with the UK Addendum;");
  });

  test("a module named without the decision still means the 2021 set", () => {
    expect(detectSccs("The Standard Contractual Clauses, MODULE 3: Transfer processor to processor, are incorporated.")).toMatchObject({ set: "2021", modules: [3] });
  });

  test("the repealed 2010 clauses are recognised and flagged as no longer a basis", () => {
    const d = detectSccs("Schedule 3: Standard Contractual Clauses (processors)\nFor the purposes of Article 26(2) of Directive 95/46/EC for the transfer of personal data to processors.");
    expect(d).toMatchObject({ set: "legacy", modules: [] });
    expect(sccSuggestion(d!)).toMatch(/repealed/);
    expect(detectSccs("the standard contractual clauses set out in Commission Decision 2010/87/EU")?.set).toBe("legacy");
  });

  test("a mention that incorporates nothing is not a detection", () => {
    expect(detectSccs("We sign a data processing agreement with each vendor that includes the controller-processor Standard Contractual Clauses.")).toBeNull();
    expect(detectSccs("The Parties shall rely on EU approved standard contractual clauses for the transfer of personal data.")).toBeNull();
    expect(detectSccs("Module Two of the training course covers Implementing Decision (EU) 2021/914.")).toBeNull();
  });
});
