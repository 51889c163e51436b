import { describe, expect, test } from "vitest";
import { buildPassages, isHeadingLine, passageSection, splitSentences } from "@/lib/domain/legal/contract-passages";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";

describe("PDF pages", () => {
  const pages = [
    { number: 1, text: "ACME - MSA - CONFIDENTIAL\n7. SECURITY\n7.4 Security Incidents. The Supplier shall notify the Customer within twenty-\nfour (24) hours of becoming aware of a Security Inci-\nPage 1 of 2" },
    { number: 2, text: "ACME - MSA - CONFIDENTIAL\ndent affecting Customer Data. The notice shall describe the incident.\nPage 2 of 2" },
  ];
  const passages = buildPassages({ pages });

  test("running headers and page footers are dropped, hyphenation and the page break are joined, a number in words keeps its hyphen", () => {
    expect(passages[0]?.text).toBe("7.4 Security Incidents. The Supplier shall notify the Customer within twenty-four (24) hours of becoming aware of a Security Incident affecting Customer Data.");
  });
  test("a passage remembers the page it starts on, its heading and clause number", () => {
    expect(passages[0]).toMatchObject({ page: 1, heading: "7. SECURITY", clauseNumber: "7.4" });
    expect(passages[1]).toMatchObject({ page: 2, text: "The notice shall describe the incident." });
    expect(passageSection(passages[0]!)).toBe("7. SECURITY › 7.4");
  });
});

test("a number in words broken at its hyphen keeps it, so its value is read", () => {
  const [p] = buildPassages({ sections: [{ heading: null, text: "The Supplier shall notify the Customer within seventy-\ntwo hours of becoming aware of a Personal Data Breach." }] });
  expect(p?.text).toBe("The Supplier shall notify the Customer within seventy-two hours of becoming aware of a Personal Data Breach.");
});

test("a clause numbered with a closing point ('3.1.') is a numbered paragraph under its lead-in", () => {
  const text = "3. Processing. With respect to Personal Data, the Processor will:\n3.1. process it only on the Controller's instructions;\n3.2. notify the Controller without undue delay of any Personal Data Breach.";
  expect(buildPassages({ sections: [{ heading: null, text }] }).map((p) => [p.clauseNumber, p.text])).toEqual([
    // The run-in title joins its sentence, and the sentence leads in both items.
    ["3", "3. Processing. With respect to Personal Data, the Processor will:"],
    ["3.1", "3. Processing. With respect to Personal Data, the Processor will: 3.1. process it only on the Controller's instructions;"],
    ["3.2", "3. Processing. With respect to Personal Data, the Processor will: 3.2. notify the Controller without undue delay of any Personal Data Breach."],
  ]);
});

test("a hyphen before an upper-case word is kept and spaced (not a typesetting break)", () => {
  const [p] = buildPassages({ sections: [{ heading: null, text: "The Supplier shall comply with Schedule 4 -\nSecurity Requirements at all times." }] });
  expect(p?.text).toBe("The Supplier shall comply with Schedule 4 - Security Requirements at all times.");
});

test("DOCX sections keep their heading; table rows stand alone", () => {
  const passages = buildPassages({
    sections: [
      { heading: "8. Audit", text: "8.1 The Customer may audit the Supplier on 30 days' notice.\nItem | Detail\nLocation | Manila" },
    ],
  });
  expect(passages.map((p) => [p.heading, p.text])).toEqual([
    ["8. Audit", "8.1 The Customer may audit the Supplier on 30 days' notice."],
    ["8. Audit", "Item | Detail"],
    ["8. Audit", "Location | Manila"],
  ]);
});

describe("headings", () => {
  test.each([
    ["Section 8. Audit Rights", true],
    ["ARTICLE VI - DATA LOCATION AND SUBCONTRACTING", true],
    ["1. Subject matter and duration", true],
    ["SCHEDULE 4 - SECURITY REQUIREMENTS", true],
    ["12.2 EACH PARTY'S TOTAL CUMULATIVE LIABILITY ARISING OUT OF OR RELATING TO THIS AGREEMENT SHALL NOT EXCEED", false],
    ["1.1 Provider shall notify the Customer of any", false],
    ["The Supplier shall notify the Customer.", false],
    ["Item | Detail", false],
  ])("%s → %s", (line, expected) => {
    expect(isHeadingLine(line)).toBe(expected);
  });
});

