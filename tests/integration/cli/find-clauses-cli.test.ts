import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import { describe, expect, it } from "vitest";
import { calibratedConfidence, FINDER_CALIBRATION } from "@/lib/domain/legal/finder-calibration";
import { runCli } from "./run-cli";

// `npm run cli -- find-clauses`, run as a child process on real files written
// here (Markdown, HTML, a DOCX built with the docx package): the same
// extraction and finder as the upload. No database.

const tmp = mkdtempSync(path.join(os.tmpdir(), "assay-find-clauses-"));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(tmp, name);
  writeFileSync(p, content);
  return p;
};

const MARKDOWN = [
  "# Services Agreement",
  "## 8. Audit",
  "The **Customer** may audit the Supplier's premises and systems on ten (10) days' notice.",
  "## 9. Security",
  "The Supplier shall:",
  "- keep access logs;\n- notify the Customer of any _Security Breach_ within twenty-four (24) hours.",
  "## 10. Liability",
  "The liability of each party is subject to the limitations of liability set out in the Agreement.",
  "The Supplier shall not indemnify the Customer for any Security Breach.",
].join("\n\n");

interface Clause {
  code: string;
  status: string;
  confidence: number;
  value: { kind: string; hours?: number; days?: number } | null;
  passages: { quote: string; page: number | null; section: string | null }[];
  exclusion: { quote: string } | null;
}
const byCode = (stdout: string) => {
  const out = JSON.parse(stdout) as { version: number; format: string; clauses: Clause[] };
  return { out, clause: (code: string) => out.clauses.find((c) => c.code === code)! };
};

