import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";
import { verbatimIn } from "@/lib/domain/legal/verbatim-quote";

describe("a quote in the contract's own characters", () => {
  test("curly quotes, dashes, odd spaces and soft hyphens come back as written; only whitespace is collapsed", () => {
    const source = "Intro.\nThe Supplier’s “Security\u00a0Incident” notice — within 24\nhours — is due to the Cus\u00adtomer.";
    expect(verbatimIn(source, `The Supplier's "Security Incident" notice - within 24 hours - is due to the Customer.`)).toBe(
      "The Supplier’s “Security Incident” notice — within 24 hours — is due to the Customer.",
    );
  });

  test("words that are not in the source are not found, whatever their punctuation", () => {
    expect(verbatimIn("The Supplier’s notice is due within 24 hours.", "The Supplier's notice is due within 48 hours.")).toBeUndefined();
    expect(verbatimIn("The Supplier shall notify (a) the Customer.", "The Supplier shall notify [a] the Customer.")).toBeUndefined();
  });

  test("the finder quotes the contract's characters, a lead-in and its item each as written", () => {
    const markdown = [
      "## 7. Security incidents",
      "",
      "Upon becoming aware of a “Personal Data Breach”, the Processor shall:",
      "",
      "- notify the Controller’s security team within twenty‑four (24) hours; and",
      "- cooperate with the Controller’s investigation.",
    ].join("\n");
    const quote = findClauses({ sections: markdownToSections(markdown) }).find((p) => p.clauseCode === "incident_notification")!.passages[0]!.quote;
    expect(quote).toContain("“Personal Data Breach”");
    expect(quote).toContain("Controller’s security team within twenty‑four (24) hours");
  });

  test("a word rejoined across a hyphenated line break is quoted as the finder read it", () => {
    const page = "7.1 The Supplier shall notify the Customer of any Security Incident within 24 hours of its identifi-\ncation.";
    const quote = findClauses({ pages: [{ number: 1, text: page }] }).find((p) => p.clauseCode === "incident_notification")!.passages[0]!.quote;
    expect(quote).toBe("7.1 The Supplier shall notify the Customer of any Security Incident within 24 hours of its identification.");
  });
});

describe("a quote lookup on hostile text", () => {
  test("a sentence of tens of thousands of characters is quoted, not thrown on", () => {
    const text = `The Supplier shall notify the Customer of any Security Incident within 24 hours, ${"and of any related matter, ".repeat(2000)}in writing.`;
    const proposal = findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === "incident_notification")!;
    expect(proposal.found).toBe(true);
    expect(proposal.passages[0]!.quote.length).toBeLessThanOrEqual(500);
  });

  test("a quote that is not there is looked for once through a long repetitive text, not again from every start", () => {
    const run = "a ".repeat(1_000_000);
    const quote = `${"a ".repeat(240)}the Vendor shall notify`;
    const started = performance.now();
    expect(verbatimIn(`${run}.`, quote)).toBeUndefined();
    // A search that restarted at every position would take seconds here (it did, with a regular expression).
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("an item list after 'unless:' stays in the quote of the clause it qualifies", () => {
    const text = [
      "The Vendor shall keep the data confidential, and the Vendor shall delete all Customer Data within 30 days of termination unless:",
      "",
      "(a) the Customer has not paid the fees; or",
      "(b) the Vendor elects to retain it for its own business purposes.",
    ].join("\n");
    const quotes = findClauses({ sections: [{ heading: null, text }] }).find((p) => p.clauseCode === "data_return_deletion")!.passages.map((p) => p.quote);
    expect(quotes.some((q) => q.includes("unless: (a) the Customer has not paid the fees; or (b) the Vendor elects to retain it"))).toBe(true);
  });
});
