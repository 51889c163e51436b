import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import { beforeAll, expect, it } from "vitest";
import type { Finding } from "@/lib/domain/findings/finding";
import type { ScoreResult } from "@/lib/domain/scoring/types";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { renderAssessmentPdf } from "@/lib/server/pdf/assessment-report";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { updateOrganisationName, uploadOrganisationLogo } from "@/lib/server/services/organisation";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";
import { buildAssessedVendor } from "../assessments/build-vendor";

// The PDF as a committee reads it (docs/rules.md §10), read back with
// pdftotext: no internal reference shows through (matched against the list
// below), unknown checks are one grouped list, the cover names the
// organisation, a vendor named in Greek, Cyrillic and CJK prints in its own
// script, and a snapshot older than the dossier says so on page 1.

/** Things only the team knows: working documents, rule codes, implementation notes. */
const INTERNAL_REFERENCES = [
  "Seed 0",
  "docs/rules.md",
  "docs/",
  "Issue 4",
  "issue 5",
  "control.unknown",
  "Finder patterns",
  "regular expression",
  "no_assurance",
  "Unknown · 0",
  "Rule:",
];

/** Text without whitespace or hyphens: cells wrap anywhere, and pdftotext drops a hyphen at a line end. */
const squash = (s: string) => s.replace(/[\s-]+/g, "");
const pdfText = (pdf: Buffer) => execFileSync("pdftotext", ["-enc", "UTF-8", "-", "-"], { input: pdf, encoding: "utf8" });

/** A real 2 × 2 PNG (IHDR, IDAT, IEND with their CRCs), made here so the test needs no binary fixture. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (b: Buffer) => {
    let c = 0xffffffff;
    for (const byte of b) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const rows = Buffer.from([0, 31, 78, 140, 31, 78, 140, 0, 31, 78, 140, 31, 78, 140]);
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(rows)), chunk("IEND", Buffer.alloc(0))]);
}

forEachProvider("committee PDF", (t) => {
  beforeAll(async () => {
    await ensureSettings();
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
  });

  it("shows no internal reference, groups missing evidence, names the organisation and prints Greek, Cyrillic, Chinese, Japanese and Korean names", async () => {
    const admin = await makeActor("admin");
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const organisation = `Ωmega Risk Office ${t.provider}`;
    await updateOrganisationName({ actor: admin, input: { name: organisation } });
    await uploadOrganisationLogo({ actor: admin, file: { name: "logo.png", bytes: tinyPng() } });

    const vendorName = `Ωμέγα Ромашка 北京数据服务 株式会社 서울고객센터 ${t.provider}`;
    const { vendor } = await buildAssessedVendor({ procurement, security }, vendorName);
    const assessment = await createAssessment({ actor: procurement, input: { vendorId: vendor.id } });
    const pdf = await renderAssessmentPdf(assessment.id);
    const text = pdfText(pdf);
    const flat = squash(text);
    // The logo is drawn on the cover: page 1 holds one 2 × 2 image.
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), "assay-committee-")), "report.pdf");
    writeFileSync(file, pdf);
    const images = execFileSync("pdfimages", ["-list", "-f", "1", "-l", "1", file], { encoding: "utf8" }).trim().split("\n").slice(2);
    expect(images).toHaveLength(1);
    expect(images[0]).toMatch(/^\s*1\s+\d+\s+image\s+2\s+2\b/);

    // Every script of the vendor's name comes back as text, not as missing glyphs.
    for (const word of ["Ωμέγα", "Ромашка", "北京数据服务", "株式会社", "서울고객센터"]) expect(text).toContain(word);
    expect(text).toContain(organisation);
    expect(text).toMatch(/Recommendation/i);

    const findings = assessment.findings as unknown as Finding[];
    const score = assessment.score as unknown as ScoreResult;
    const codes = [...new Set([...findings.map((f) => f.code), ...score.checks.map((c) => c.code)])];
    const leaked = [...INTERNAL_REFERENCES, ...codes].filter((ref) => text.includes(ref));
    expect(leaked, "internal references printed in the PDF").toEqual([]);

    // No control was assessed: each unknown check is listed once, under one heading, with what is needed.
    const unknown = score.checks.filter((c) => c.result === "unknown");
    expect(unknown.length).toBeGreaterThan(10);
    expect(text).toContain(`Evidence not yet provided (${unknown.length})`);
    const missing = unknown.filter((c) => !flat.includes(squash(c.title)));
    expect(missing.map((c) => c.title)).toEqual([]);

    // Arithmetic with units: weights in per cent, contributions in points.
    expect(text).toMatch(/× 15% weight/);
    expect(text).toMatch(/= \d+\.\d points/);
    expect(text).not.toContain("changed since this snapshot");

    // The dossier moves on: page 1 of the same version now says so.
    await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "IN", city: "Pune", mode: "onsite", headcount: 12 } } });
    const after = pdfText(await renderAssessmentPdf(assessment.id));
    const firstPage = after.split("\f")[0]!;
    expect(squash(firstPage)).toContain(squash("The dossier has changed since this snapshot was taken (Delivery sites)"));
    expect(after).not.toContain("Pune");
  });

  it("a file that is not a whole PNG or JPEG is refused next to the field and the stored logo stays", async () => {
    const admin = await makeActor("admin");
    await uploadOrganisationLogo({ actor: admin, file: { name: "logo.png", bytes: tinyPng() } });
    const before = await t.db.orgSettings.findUniqueOrThrow({ where: { id: 1 }, select: { logoSha256: true } });
    const pdfAsPng = Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n");
    await expect(uploadOrganisationLogo({ actor: admin, file: { name: "logo.png", bytes: pdfAsPng } })).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { logo: "The logo must be a PNG or JPEG image." } });
    const cut = tinyPng().subarray(0, 40);
    await expect(uploadOrganisationLogo({ actor: admin, file: { name: "logo.png", bytes: cut } })).rejects.toMatchObject({ code: "VALIDATION" });
    const after = await t.db.orgSettings.findUniqueOrThrow({ where: { id: 1 }, select: { logoSha256: true } });
    expect(after.logoSha256).toBe(before.logoSha256);
    await expect(updateOrganisationName({ actor: admin, input: { name: "   " } })).rejects.toMatchObject({ fieldErrors: { name: "Enter the organisation's name" } });
  });
});
