import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { findingKey, type Finding } from "@/lib/domain/findings/finding";
import { formatScore } from "@/lib/domain/scoring/format";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { renderAssessmentPdf } from "@/lib/server/pdf/assessment-report";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { signOffAssessment } from "@/lib/server/services/assessments/sign-off";
import { submitAssessment } from "@/lib/server/services/assessments/submit";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { createRiskAcceptance } from "@/lib/server/services/risk-acceptance";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { buildAssessedVendor, day } from "../assessments/build-vendor";
import { DEMO_BY_BAND, importDemoVendor } from "../assessments/demo-vendor";

// The assessment PDF read back as a person would: pdftotext (poppler) must find
// the vendor, the score as printed everywhere, every finding's message and
// every sign-off; page 1 is rasterised with pdftoppm and kept in
// tests/artifacts/ (gitignored) for a human to look at.

const ARTIFACTS = path.resolve(__dirname, "../../artifacts");

/** Text without any whitespace: table cells and wrapped lines break sentences anywhere. */
const squash = (s: string) => s.replace(/\s+/g, "");

forEachProvider("assessment PDF", (t) => {
  let tmp: string;

  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "assay-pdf-"));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("contains the vendor, the score, every finding and every sign-off; page 1 renders as an image", async () => {
    const procurement = await makeActor("procurement");
    const legal = await makeActor("legal");
    const security = await makeActor("security");
    // A High-rated vendor (a blocker): approving it needs a recorded risk acceptance (docs/assessments.md), which the PDF then shows.
    const vendor = await importDemoVendor(DEMO_BY_BAND.high, "Harbour Contact Ltd", security.id);
    const draft = await createAssessment({ actor: procurement, input: { vendorId: vendor.id } });
    expect(draft.rating).toBe("high");
    const submitted = await submitAssessment({ actor: procurement, input: { assessmentId: draft.id, lockVersion: draft.lockVersion, comment: "Ready for the quarterly review" } });
    const serious = (draft.findings as unknown as Finding[]).filter((f) => f.severity === "blocker" || f.severity === "high");
    await createRiskAcceptance({
      actor: security,
      input: { assessmentId: draft.id, reason: "Board accepted the transfer risk until SCCs are signed.", findingKeys: serious.map(findingKey), expiresOn: day(new Date(), 1) },
    });
    const afterLegal = await signOffAssessment({
      actor: legal,
      input: {
        assessmentId: draft.id,
        lockVersion: submitted.lockVersion,
        decision: "approve_with_conditions",
        comment: "Approve once the SLA amendment is signed.",
        conditions: [{ title: "Sign the incident SLA amendment", ownerId: legal.id, dueDate: day(new Date(), 1) }],
      },
    });
    await signOffAssessment({ actor: security, input: { assessmentId: draft.id, lockVersion: afterLegal.lockVersion, decision: "approve", comment: "Controls acceptable for now." } });

    const pdf = await renderAssessmentPdf(draft.id);
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(tmp, `report-${t.provider}.pdf`);
    fs.writeFileSync(file, pdf);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
    const flat = squash(text);

    expect(text).toContain("Harbour Contact Ltd");
    const score = (draft.score as unknown as { final: number }).final;
    expect(text).toContain(formatScore(score));
    const findings = draft.findings as unknown as Finding[];
    expect(findings.length).toBeGreaterThan(3);
    expect(findings.some((f) => f.severity === "blocker")).toBe(true);
    const missing = findings.filter((f) => !flat.includes(squash(f.message))).map((f) => f.message);
    expect(missing, "finding messages missing from the PDF").toEqual([]);

    const names = [procurement.name, legal.name, security.name];
    for (const expected of [
      ...names,
      "Submitted for review",
      "Approve with conditions",
      "Ready for the quarterly review",
      "Approve once the SLA amendment is signed.",
      "Controls acceptable for now.",
      "Sign the incident SLA amendment",
      "Risk acceptance",
      "Board accepted the transfer risk until SCCs are signed.",
    ]) {
      expect(flat, `the PDF should contain "${expected}"`).toContain(squash(expected));
    }
    expect(text).toMatch(/Page 1 of \d+/);
    expect(text).toContain("Approved with conditions");

    // Frozen: a later dossier change does not reach the report of version 1.
    await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "IN", city: "Thiruvananthapuram", mode: "onsite", headcount: 12 } } });
    const again = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: await renderAssessmentPdf(draft.id), encoding: "utf8" });
    expect(again).not.toContain("Thiruvananthapuram");
    expect(squash(again)).toContain(squash(findings[0]!.message));

    const prefix = path.join(ARTIFACTS, `assessment-report-page1-${t.provider}`);
    fs.rmSync(`${prefix}.png`, { force: true });
    execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", file, prefix]);
    const png = fs.readFileSync(`${prefix}.png`);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    // A4 at 60 dpi is about 496 × 702 pixels; a blank page compresses to well under 5 KB.
    expect(png.readUInt32BE(16)).toBeGreaterThan(400);
    expect(png.readUInt32BE(20)).toBeGreaterThan(600);
    expect(png.length).toBeGreaterThan(15_000);
  });

  it("concurrent renders (one react-pdf root, taken in turns) each get their own report", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const names = ["Concurrent Alpha Ltd", "Concurrent Beta Ltd", "Concurrent Gamma Ltd"];
    const ids: string[] = [];
    for (const name of names) {
      const { vendor } = await buildAssessedVendor({ procurement, security }, name);
      ids.push((await createAssessment({ actor: procurement, input: { vendorId: vendor.id } })).id);
    }
    const pdfs = await Promise.all(ids.map((id) => renderAssessmentPdf(id)));
    pdfs.forEach((pdf, i) => {
      const text = execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8" });
      expect(text).toContain(names[i]);
      for (const other of names.filter((_, j) => j !== i)) expect(text).not.toContain(other);
    });
  });
});
