import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import JSZip from "jszip";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { buildPassages } from "@/lib/domain/legal/contract-passages";
import { CONTRACT_MIME_TYPES, ContractTextExtractionError, contractMimeFor, extractContractText, MAX_CONTRACT_TEXT_CHARS } from "@/lib/server/contracts/extract-text";
import { AppError } from "@/lib/server/errors";
import type { ContractDocument } from "@/scripts/fixtures/contract-model";
import { renderDocx } from "@/scripts/fixtures/render-docx";
import { renderPdf } from "@/scripts/fixtures/render-pdf.mjs";

const fixture = async (name: string) => new Uint8Array(await readFile(path.resolve(__dirname, "../../fixtures/contracts", name)));

describe("PDF", () => {
  test("one entry per page, numbered from 1", async () => {
    const r = await extractContractText(await fixture("01-msa-us-northwind.pdf"), CONTRACT_MIME_TYPES.pdf);
    expect(r.format).toBe("pdf");
    expect(r.pages?.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.pages?.find((p) => p.text.includes("Section 8. Audit Rights"))?.number).toBe(6);
    expect(r.fullText).toContain("MASTER SERVICES AGREEMENT");
  });

  test("the caller's bytes are left intact", async () => {
    const bytes = await fixture("02-dpa-gdpr-meridian.pdf");
    const before = bytes.byteLength;
    await extractContractText(bytes, "application/pdf; charset=binary");
    expect(bytes.byteLength).toBe(before);
  });
});

describe("DOCX", () => {
  test("sections follow Word heading styles", async () => {
    const r = await extractContractText(await fixture("03-msa-uk-harbour.docx"), CONTRACT_MIME_TYPES.docx);
    const audit = r.sections?.find((s) => s.heading === "8. AUDIT");
    expect(audit?.text).toMatch(/^8\.1\s+The Supplier shall permit the Customer/);
    expect(r.sections?.[0]?.heading).toBe("CUSTOMER CONTACT SERVICES AGREEMENT");
  });

  test("tables become rows of cells", async () => {
    const r = await extractContractText(await fixture("08-amendment-harbour-incident-sla.docx"), CONTRACT_MIME_TYPES.docx);
    expect(r.fullText).toContain("Messaging (English) | £24.10 | 1,200 hours");
  });

  test("text in Word's Hidden font is no term of the contract", async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "7. Security Incidents", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun({ text: "7.0 The Supplier shall notify the Customer of any Security Incident within 24 hours.", vanish: true })] }),
            new Paragraph({ children: [new TextRun("7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days."), new TextRun({ text: " Or within one hour.", vanish: true })] }),
          ],
        },
      ],
    });
    const r = await extractContractText(new Uint8Array(await Packer.toBuffer(doc)), CONTRACT_MIME_TYPES.docx);
    expect(r.sections).toEqual([{ heading: "7. Security Incidents", text: "7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days." }]);
  });

  test("text hidden by a character or paragraph style (or a style based on one) is no term either; a run's own setting wins", async () => {
    const doc = new Document({
      styles: {
        characterStyles: [
          { id: "Quiet", name: "Quiet", run: { vanish: true } },
          { id: "QuieterStill", name: "Quieter still", basedOn: "Quiet", run: { italics: true } },
        ],
        paragraphStyles: [{ id: "DraftNote", name: "Draft note", run: { vanish: true } }],
      },
      sections: [
        {
          children: [
            new Paragraph({ text: "7. Security Incidents", heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun({ text: "7.0 The Supplier shall notify the Customer of any Security Incident within 24 hours.", style: "Quiet" })] }),
            new Paragraph({ style: "DraftNote", children: [new TextRun("7.0A The Supplier shall notify the Customer within one hour.")] }),
            new Paragraph({
              children: [
                new TextRun("7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days."),
                new TextRun({ text: " Or within two hours.", style: "QuieterStill" }),
                new TextRun({ text: " Shown despite its style.", style: "Quiet", vanish: false }),
              ],
            }),
          ],
        },
      ],
    });
    const r = await extractContractText(new Uint8Array(await Packer.toBuffer(doc)), CONTRACT_MIME_TYPES.docx);
    expect(r.sections).toEqual([
      { heading: "7. Security Incidents", text: "7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days. Shown despite its style." },
    ]);
  });

  test("hidden as Word decides it: properties with attributes, single quotes, the default paragraph style, the document defaults; a tracked change's former formatting is not in force", async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const docx = async (body: string, styles: string) => {
      const zip = new JSZip();
      zip.file("[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>`);
      zip.file("_rels/.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`);
      zip.file("word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`);
      zip.file("word/document.xml", `<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`);
      zip.file("word/styles.xml", `<?xml version="1.0"?><w:styles ${W}>${styles}</w:styles>`);
      const r = await extractContractText(new Uint8Array(await zip.generateAsync({ type: "nodebuffer" })), CONTRACT_MIME_TYPES.docx);
      return r.fullText;
    };
    const para = (text: string, pPr = "", rPr = "") => `<w:p>${pPr && `<w:pPr>${pPr}</w:pPr>`}<w:r>${rPr}<w:t>${text}</w:t></w:r></w:p>`;
    const shownBody = `<w:style w:type="paragraph" w:styleId="Body"><w:rPr><w:vanish w:val="0"/></w:rPr></w:style>`;
    expect(await docx(para("Shown.") + para("Within one hour.", "", `<w:rPr ><w:vanish/></w:rPr>`), "")).toBe("Shown.");
    expect(await docx(para("Shown.") + para("Within one hour.", `<w:pStyle w:val='Quiet'/>`), `<w:style w:type='paragraph' w:styleId='Quiet'><w:rPr><w:vanish/></w:rPr></w:style>`)).toBe("Shown.");
    expect(await docx(para("Shown.", `<w:pStyle w:val="Body"/>`) + para("Within one hour."), `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:vanish/></w:rPr></w:style>${shownBody}`)).toBe("Shown.");
    expect(await docx(para("Shown.", `<w:pStyle w:val="Body"/>`) + para("Within one hour."), `<w:docDefaults><w:rPrDefault><w:rPr><w:vanish/></w:rPr></w:rPrDefault></w:docDefaults>${shownBody}`)).toBe("Shown.");
    expect(await docx(para("Shown once hidden.", "", `<w:rPr><w:b/><w:rPrChange w:id="1" w:author="A"><w:rPr><w:vanish/></w:rPr></w:rPrChange></w:rPr>`), "")).toBe("Shown once hidden.");
  });

  test("a document built in memory", async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph({ text: "5. Sub-processors", heading: HeadingLevel.HEADING_1 }), new Paragraph("Prior written consent is required.")] }] });
    const r = await extractContractText(new Uint8Array(await Packer.toBuffer(doc)), CONTRACT_MIME_TYPES.docx);
    expect(r.sections).toEqual([{ heading: "5. Sub-processors", text: "Prior written consent is required." }]);
  });
});

