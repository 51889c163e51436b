import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { openLevel } from "@/lib/domain/legal/lead-in";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";

const paragraphs = (md: string) => markdownToSections(md).flatMap((s) => s.text.split("\n\n").map((t) => ({ heading: s.heading, t })));

describe("Markdown to sections", () => {
  test("emphasis and links are dropped so defined terms keep their word boundaries", () => {
    const [p] = paragraphs('The **"Security Breach"** means a _Security Breach_ as defined in [the Policy](https://example.test).');
    expect(p?.t).toBe('The "Security Breach" means a Security Breach as defined in the Policy.');
  });

  test("headings start sections", () => {
    const sections = markdownToSections("# Terms\n\nIntro.\n\n## 9. Audit Rights\n\nThe Client may audit.");
    expect(sections.map((s) => s.heading)).toEqual(["Terms", "9. Audit Rights"]);
    expect(sections[1]?.text).toBe("The Client may audit.");
  });

  test("each list item is its own paragraph carrying its lead-in", () => {
    const md = "On expiry of this Agreement the Supplier shall:\n\n1. stop all processing;\n2. delete all Client Data within 30 days.\n";
    expect(paragraphs(md).map((p) => p.t)).toEqual([
      "On expiry of this Agreement the Supplier shall:",
      "On expiry of this Agreement the Supplier shall: (1) stop all processing;",
      "On expiry of this Agreement the Supplier shall: (2) delete all Client Data within 30 days.",
    ]);
  });

  test("(a)-style paragraphs after a lead-in keep it; a plain paragraph closes it", () => {
    const md = "When the Vendor processes data it will:\n\n(a) encrypt it;\n\n(b) notify the Client of a breach within 24 hours.\n\nFees are due monthly.";
    const texts = paragraphs(md).map((p) => p.t);
    expect(texts[2]).toBe("When the Vendor processes data it will: (b) notify the Client of a breach within 24 hours.");
    expect(texts[3]).toBe("Fees are due monthly.");
  });

  test("indented dotted sub-clauses after a list item ending in a colon keep it", () => {
    const md = "3. Processing. The Vendor will:\n\n  3.1. Process data only on instructions;\n\n  3.2. Notify the Client without undue delay of a Security Breach.\n";
    const texts = paragraphs(md).map((p) => p.t);
    expect(texts).toContain("The Vendor will: (3.2) Notify the Client without undue delay of a Security Breach.");
  });

  test("table rows become one line each with cells joined", () => {
    const texts = paragraphs("| Region | Provider |\n|---|---|\n| UK | Acme Cloud |").map((p) => p.t);
    expect(texts).toEqual(["Region | Provider", "UK | Acme Cloud"]);
  });

  test("an HTML table inside Markdown reads like a Markdown table: a line per row, cells apart", () => {
    const md = "<table><thead><tr><th>Sub-processor</th><th>Location</th></tr></thead><tbody><tr><td>Acme Cloud</td><td>United Kingdom</td></tr></tbody></table>";
    expect(paragraphs(md).map((p) => p.t)).toEqual(["Sub-processor | Location", "Acme Cloud | United Kingdom"]);
  });

  test("the finder reads a sub-item's duty through its lead-in", () => {
    const md = "## Security\n\nThe Vendor shall:\n\n- keep logs;\n- notify the Client of any Security Breach within 48 hours.";
    const p = findClauses({ sections: markdownToSections(md) }).find((x) => x.clauseCode === "incident_notification")!;
    expect(p.found).toBe(true);
    expect(p.value).toMatchObject({ kind: "hours", hours: 48 });
    expect(p.passages[0]?.section).toBe("Security");
  });
});

describe("front matter", () => {
  test("titles and dates in front matter are dropped", () => {
    const sections = markdownToSections("---\ntitle: Data Processing Addendum\ndate: 2024-01-01\n---\n\n## Deletion\n\nThe Processor shall delete all Personal Data on termination.\n");
    expect(sections.map((s) => s.text).join(" ")).not.toContain("2024-01-01");
    expect(sections).toEqual([{ heading: "Deletion", text: "The Processor shall delete all Personal Data on termination." }]);
  });

  test("a page body a site builder keeps in front matter is read as the document", () => {
    const body = "## Deletion\n\nOn termination of the Agreement the Processor shall delete all Personal Data and certify the deletion in writing within thirty days of the request.\n\nThe Processor shall notify the Customer of any Personal Data Breach within 48 hours.\n";
    const markdown = `---\ntemplate: page\ncomponents:\n  - type: Text\n    text: >+\n${body.split("\n").map((l) => (l ? `      ${l}` : "")).join("\n")}\nseo:\n  title: DPA\n---\n`;
    const sections = markdownToSections(markdown);
    expect(sections[0]?.heading).toBe("Deletion");
    expect(sections[0]?.text).toContain("The Processor shall notify the Customer of any Personal Data Breach within 48 hours.");
  });

  test("front matter that is not YAML is dropped whole", () => {
    const sections = markdownToSections("---\n: : not yaml [\n---\nThe Processor shall delete all Personal Data on termination.\n");
    expect(sections).toEqual([{ heading: null, text: "The Processor shall delete all Personal Data on termination." }]);
  });
});