test("sentences do not split at abbreviations or paragraph numbers, and run-in titles join their sentence", () => {
  const text = "7.4 Security Incidents. Provider (a U.S. company, e.g. Acme Inc.) shall notify Customer. 1. Routing. Conversations are routed by language.";
  expect(splitSentences(text).map((s) => text.slice(s.start, s.end).trim())).toEqual([
    "7.4 Security Incidents. Provider (a U.S. company, e.g. Acme Inc.) shall notify Customer.",
    "1. Routing. Conversations are routed by language.",
  ]);
});

describe("list items in plain text, PDF and DOCX", () => {
  test("each item is its own passage carrying the lead-in that governs it", () => {
    const passages = buildPassages({
      pages: [
        {
          number: 1,
          text: "9.3 Upon termination of the agreement between Acme and the Client:\n(a) the Client will return to Acme all its documents; and\n(b) Acme will return to the Client all Client Data.\n9.4 Fees paid are not refundable.",
        },
      ],
    });
    expect(passages.map((p) => p.text)).toEqual([
      "9.3 Upon termination of the agreement between Acme and the Client:",
      "9.3 Upon termination of the agreement between Acme and the Client: (a) the Client will return to Acme all its documents; and",
      "9.3 Upon termination of the agreement between Acme and the Client: (b) Acme will return to the Client all Client Data.",
      "9.4 Fees paid are not refundable.",
    ]);
  });

  test("bulleted items are separate passages with their lead-in, even when an item ends without punctuation", () => {
    const passages = buildPassages({
      pages: [{ number: 1, text: "On expiry of the Agreement the Supplier shall:\n• return all Customer Data\n• delete every copy within thirty days.\nFees paid are not refundable." }],
    });
    expect(passages.map((p) => p.text)).toEqual([
      "On expiry of the Agreement the Supplier shall:",
      "On expiry of the Agreement the Supplier shall: • return all Customer Data",
      "On expiry of the Agreement the Supplier shall: • delete every copy within thirty days.",
      "Fees paid are not refundable.",
    ]);
  });

  test("an underlined title (reStructuredText, setext) is the heading of what follows, not text", () => {
    const passages = buildPassages({
      sections: [{ heading: null, text: "Data Protection\n===============\n\nThe Processor shall notify the Controller of a breach within 48 hours.\n\n-----\n\nFees are due monthly." }],
    });
    expect(passages.map((p) => [p.heading, p.text])).toEqual([
      ["Data Protection", "The Processor shall notify the Controller of a breach within 48 hours."],
      ["Data Protection", "Fees are due monthly."],
    ]);
  });

  test("a paragraph without a colon opens no lead-in", () => {
    const passages = buildPassages({ sections: [{ heading: null, text: "The Supplier provides hosting.\n\n(a) Backups are kept for thirty days by the Supplier." }] });
    expect(passages.map((p) => p.text)).toEqual(["The Supplier provides hosting.", "(a) Backups are kept for thirty days by the Supplier."]);
  });

  test("a long sentence cut at its semicolons keeps its stem in every piece", () => {
    const item = (letter: string, what: string) => `(${letter}) ${what} ${"for any purpose other than the purpose for which the information was disclosed by the other party ".repeat(4)}`;
    const text = `The Recipient shall not ${item("a", "use the Confidential Information")}; or ${item("b", "disclose it to anyone other than its employees who have a need to know")}.`;
    const passages = buildPassages({ sections: [{ heading: null, text }] });
    expect(passages.length).toBe(2);
    expect(passages[1]?.text.startsWith("The Recipient shall not … or (b) disclose it")).toBe(true);
  });
});