describe("TXT", () => {
  test("form feeds become pages", async () => {
    const r = await extractContractText(await fixture("11-processor-terms-tidewater.txt"), "text/plain");
    expect(r.pages?.length).toBe(3);
  });
  test("without form feeds the text is one section", async () => {
    const r = await extractContractText(await fixture("05-sow-chat-cebu.txt"), "text/plain");
    expect(r.sections).toHaveLength(1);
    expect(r.sections?.[0]?.heading).toBeNull();
  });
  test("Windows-1252 exports are decoded rather than rejected", async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode("within 30 days"), 0x92, ...new TextEncoder().encode(" notice")]);
    const r = await extractContractText(bytes, "text/plain");
    expect(r.fullText).toBe("within 30 days’ notice");
  });

  test("UTF-16 with its byte-order mark (Notepad's 'Unicode') is text, not binary", async () => {
    const text = "The Supplier shall notify the Customer within 24 hours.";
    for (const [bom, encode] of [
      [[0xff, 0xfe], (c: number) => [c & 0xff, c >> 8]],
      [[0xfe, 0xff], (c: number) => [c >> 8, c & 0xff]],
    ] as const) {
      const bytes = new Uint8Array([...bom, ...[...text].flatMap((ch) => encode(ch.charCodeAt(0)))]);
      expect((await extractContractText(bytes, "text/plain")).fullText).toBe(text);
    }
  });
});

