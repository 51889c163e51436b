import { describe, expect, test } from "vitest";
import { contractPrefill, prefillNote } from "@/components/legal/contract-prefill";
import { extractContractFacts, isoDate } from "@/lib/domain/legal/contract-facts";
import { contractSchema } from "@/lib/schemas/legal";

describe("what a contract says about itself (to prefill the contract form)", () => {
  test("a PDF's opening: title in capitals, parties, effective date and governing law", () => {
    const facts = extractContractFacts({
      pages: [
        {
          number: 1,
          text: [
            "MASTER SERVICES AGREEMENT",
            'This Master Services Agreement is entered into as of 1st March 2025 by and between Lumen Contact Ltd (the "Supplier") and Northwind Retail plc ("Customer").',
            "1. DEFINITIONS",
            "1.1 Services means the services in each Order.",
          ].join("\n"),
        },
        { number: 9, text: "18. GOVERNING LAW\n18.1 This Agreement is governed by the laws of England and Wales." },
      ],
    });
    expect(facts).toEqual({
      title: "Master Services Agreement",
      type: "msa",
      effectiveDate: "2025-03-01",
      governingLaw: "England and Wales",
      parties: ["Lumen Contact Ltd", "Northwind Retail plc"],
    });
  });

  test("a Markdown DPA: the first heading names it; US dates and state law", () => {
    const facts = extractContractFacts({
      sections: [
        { heading: "Data Processing Addendum", text: "Effective Date: March 14, 2024\n\nThis DPA forms part of the Terms." },
        { heading: "12. Miscellaneous", text: "This DPA shall be governed by and construed in accordance with the laws of the State of California, without regard to conflicts of law." },
      ],
    });
    expect(facts).toEqual({ title: "Data Processing Addendum", type: "dpa", effectiveDate: "2024-03-14", governingLaw: "State of California" });
  });

  test("parties described at length, capitals broken over a line, and a law 'of the' country", () => {
    const facts = extractContractFacts({
      pages: [
        {
          number: 1,
          text: 'THIS AGREEMENT is dated 2 May 2025 and is made between ORCHARD TELECOM LIMITED, a company registered in England and Wales under number 0123 whose office is at 1 High Street (the "Customer"), and HARBOUR CUS-\nTOMER CARE LIMITED, a company registered in Scotland ("Supplier").\nThis Agreement is governed by the laws of the Republic of Ireland.',
        },
      ],
    });
    expect(facts).toMatchObject({ effectiveDate: "2025-05-02", governingLaw: "Republic of Ireland", parties: ["ORCHARD TELECOM LIMITED", "HARBOUR CUSTOMER CARE LIMITED"] });
  });

  test.each([
    ["an amendment that names the agreement it amends, and no date of its own", "This Amendment amends the Master Services Agreement dated 1 March 2022 between Acme Ltd and Beta plc. It takes effect on the date of the last signature.", undefined],
    ["an amendment with its own date before the amended agreement's", "This Amendment, dated 5 May 2024, amends the Master Services Agreement dated 1 March 2022.", "2024-05-05"],
    ["a statement of work under a framework agreement, effective later", "This SOW is entered into under the Master Services Agreement (the \"MSA\") dated 1 March 2026.\n9.1 This SOW is effective from 1 April 2026 for twelve months.", "2026-04-01"],
  ])("the effective date is the document's own, not that of another agreement it names: %s", (_what, text, expected) => {
    expect(extractContractFacts({ sections: [{ heading: null, text }] }).effectiveDate).toBe(expected);
  });

  test("nothing is guessed: no title words, no date, no law, roles instead of parties, a question instead of a title", () => {
    expect(extractContractFacts({ sections: [{ heading: "Welcome", text: "We host websites. Updated recently." }] })).toEqual({});
    expect(
      extractContractFacts({
        sections: [
          { heading: "Is this the right Terms of Service for me?", text: "This agreement is between Provider and Customer." },
          { heading: "Law", text: "It is governed by the laws of the Member State where the exporter is established." },
        ],
      }),
    ).toEqual({});
  });

  test("the new-contract form starts from the facts and passes the form's own validation", () => {
    const facts = { title: "Data Processing Addendum", type: "dpa" as const, effectiveDate: "2025-03-14", governingLaw: "Ireland", parties: ["Harbour Ltd", "Northwind plc"] };
    const initial = contractPrefill(facts, "doc-1");
    expect(initial).toEqual({ type: "dpa", status: "draft", renewal: "auto", evidenceId: "doc-1", title: "Data Processing Addendum", effectiveDate: "2025-03-14", governingLaw: "Ireland" });
    expect(contractSchema.safeParse(initial).success).toBe(true);
    expect(contractPrefill(undefined, "doc-1")).toEqual({ type: "msa", status: "draft", renewal: "auto", evidenceId: "doc-1" });
    expect(prefillNote("dpa.pdf", facts)).toContain("Harbour Ltd and Northwind plc");
  });

  test.each([
    ["2025-02-30", undefined],
    ["31 June 2025", undefined],
    ["June 30, 2025", "2025-06-30"],
    ["30th day of June, 2025", "2025-06-30"],
    ["Sept. 1, 2024", "2024-09-01"],
  ])("date %s → %s", (raw, iso) => {
    expect(isoDate(raw)).toBe(iso);
  });
});