describe("a blank line inside a sentence", () => {
  test("after a word no sentence ends on, the sentence continues in the next paragraph", () => {
    const passages = buildPassages({ sections: [{ heading: null, text: "9.1 Processor shall promptly and in any event within\n\n10 business days of the end of the Services delete all copies of the Personal Data." }] });
    expect(passages.map((p) => p.text)).toEqual(["9.1 Processor shall promptly and in any event within 10 business days of the end of the Services delete all copies of the Personal Data."]);
  });

  test("the same through Markdown", () => {
    const passages = buildPassages({ sections: markdownToSections("## Deletion\n\n9.1 Processor shall promptly and in any event within\n\n10 business days of the end of the Services delete all copies of the Personal Data.\n") });
    expect(passages.map((p) => p.text)).toEqual(["9.1 Processor shall promptly and in any event within 10 business days of the end of the Services delete all copies of the Personal Data."]);
  });

  test("a paragraph that ends on a full word, or a next one in capitals, stays apart", () => {
    expect(buildPassages({ sections: [{ heading: null, text: "The Supplier shall notify the Customer\n\nthe notice shall be in writing." }] })).toHaveLength(2);
    expect(buildPassages({ sections: [{ heading: null, text: "Fees are payable within\n\nSchedule 2 sets out the fees." }] })).toHaveLength(2);
  });
});

test("an item ending '; and' is followed by the next item, not joined to it", () => {
  const text = "Upon termination:\n\n(a) The Client will return the Company's property; and\n\n(b) The Company will return the Client's Confidential Information.";
  expect(buildPassages({ sections: [{ heading: null, text }] }).map((p) => p.text)).toEqual([
    "Upon termination:",
    "Upon termination: (a) The Client will return the Company's property; and",
    "Upon termination: (b) The Company will return the Client's Confidential Information.",
  ]);
});

describe("a condition's items complete its sentence", () => {
  const text =
    "The Supplier shall not move Customer Data out of Canada unless:\n\n(a) Canada's regulator has found the destination adequate;\n(b) approved model clauses are signed; or\n(c) the Customer has agreed in writing.";

  test("the items of an 'unless:' lead-in join it as one passage", () => {
    expect(buildPassages({ sections: [{ heading: null, text }] }).map((p) => p.text)).toEqual([
      "The Supplier shall not move Customer Data out of Canada unless: (a) Canada's regulator has found the destination adequate; (b) approved model clauses are signed; or (c) the Customer has agreed in writing.",
    ]);
  });

  test("the same through Markdown, where each item arrives already led in", () => {
    const markdown = "The Supplier shall not move Customer Data out of Canada unless:\n\n- the Customer has agreed in writing;\n- approved model clauses are signed.\n";
    expect(buildPassages({ sections: markdownToSections(markdown) }).map((p) => p.text)).toEqual([
      "The Supplier shall not move Customer Data out of Canada unless: the Customer has agreed in writing; approved model clauses are signed.",
    ]);
  });

  test("a lead-in that is no condition keeps its items apart", () => {
    const duties = "On termination the Supplier shall:\n\n(a) return the Customer Data; and\n(b) delete every copy.";
    expect(buildPassages({ sections: [{ heading: null, text: duties }] })).toHaveLength(3);
  });
});