describe("lead-ins", () => {
  test("a heading that is a sentence ending in a colon governs the list below it", () => {
    const sections = markdownToSections("## 6. Breach Notification\n\n#### In the event that the Provider becomes aware of a confirmed security breach affecting Personal Data, the Provider will:\n\n- Notify the Subscriber without undue delay and within 72 hours.\n- Provide a description of the breach.\n");
    expect(sections[0]?.heading).toBe("6. Breach Notification");
    expect(sections[0]?.text).toContain("the Provider will: Notify the Subscriber without undue delay and within 72 hours.");
  });

  test("a short heading ending in a colon stays a heading", () => {
    expect(markdownToSections("## Definitions:\n\nTerms have these meanings.\n")[0]?.heading).toBe("Definitions:");
  });

  test("once a numbered paragraph's own list ends, the lead-in above it governs again; an unpunctuated last item leads nowhere", () => {
    const markdown = "The Processor shall:\n\n**4.1** Implement measures, including:\n- Encryption at rest\n- Access controls for staff\n\n**4.2** Delete all personal data at the end of the services.\n";
    const paragraphs = markdownToSections(markdown)[0]?.text.split("\n\n") ?? [];
    expect(paragraphs).toContain("4.1 Implement measures, including: Access controls for staff");
    expect(paragraphs[paragraphs.length - 1]).toBe("The Processor shall: (4.2) Delete all personal data at the end of the services.");
  });

  test("an item's own lead-in governs its sub-items and closes at the item's next sibling", () => {
    const markdown = "a) The Customer warrants its instructions are lawful.\n\nb) The Supplier warrants that:\n\ni) it will perform the Services with due care;\n\nii) the Deliverables will conform to the SOW.\n\nc) Neither party makes any other warranty.\n";
    const paragraphs = markdownToSections(markdown)[0]?.text.split("\n\n") ?? [];
    expect(paragraphs).toContain("b) The Supplier warrants that: ii) the Deliverables will conform to the SOW.");
    expect(paragraphs[paragraphs.length - 1]).toBe("c) Neither party makes any other warranty.");
  });

  test("three numbering levels: an item that goes on with the sentence keeps every lead-in above it, and the next clause number closes the levels inside it", () => {
    const markdown = [
      "3.1 The Supplier shall, in relation to any Personal Data:",
      "3.1.1 process that Personal Data only on the Buyer's instructions;",
      "3.1.2 ensure that:",
      "(a) the Supplier Personnel do not process Personal Data except under this Contract;",
      "(b) it takes all reasonable steps to ensure the reliability of any Supplier Personnel and ensure that they:",
      "(i) are subject to appropriate confidentiality undertakings; and",
      "(ii) have undergone adequate training in the handling of Personal Data;",
      "3.1.3 not transfer Personal Data outside of the United Kingdom unless the Buyer consents; and",
      "3.2 The Buyer may ask for a copy of the records.",
      "C. Business Associate agrees that it shall:",
      "(1) use appropriate safeguards.",
    ].join("\n\n");
    const paragraphs = markdownToSections(markdown)[0]?.text.split("\n\n") ?? [];
    expect(paragraphs).toContain(
      "3.1 The Supplier shall, in relation to any Personal Data: (3.1.2) ensure that: (b) it takes all reasonable steps to ensure the reliability of any Supplier Personnel and ensure that they: (ii) have undergone adequate training in the handling of Personal Data;",
    );
    expect(paragraphs).toContain("3.1 The Supplier shall, in relation to any Personal Data: (3.1.3) not transfer Personal Data outside of the United Kingdom unless the Buyer consents; and");
    expect(paragraphs).toContain("3.2 The Buyer may ask for a copy of the records.");
    // An item that opens a sentence of its own leads in alone.
    expect(paragraphs[paragraphs.length - 1]).toBe("C. Business Associate agrees that it shall: (1) use appropriate safeguards.");
  });

  test("an item joined to the next by '; or' opens no lead-in, so the next numbered clause stands alone", () => {
    const markdown = "7.1. The Customer shall not:\n\n(a) resell the Services; or\n\n(b) reverse engineer the Platform; or\n\n7.2. The Supplier shall permit the Customer to audit its compliance once a year.\n";
    const paragraphs = markdownToSections(markdown)[0]?.text.split("\n\n") ?? [];
    expect(paragraphs[paragraphs.length - 1]).toBe("7.2. The Supplier shall permit the Customer to audit its compliance once a year.");
  });

  test("the lead-in is the last sentence, even when it opens with a lower-case name", () => {
    const sections = markdownToSections("For Subscribers in the EU, whose data may be subject to GDPR, abcAssess acts as a processor. abcAssess commits to the following obligations:\n\n- Ensure that all personnel are bound by confidentiality.\n");
    expect(sections[0]?.text.split("\n\n")[1]).toBe("abcAssess commits to the following obligations: Ensure that all personnel are bound by confidentiality.");
  });
});

test("a sentence left unfinished before a list leads into its items", () => {
  const sections = markdownToSections("The Developer shall indemnify the Customer against all claims arising from any third party claim against the Customer\n\n1. based on any claim that the Software infringes a patent, or\n1. that alleges any negligent act of the Developer.\n");
  expect(sections[0]?.text).toContain("third party claim against the Customer (2) that alleges any negligent act of the Developer.");
});

test("open levels are kept to a real agreement's depth: past eight the outermost is dropped, so a text that only ever opens levels costs each item a bounded search", () => {
  const open: number[] = [];
  for (let level = 1; level <= 12; level++) openLevel(open, level);
  expect(open).toEqual([5, 6, 7, 8, 9, 10, 11, 12]);
});
