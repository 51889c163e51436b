import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { buildPassages } from "@/lib/domain/legal/contract-passages";
import { colonDefinition, definedTerms, termsUsedIn } from "@/lib/domain/legal/defined-terms";

const passagesOf = (text: string) => buildPassages({ sections: [{ heading: null, text }] });

describe("defined terms", () => {
  test("reads the term and what it is, up to its examples or the statute it cites; laws are no terms", () => {
    const passages = passagesOf(
      [
        '1.1 "Breach" means the unauthorized acquisition, access, use or disclosure of Protected Health Information; excluding good-faith access by staff.',
        '"Personal Data" means any information relating to an individual as defined in Regulation (EU) 2016/679.',
        '"Applicable Laws" means the laws of the European Union and the United Kingdom.',
      ].join("\n\n"),
    );
    const terms = definedTerms(passages);
    expect(terms.map((t) => [t.term, t.genus])).toEqual([
      ["Breach", "the unauthorized acquisition, access, use or disclosure of Protected Health Information"],
      ["Personal Data", "any information relating to an individual"],
    ]);
    // The term as written: "Breach" is the defined term, "breach of contract" is not; the definition is no use of itself.
    expect(termsUsedIn("Notify the Covered Entity of any Breach.", terms, 99).map((t) => t.term)).toEqual(["Breach"]);
    expect(termsUsedIn("A material breach of this Agreement.", terms, 99)).toEqual([]);
    expect(termsUsedIn(passages[0]!.text, terms, passages[0]!.index)).toEqual([]);
  });

  test("a clause that uses a defined term bare is read with the term's definition", () => {
    const definition = '"Breach" means the unauthorized acquisition, access, use or disclosure of Protected Health Information.';
    const duty = "Business Associate shall notify Covered Entity of any Breach without unreasonable delay and in no case later than 10 days after discovery.";
    const notification = (text: string) => findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === "incident_notification")!;
    expect(notification(`${definition}\n\n${duty}`)).toMatchObject({ found: true, value: { kind: "hours", hours: 240 } });
    // Without the definition "Breach" is just a word: no incident is named.
    expect(notification(duty).found).toBe(false);
    // A law's definition lists places, which say nothing about where data is kept.
    const residency = findClauses({
      sections: [{ heading: null, text: '"Applicable Laws" means the laws of the European Union.\n\nThe Processor shall not process Personal Data except as required by Applicable Laws.' }],
    }).find((p) => p.clauseCode === "data_residency")!;
    expect(residency.found).toBe(false);
  });
});

test("a term is what its definition names, not who engages it: an Agent engaged by subcontractors is no subcontractor", () => {
  const text = [
    '1.2 "Agent" means any individual engaged by the Provider or its permitted subcontractors who handles contacts for the Customer.',
    "3.4 The Customer may require the Provider to remove any Agent from the programme on written notice.",
  ].join("\n\n");
  expect(definedTerms(passagesOf(text))[0]).toMatchObject({ term: "Agent", genus: "any individual" });
  expect(findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === "subprocessor_consent")!.found).toBe(false);
});

describe("definitions by colon", () => {
  test("under a lead-in that says the list defines, or a definitions heading, 'Term: the …' defines the term", () => {
    expect(colonDefinition({ text: "1.1 The following terms have the following meaning in this Agreement: d. Audit Right: the right of a party to verify compliance." })).toEqual({ term: "Audit Right", body: "the right of a party to verify compliance." });
    expect(colonDefinition({ text: "Service Locations: the Supplier's contact centres within the United Kingdom.", heading: "1. DEFINITIONS AND INTERPRETATION" })?.term).toBe("Service Locations");
    const terms = definedTerms([{ index: 0, text: "Service Locations: the Supplier's contact centres within the United Kingdom.", heading: "1. DEFINITIONS" }]);
    expect(terms[0]?.genus).toContain("United Kingdom");
  });

  test("elsewhere a run-in label is no definition, and a label with a verb after it is none either", () => {
    expect(colonDefinition({ text: "Personnel: all staff are trained every year.", heading: "Security Measures" })).toBeUndefined();
    expect(colonDefinition({ text: "Personnel: staff are trained every year.", heading: "Definitions" })).toBeUndefined();
  });
});