describe("files built to stall the reader are refused before they are parsed", () => {
  const refusal = (bytes: Uint8Array, mime: string) => extractContractText(bytes, mime).catch((e: unknown) => e);
  const encode = (text: string) => new TextEncoder().encode(text);

  test("Markdown nested thousands of levels deep (the parser recurses per level)", async () => {
    const quotes = `# Agreement\n\n${">".repeat(20_000)} The Supplier shall notify the Customer within 24 hours.\n`;
    const lists = Array.from({ length: 300 }, (_, i) => `${"  ".repeat(i)}- level ${i} shall ensure that:`).join("\n");
    for (const markdown of [quotes, lists]) {
      expect(await refusal(encode(markdown), CONTRACT_MIME_TYPES.md)).toMatchObject({ reason: "too_demanding", message: expect.stringMatching(/more than 24 levels deep/) });
    }
  });

  test("Markdown nested as deep as real contracts is read", async () => {
    const lists = Array.from({ length: 8 }, (_, i) => `${"  ".repeat(i)}- level ${i} shall ensure that:`).join("\n");
    expect((await extractContractText(encode(lists), CONTRACT_MIME_TYPES.md)).fullText).toContain("level 7 shall ensure that:");
  });

  test("HTML nested hundreds of thousands of elements deep", async () => {
    const html = `<html><body>${"<div>".repeat(100_000)}The Supplier shall notify the Customer.${"</div>".repeat(100_000)}</body></html>`;
    const started = performance.now();
    expect(await refusal(encode(html), CONTRACT_MIME_TYPES.html)).toMatchObject({ reason: "too_demanding", message: expect.stringMatching(/more than 512 levels deep/) });
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("more text than the finder reads: a text file by its size, before decoding; any contract by its text", async () => {
    const tooBig = new Uint8Array(MAX_CONTRACT_TEXT_CHARS * 4 + 1).fill(0x61);
    expect(await refusal(tooBig, "text/plain")).toMatchObject({ reason: "too_demanding", message: expect.stringMatching(/file is 11 MB; the clause finder reads up to 3 million characters/) });
    const justOver = new Uint8Array(MAX_CONTRACT_TEXT_CHARS + 1).fill(0x61);
    expect(await refusal(justOver, "text/plain")).toMatchObject({ reason: "too_demanding", message: expect.stringMatching(/holds 3\.0 million characters of text/) });
    const atTheLimit = new Uint8Array(MAX_CONTRACT_TEXT_CHARS).fill(0x61);
    expect((await extractContractText(atTheLimit, "text/plain")).fullText.length).toBe(MAX_CONTRACT_TEXT_CHARS);
  });
});

describe("errors are typed, user-safe and say what to do", () => {
  const pdfWithoutText = new TextEncoder().encode(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
  );
  test.each([
    ["a Word 97 file", new Uint8Array([1, 2, 3]), "application/msword", "unsupported_type", /PDF, DOCX, Markdown, HTML or plain text/],
    ["garbage sent as PDF", new TextEncoder().encode("hello"), "application/pdf", "corrupt_file", /not a valid PDF/],
    ["a truncated PDF", null, "application/pdf", "corrupt_file", /could not be read/],
    ["a scanned PDF with no text layer", pdfWithoutText, "application/pdf", "no_text", /no text layer/],
    ["garbage sent as DOCX", new TextEncoder().encode("hello"), CONTRACT_MIME_TYPES.docx, "corrupt_file", /not a valid DOCX/],
    ["a zip that is not a DOCX", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), CONTRACT_MIME_TYPES.docx, "corrupt_file", /could not be read/],
    ["binary sent as text", new Uint8Array([0x41, 0, 0x42]), "text/plain", "corrupt_file", /binary/],
    ["an empty text file", new Uint8Array([0x20, 0x0a]), "text/plain", "no_text", /empty/],
    [
      "a contract in German (the finder reads English only)",
      new TextEncoder().encode(
        "§ 1 Der Auftragnehmer verpflichtet sich, den Auftraggeber unverzüglich über jede Verletzung des Schutzes personenbezogener Daten zu informieren.\n\n§ 2 Nach Beendigung des Vertrages sind alle Daten des Auftraggebers zu löschen oder an den Auftraggeber zurückzugeben. Die Verarbeitung findet ausschließlich in der Europäischen Union statt.",
      ),
      "text/plain",
      "not_english",
      /not appear to be in English.*review this contract's clauses by hand/,
    ],
  ] as const)("%s", async (_label, bytes, mime, reason, message) => {
    const input = bytes ?? (await fixture("01-msa-us-northwind.pdf")).slice(0, 1500);
    const error = await extractContractText(input, mime).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContractTextExtractionError);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ reason, code: "VALIDATION" });
    expect((error as Error).message).toMatch(message);
  });
});

