import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { readSentence } from "@/lib/domain/legal/sentence-roles";

const find = (text: string, code: string) => findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === code)!;

describe("who a sentence binds or entitles", () => {
  test.each([
    ["The Supplier shall notify the Client within 24 hours.", "vendor", "shall", "granted"],
    ["The Client shall not be entitled to audit the Supplier.", "customer", "shall", "prohibited"],
    ["If the Processor becomes aware of a breach, it will inform the Controller.", "vendor", "will", "granted"],
    ["Either party may terminate on notice.", "mutual", "may", "granted"],
    ["Upon termination of the agreement between the Supplier and the Client: (b) Acme will return all Client Data.", "unknown", "will", "granted"],
    ["Each party indemnifies the other against claims arising from a breach of this DPA.", "mutual", "other", "granted"],
  ] as const)("%s", (text, actor, modality, polarity) => {
    expect(readSentence(text)).toMatchObject({ actor, modality, polarity, binding: true });
  });

  test("a vendor named in the document is recognised as the vendor", () => {
    expect(readSentence("Zorbix may audit the Licensee's use of the software.", new Set(["Zorbix"]))).toMatchObject({ actor: "vendor", entitles: true, customerIsObject: true });
  });

  test("a line with no modal binds nobody", () => {
    expect(readSentence("Access is limited to staff who have followed specialised training.").binding).toBe(false);
  });
});

describe("the clause finder reads polarity and role", () => {
  test("an excluded audit right is absent, with the exclusion quoted", () => {
    const p = find("The Client shall not be entitled to carry out any audit or inspection of the Supplier's premises or systems.", "right_to_audit");
    expect(p.found).toBe(false);
    expect(p.exclusion?.quote).toContain("shall not be entitled");
  });

  test("an audit right of the vendor over the customer is not the customer's audit right", () => {
    expect(find("The Provider may audit the Customer's use of the platform on reasonable notice.", "right_to_audit").found).toBe(false);
  });

  test("a vendor duty to allow audits is the customer's audit right", () => {
    expect(find("The Processor shall allow for and contribute to audits, including inspections, conducted by the Controller.", "right_to_audit").found).toBe(true);
  });

  test("a cost borne by the customer is not the vendor bearing breach costs", () => {
    expect(find("The Customer shall bear the costs of responding to any Security Breach.", "liability_indemnification").found).toBe(false);
    expect(find("The Supplier shall bear the costs of responding to any Security Breach.", "liability_indemnification").found).toBe(true);
  });

  test("a descriptive line is not a training duty", () => {
    expect(find("Safeguards such as access only for staff having followed specialised security training.", "security_training").found).toBe(false);
  });

  test("a vendor's option to delete data is not a deletion duty", () => {
    expect(find("On termination of the Agreement the Provider may delete Customer Data.", "data_return_deletion").found).toBe(false);
    expect(find("On termination of the Agreement the Provider shall delete Customer Data.", "data_return_deletion").found).toBe(true);
  });

  test("a cap kept in another document is by reference, not found and not missing", () => {
    const p = find("Each party's liability under this DPA is subject to the limitations of liability set out in the Agreement.", "liability_cap");
    expect(p).toMatchObject({ found: false, byReference: true });
    expect(p.passages[0]?.quote).toContain("set out in the Agreement");
  });
});

describe("wording the finder used to miss", () => {
  test.each([
    ["liability_cap", "IN NO EVENT SHALL THE SUPPLIER'S AGGREGATE LIABILITY UNDER THIS AGREEMENT EXCEED THE FEES PAID IN THE PRIOR YEAR."],
    ["liability_cap", "Neither party's total liability under this agreement will exceed the fees paid in the twelve months before the claim."],
    ["liability_cap", "The Supplier's total liability will not be more than the General Cap Amount."],
    ["data_residency", "All Customer Data is stored and processed only in the United States."],
    ["data_residency", "The Service runs in our UK regions only."],
  ])("%s: %s", (code, text) => {
    const p = find(text, code);
    expect(p.found || p.byReference === true).toBe(true);
  });
});

describe("values the finder used to miss", () => {
  test("a bracketed amount is read as money", () => {
    expect(find("The Supplier's total aggregate liability shall not exceed £[250,000].", "liability_cap").value).toMatchObject({ kind: "money", amountMinor: 25_000_000, currency: "GBP" });
  });

  test("a notification duty worded as written notice, with no 'notify'", () => {
    const p = find("The Supplier shall provide the Customer with written notice of any Security Breach within 48 hours of discovery.", "incident_notification");
    expect(p.found).toBe(true);
    expect(p.value).toMatchObject({ kind: "hours", hours: 48 });
  });
});

test("a vendor duty to permit the customer to audit is the customer's audit right", () => {
  expect(find("The Supplier shall permit the Customer and its auditors to access the Supplier's premises and systems for audit on reasonable notice.", "right_to_audit").found).toBe(true);
});

test("a relative clause's modal is not the main verb: the approval 'which will not be unreasonably withheld' leaves the customer's audit right granted", () => {
  const text =
    "From time to time with proper notice and Supplier approval, which will not be unreasonably withheld, the Customer will be entitled to perform an on-site audit of the Supplier's security programme.";
  expect(readSentence(text)).toMatchObject({ actor: "customer", polarity: "granted", entitles: true });
  expect(find(text, "right_to_audit").found).toBe(true);
});