describe("find-clauses CLI", () => {
  it("reads a Markdown contract: present, by reference, excluded, absent, with values, sections and calibrated confidence", async () => {
    const run = await runCli(["find-clauses", file("msa.md", MARKDOWN), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const { out, clause } = byCode(run.stdout);
    expect(out).toMatchObject({ version: 1, format: "md" });
    expect(out.clauses).toHaveLength(10);
    expect(clause("right_to_audit")).toMatchObject({ status: "present", value: { kind: "days", days: 10 } });
    expect(clause("right_to_audit").passages[0]).toMatchObject({ section: "8. Audit", page: null });
    expect(clause("incident_notification")).toMatchObject({ status: "present", value: { kind: "hours", hours: 24 } });
    expect(clause("incident_notification").passages[0]?.quote).toBe("The Supplier shall: notify the Customer of any Security Breach within twenty-four (24) hours.");
    expect(clause("liability_cap").status).toBe("by_reference");
    expect(clause("liability_indemnification")).toMatchObject({ status: "absent", exclusion: { quote: "The Supplier shall not indemnify the Customer for any Security Breach." } });
    expect(clause("cyber_insurance")).toMatchObject({ status: "absent", passages: [], exclusion: null });
    expect(out.clauses.every((c) => c.confidence > 0 && c.confidence < 1)).toBe(true);
    // What the figure rests on: the calibration table's own count for the clause and its bucket.
    const basis = (code: string) => (clause(code) as Clause & { confidenceBasis: unknown }).confidenceBasis;
    expect(basis("liability_cap")).toEqual({ proposals: FINDER_CALIBRATION.cells.liability_cap!.by_reference!.proposals, pooled: false });
    const text = (await runCli(["find-clauses", file("msa-text.md", MARKDOWN)])).stdout;
    const fewCap = FINDER_CALIBRATION.cells.liability_cap!.by_reference!.proposals;
    const capShare = Math.round(calibratedConfidence("liability_cap", "by_reference") * 100);
    expect(text).toContain(`Liability cap [liability_cap]: BY REFERENCE (${capShare}% of such proposals right on real contracts; from ${fewCap} proposal${fewCap === 1 ? "" : "s"})`);
    expect(text).toMatch(/\[liability_indemnification\]: absent, EXCLUDED by the contract \(\d+% of such proposals right on real contracts; exclusions not measured apart\)/);
    expect((JSON.parse(run.stdout) as { sccs: unknown }).sccs).toBeNull();
  });

  it("reports the SCCs a DPA incorporates, in JSON and in text", async () => {
    const dpa = [
      "## 9. Transfers",
      "The Standard Contractual Clauses adopted by Commission Implementing Decision (EU) 2021/914 apply: Modules Two and Three, with the International Data Transfer Addendum.",
    ].join("\n\n");
    const json = await runCli(["find-clauses", file("dpa.md", dpa), "--json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { sccs: unknown }).sccs).toMatchObject({ set: "2021", modules: [2, 3], dockingClause: false, ukAddendum: true });
    const text = await runCli(["find-clauses", file("dpa.md", dpa)]);
    expect(text.stdout).toContain("SCCs: This contract incorporates the 2021 SCCs (Implementing Decision (EU) 2021/914), modules two and three, with the UK Addendum;");
  });

  it("says what the contract states about itself: title, type, effective date, law, parties", async () => {
    const msa = [
      "# MASTER SERVICES AGREEMENT",
      'This Agreement is entered into as of June 30, 2025 between Lumen Contact Ltd ("Supplier") and Northwind Retail plc ("Customer").',
      "## 20. Governing law",
      "This Agreement is governed by the laws of England and Wales.",
    ].join("\n\n");
    const json = await runCli(["find-clauses", file("facts.md", msa), "--json"]);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as { facts: unknown }).facts).toEqual({
      title: "Master Services Agreement",
      type: "msa",
      effectiveDate: "2025-06-30",
      governingLaw: "England and Wales",
      parties: ["Lumen Contact Ltd", "Northwind Retail plc"],
    });
    const text = await runCli(["find-clauses", file("facts.md", msa)]);
    expect(text.stdout).toContain("title: Master Services Agreement; effective: 2025-06-30; law: England and Wales; parties: Lumen Contact Ltd and Northwind Retail plc");
  });

  it("reads HTML and DOCX through the same extraction as the upload", async () => {
    const html = "<h2>Exit</h2><p>On termination of the Agreement the Supplier shall:</p><ol><li>return all Customer Data;</li><li>delete all copies within thirty (30) days.</li></ol>";
    const htmlRun = await runCli(["find-clauses", file("exit.html", html), "--json"]);
    expect(htmlRun.code).toBe(0);
    // Each list item is its own passage, quoted with its lead-in once.
    expect(byCode(htmlRun.stdout).clause("data_return_deletion")).toMatchObject({
      status: "present",
      passages: [
        { section: "Exit", quote: "On termination of the Agreement the Supplier shall: return all Customer Data;" },
        { section: "Exit", quote: "On termination of the Agreement the Supplier shall: delete all copies within thirty (30) days." },
      ],
    });

    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "7. Incidents", heading: HeadingLevel.HEADING_1 }),
            new Paragraph("The Processor shall notify the Controller of a Personal Data Breach within 48 hours."),
          ],
        },
      ],
    });
    const docxRun = await runCli(["find-clauses", file("dpa.docx", new Uint8Array(await Packer.toBuffer(docx)))]);
    expect(docxRun.code).toBe(0);
    expect(docxRun.stdout).toMatch(/Incident notification SLA \[incident_notification\]: PRESENT \(\d+% of such proposals right on real contracts\)\s+value: 48 hours/);
    expect(docxRun.stdout).toContain('"The Processor shall notify the Controller of a Personal Data Breach within 48 hours." (7. Incidents)');
  });

  it.each([
    ["an unsupported type", () => file("terms.rtf", "{\\rtf1 hello}"), /unsupported file type/],
    ["a missing file", () => path.join(tmp, "nope.pdf"), /nope\.pdf: cannot be read \(no such file\)/],
    ["a folder", () => (mkdirSync(path.join(tmp, "folder.md"), { recursive: true }), path.join(tmp, "folder.md")), /cannot be read \(it is a folder, not a file\)/],
    ["a file that is not the PDF it claims to be", () => file("fake.pdf", "hello"), /not a valid PDF/],
    ["an empty Markdown file", () => file("empty.md", "\n\n"), /contains no text/],
    [
      "a contract in Dutch",
      () => file("verwerkersovereenkomst.md", "# Verwerkersovereenkomst\n\nDe verwerker meldt elk incident met betrekking tot persoonsgegevens onmiddellijk aan de opdrachtgever. Na het einde van de overeenkomst worden alle gegevens van de opdrachtgever vernietigd of teruggegeven.\n"),
      /verwerkersovereenkomst\.md: This contract does not appear to be in English/,
    ],
  ])("%s exits 2 with a clear message", async (_what, make, message) => {
    const run = await runCli(["find-clauses", make(), "--json"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(message);
  });

  it("reads a relative path from the folder it was run in, as npm says it was (INIT_CWD)", async () => {
    file("relative.md", MARKDOWN);
    const run = await runCli(["find-clauses", "relative.md", "--json"], { INIT_CWD: tmp });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(byCode(run.stdout).clause("right_to_audit").status).toBe("present");
  });

  it("reads a file whose name starts with '-' after '--', with --json before it", async () => {
    file("-notes.md", MARKDOWN);
    const run = await runCli(["find-clauses", "--json", "--", "-notes.md"], { INIT_CWD: tmp });
    expect(run.stderr).toBe("");
    expect(byCode(run.stdout).out.format).toBe("md");
    expect((await runCli(["find-clauses", "-notes.md"], { INIT_CWD: tmp })).stderr).toMatch(/unknown option -notes\.md/);
  });

  it("prints a contract's control characters and direction overrides as codes, so the text cannot rewrite the terminal", async () => {
    const hostile = file("hostile.txt", "The Supplier shall notify the Customer of any Security Incident within 720 hours\u001b[2K\u001b[1A\r24 hours \u202e.\n");
    const run = await runCli(["find-clauses", hostile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("within 720 hours<U+001B>[2K<U+001B>[1A 24 hours <U+202E>.");
    expect(run.stdout).not.toMatch(/[\u001b\u202e]/);
  });

  it("bad usage exits 2", async () => {
    const run = await runCli(["find-clauses"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("usage: find-clauses");
  });
});