describe("numbered clauses in plain text, PDF and DOCX text", () => {
  const texts = (text: string) => buildPassages({ sections: [{ heading: null, text }] }).map((p) => p.text);
  const schedule = [
    "3.1 The Supplier shall, in relation to any Personal Data:",
    "3.1.1 process that Personal Data only on the Buyer's instructions;",
    "3.1.2 ensure that:",
    "(a) the Supplier Personnel do not process Personal Data except under this Contract;",
    "(b) it takes all reasonable steps to ensure the reliability of any Supplier Personnel and ensure that they:",
    "(i) are subject to appropriate confidentiality undertakings; and",
    "(ii) have undergone adequate training in the handling of Personal Data;",
    "(c) it keeps a record of the Supplier Personnel with access;",
    "3.1.3 not transfer Personal Data outside of the United Kingdom; and",
    "3.2 The Buyer may ask for a copy of the records.",
    "3.2.1 Requests are made in writing.",
  ].join("\n\n");

  test("a clause numbered below one that opens a lead-in is read under it, and every lead-in above an item carries down", () => {
    const passages = texts(schedule);
    expect(passages).toContain("3.1 The Supplier shall, in relation to any Personal Data: 3.1.1 process that Personal Data only on the Buyer's instructions;");
    expect(passages).toContain(
      "3.1 The Supplier shall, in relation to any Personal Data: 3.1.2 ensure that: (b) it takes all reasonable steps to ensure the reliability of any Supplier Personnel and ensure that they: (ii) have undergone adequate training in the handling of Personal Data;",
    );
  });

  test("the next sibling closes the levels inside its elder: (c) after (b)'s items, 3.1.3 after 3.1.2's, 3.2 after 3.1's", () => {
    const passages = texts(schedule);
    expect(passages).toContain("3.1 The Supplier shall, in relation to any Personal Data: 3.1.2 ensure that: (c) it keeps a record of the Supplier Personnel with access;");
    expect(passages).toContain("3.1 The Supplier shall, in relation to any Personal Data: 3.1.3 not transfer Personal Data outside of the United Kingdom; and");
    expect(passages).toContain("3.2 The Buyer may ask for a copy of the records.");
    // 3.2 opens no lead-in, so 3.2.1 stands alone.
    expect(passages).toContain("3.2.1 Requests are made in writing.");
  });

  test("in a PDF's lines, with no blank line between clauses, a clause joined to the next by '; and' is followed by that clause", () => {
    const text = "4.1 The Supplier shall:\n4.1.1 not transfer Customer Data outside the United Kingdom; and\n4.1.2 delete Customer Data on termination of the Contract.";
    const passages = buildPassages({ pages: [{ number: 1, text }] }).map((p) => p.text);
    expect(passages).toEqual([
      "4.1 The Supplier shall:",
      "4.1 The Supplier shall: 4.1.1 not transfer Customer Data outside the United Kingdom; and",
      "4.1 The Supplier shall: 4.1.2 delete Customer Data on termination of the Contract.",
    ]);
  });

  test("a paragraph that is no numbered clause or item closes the numbered lead-ins", () => {
    const passages = texts("4.1 The Supplier shall:\n\n4.1.1 encrypt Customer Data at rest;\n\nThe parties agree the following further terms.\n\n4.1.2 The Customer keeps its passwords secret.");
    expect(passages[passages.length - 1]).toBe("4.1.2 The Customer keeps its passwords secret.");
  });
});

test("'§ 5 Place of Processing' on its own line is a heading, so in a PDF's lines the clause before it does not run on into it", () => {
  const text = "(6) The Contractor shall keep records of processing.\n§ 5 Place of Processing\n(1) Processing shall take place exclusively in the European Union.";
  const passages = buildPassages({ pages: [{ number: 1, text }] });
  expect(passages.map((p) => [p.heading, p.text])).toEqual([
    [undefined, "(6) The Contractor shall keep records of processing."],
    ["§ 5 Place of Processing", "(1) Processing shall take place exclusively in the European Union."],
  ]);
  expect(isHeadingLine("§ 11(2) the limitations agreed in the Main Agreement shall also apply")).toBe(false);
});

test("in a PDF's lines, 'c.' and 'd.' items are items, and a lettered paragraph's own lead-in closes at its next sibling", () => {
  const text = "1.1 The following terms have the following meaning:\nc. Sub-processor: another processor engaged by the Processor;\nd. Audit Right: the right of a party to verify compliance.\n2.1 The Processor shall comply with this Section.\nb. When the Processor engages a Sub-processor, it will:\n(i) flow down these terms.\nc. Penalties. Neither party is responsible for the other's fines.";
  const passages = buildPassages({ pages: [{ number: 1, text }] }).map((p) => p.text);
  expect(passages).toContain("1.1 The following terms have the following meaning: d. Audit Right: the right of a party to verify compliance.");
  expect(passages).toContain("b. When the Processor engages a Sub-processor, it will: (i) flow down these terms.");
  expect(passages[passages.length - 1]).toBe("c. Penalties. Neither party is responsible for the other's fines.");
});

describe("sentence boundaries on hostile text", () => {
  test("skipped boundaries ('No.', an inline '1.' after a colon) do not make the split re-read the text from the start", () => {
    for (const unit of ["No. ", "A: 1. "]) {
      const text = unit.repeat(80_000);
      const started = performance.now();
      splitSentences(text);
      // Re-reading from the sentence's start at every skipped boundary took over a minute on texts this long.
      expect(performance.now() - started, unit).toBeLessThan(2_000);
    }
  });

  test("only an inline list's first item keeps its lead-in; a number after a colon that ends a sentence does not", () => {
    const spans = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end).trim());
    expect(spans("Upon termination the Vendor shall: 1. Immediately return all Customer Data to the Customer.")).toHaveLength(1);
    expect(spans("The fees payable under this Schedule are listed in Annex: 12. The Vendor shall deliver the Services as described.")).toHaveLength(2);
  });
});