describe("Markdown and HTML contracts", () => {
  test("HTML a browser would not show is no term of the contract: the hidden attribute, an inline style, a class a style block hides", async () => {
    const html = [
      "<html><head><style>@media print { .shown { display: none } } p.fine-print, .x { display: none }</style></head><body><h2>7. Security Incidents</h2>",
      "<p hidden>7.0 The Supplier shall notify the Customer of any Security Incident within 24 hours.</p>",
      '<div style="color: red; display:none"><p>The Supplier shall notify the Customer within one (1) hour.</p></div>',
      '<p class="x">The Supplier shall notify the Customer within 2 hours.</p>',
      '<p style="visibility: hidden">The Supplier shall notify the Customer within 4 hours.</p>',
      "<p>7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days.</p>",
      '<p class="shown">7.2 The notice shall describe the incident.<br hidden> It shall name a contact.</p>',
      "</body></html>",
    ].join("");
    const text = await extractContractText(new TextEncoder().encode(html), "text/html");
    expect(text.sections).toEqual([
      { heading: "7. Security Incidents", text: "7.1 The Supplier shall notify the Customer of any Security Incident within thirty (30) days.\n\n7.2 The notice shall describe the incident. It shall name a contact." },
    ]);
  });

  test("Markdown is read with its headings and list lead-ins", async () => {
    const md = "# Terms\n\n## 7. Security\n\nThe **Supplier** shall:\n\n- keep logs;\n- notify the Client of a _Security Breach_ within 24 hours.\n";
    const text = await extractContractText(new TextEncoder().encode(md), "text/markdown");
    expect(text.format).toBe("md");
    expect(text.sections?.find((s) => s.heading === "7. Security")?.text).toContain("The Supplier shall: notify the Client of a Security Breach within 24 hours.");
  });

  test("HTML is read with a parser: headings, entities, no script text, list items keep their lead-in", async () => {
    const html = "<html><head><title>x</title><script>var notify = 'Security Breach';</script></head><body><h2>9. Exit</h2><p>On termination the Supplier shall:</p><ul><li>return all Client Data &amp; copies;</li><li>delete it within 30&nbsp;days.</li></ul></body></html>";
    const text = await extractContractText(new TextEncoder().encode(html), "text/html");
    expect(text.format).toBe("html");
    expect(text.fullText).not.toContain("var notify");
    expect(text.sections).toEqual([
      { heading: "9. Exit", text: "On termination the Supplier shall:\n\nOn termination the Supplier shall: return all Client Data & copies;\n\nOn termination the Supplier shall: delete it within 30 days." },
    ]);
    // Each item is its own passage with its lead-in once, not one run-on passage of all items.
    expect(buildPassages(text).map((p) => p.text)).toEqual([
      "On termination the Supplier shall:",
      "On termination the Supplier shall: return all Client Data & copies;",
      "On termination the Supplier shall: delete it within 30 days.",
    ]);
  });

  test("a .md or .html file stored as plain text is read by its name; other types are refused", () => {
    expect(contractMimeFor("text/plain; charset=utf-8", "msa.md")).toBe("text/markdown");
    expect(contractMimeFor("text/plain", "dpa.HTML")).toBe("text/html");
    expect(contractMimeFor("text/plain", "notes.txt")).toBe("text/plain");
    expect(contractMimeFor("image/png", "scan.md")).toBeUndefined();
    expect(contractMimeFor(undefined, "terms.docx")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(contractMimeFor(undefined, "terms.rtf")).toBeUndefined();
  });
});

describe("a schedule numbered three levels deep, as a PDF and a Word file", () => {
  const items: [string, string][] = [
    ["3.1", "The Supplier shall, in relation to any Personal Data processed under this Contract:"],
    ["3.1.1", "process that Personal Data only in accordance with Annex 1;"],
    ["3.1.2", "ensure that:"],
    ["(a)", "the Supplier Personnel do not process Personal Data except in accordance with this Contract;"],
    ["(b)", "it takes all reasonable steps to ensure the reliability and integrity of any Supplier Personnel who have access to the Personal Data and ensure that they:"],
    ["(i)", "are subject to appropriate confidentiality undertakings with the Supplier or any Subprocessor; and"],
    ["(ii)", "have undergone adequate training in the use, care, protection and handling of Personal Data;"],
    ["3.1.3", "at the written direction of the Buyer, delete or return Personal Data to the Buyer on termination of the Contract."],
  ];
  const schedule = (format: "pdf" | "docx"): ContractDocument => ({
    name: "deep-schedule",
    title: "Schedule 20 (Processing Personal Data)",
    blocks: [{ kind: "heading", text: "3. SUPPLIER'S OBLIGATIONS", level: 2 }, ...items.map(([num, text]) => ({ kind: "para" as const, num, text }))],
    format,
    pdf: { size: "A4", font: "Helvetica", fontSize: 10, marginPt: 56, footer: "page-of" },
    docx: { headingStyles: true },
  });

  test.each([
    ["pdf", () => renderPdf(schedule("pdf"))],
    ["docx", () => renderDocx(schedule("docx"))],
  ] as const)("%s: the staff's confidentiality and training are read under 'The Supplier shall'", async (format, render) => {
    const extracted = await extractContractText(await render(), CONTRACT_MIME_TYPES[format]);
    const proposals = findClauses({ pages: extracted.pages, sections: extracted.sections });
    for (const code of ["agent_access_confidentiality", "security_training", "data_return_deletion"]) expect(proposals.find((p) => p.clauseCode === code)?.found, code).toBe(true);
  });
});

describe("a table in a PDF", () => {
  const rows = [
    ["Activity", "Responsible party", "Timing"],
    ["Notify the other party of any Security Incident affecting Customer Data", "Supplier", "Within 24 hours of becoming aware"],
    ["Return or delete all Customer Data and certify the deletion in writing", "Supplier", "Within 30 days after termination"],
    ["Provide the list of approved sub-processors", "Customer", "Before the Effective Date"],
  ];
  const schedule: ContractDocument = {
    name: "responsibility-matrix",
    title: "Schedule 4 (Security)",
    blocks: [
      { kind: "heading", text: "1. Responsibilities", level: 2 },
      { kind: "para", num: "1.1", text: "Each party shall perform the activities allocated to it in the table below, which forms part of this Schedule and binds both parties from the Effective Date." },
      { kind: "table", header: true, rows },
      { kind: "para", num: "1.2", text: "The Supplier shall ensure that all agents complete security awareness training before they are given access to Customer Data." },
    ],
    format: "pdf",
    pdf: { size: "A4", font: "Helvetica", fontSize: 10, marginPt: 56, footer: "page-of" },
    docx: { headingStyles: true },
  };

  test("each row reads as one line of cells, wrapped cells whole, the text around it as before", async () => {
    const { fullText } = await extractContractText(await renderPdf(schedule), CONTRACT_MIME_TYPES.pdf);
    const lines = fullText.split("\n");
    for (const row of rows) expect(lines).toContain(row.join(" | "));
    expect(lines).toContain("1. Responsibilities");
    expect(fullText).toMatch(/\n1\.2 The Supplier shall ensure that all agents complete security awareness training before they are given access\nto Customer Data\./);
  });

  test("the finder quotes the row, not the table and the clause after it", async () => {
    const extracted = await extractContractText(await renderPdf(schedule), CONTRACT_MIME_TYPES.pdf);
    const proposals = findClauses({ pages: extracted.pages });
    const incident = proposals.find((p) => p.clauseCode === "incident_notification");
    expect(incident?.passages.map((p) => p.quote)).toEqual([rows[1]!.join(" | ")]);
    expect(incident?.value).toMatchObject({ kind: "hours", hours: 24 });
    expect(proposals.find((p) => p.clauseCode === "data_return_deletion")?.passages.map((p) => p.quote)).toEqual([rows[2]!.join(" | ")]);
    expect(proposals.find((p) => p.clauseCode === "security_training")?.passages[0]?.quote).toMatch(/^1\.2 The Supplier shall ensure/);
  });
});
