import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evidenceRecordStates } from "@/lib/domain/assurance/record-states";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { dossierSchema } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { ROOT, runCli } from "./run-cli";

// `npm run cli -- score`, run as a child process: no database involved.

const TYPICAL = path.join(ROOT, "tests/fixtures/dossiers/typical.json");
const MALFORMED = path.join(ROOT, "tests/fixtures/dossiers/malformed.json");
const tmp = mkdtempSync(path.join(os.tmpdir(), "assay-score-cli-"));

describe("score CLI", () => {
  it("scores the fixture dossier and prints the findings and the full score as JSON", async () => {
    const run = await runCli(["score", TYPICAL, "--now", "2026-11-22"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(Object.keys(out)).toEqual(["findings", "score", "records"]);
    expect(out.findings.map((f: { code: string }) => f.code)).toContain("legal.transfer.no_mechanism");
    const expected = scoreVendor(dossierSchema.parse(JSON.parse(readFileSync(TYPICAL, "utf8"))), DEFAULT_SETTINGS, new Date("2026-11-22T00:00:00Z"));
    expect(out.score).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(out.score.arithmetic.at(-1)).toBe("Final 59.0 → High");
    expect(out.score.scoredAt).toBe("2026-11-22T00:00:00.000Z");
    const dossier = dossierSchema.parse(JSON.parse(readFileSync(TYPICAL, "utf8")));
    expect(out.records).toEqual(evidenceRecordStates(dossier, DEFAULT_SETTINGS, new Date("2026-11-22T00:00:00Z")));
    expect(out.records.length).toBe(dossier.soc2Reports.length + dossier.isoCertificates.length + dossier.pentests.length + dossier.insurancePolicies.length + dossier.incidentResponsePlans.length + dossier.continuityPlans.length);
  });

  it("a malformed dossier exits 2 and names each bad field by its JSON path", async () => {
    const run = await runCli(["score", MALFORMED, "--now", "2026-11-22"]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("$.soc2Reports[0].periodEnd: Use a real date in the form YYYY-MM-DD");
    expect(run.stderr).toContain("$.kpis[1].phishingFailurePct: A percentage cannot exceed 100");
    expect(run.stderr).toContain("$.profile.country:");
    expect(run.stderr).toContain("$.legal.clauseReviews[1].hours:");
  });

  it("cross-field problems are reported with their paths too", async () => {
    const d = JSON.parse(readFileSync(TYPICAL, "utf8"));
    d.isoCertificates[0].coveredSiteIds.push("site-nowhere");
    d.soc2Reports[0].issueDate = "2026-01-01";
    const file = path.join(tmp, "cross-field.json");
    writeFileSync(file, JSON.stringify(d));
    const run = await runCli(["score", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("$.soc2Reports[0].issueDate: A report is issued on or after its period end");
    expect(run.stderr).toContain("$.isoCertificates[0].coveredSiteIds[1]: Unknown site site-nowhere");
  });

  it("unreadable files and invalid JSON exit 2", async () => {
    const missing = await runCli(["score", path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the file \(no such file\)/);
    const file = path.join(tmp, "broken.json");
    writeFileSync(file, "{ not json");
    const broken = await runCli(["score", file]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/not valid JSON/);
  });

  it("--settings are completed from the defaults, validated, and used", async () => {
    const good = path.join(tmp, "settings.json");
    writeFileSync(good, JSON.stringify({ scoring: { caps: { blocker: 45 } } }));
    const run = await runCli(["score", TYPICAL, "--now", "2026-11-22", "--settings", good]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).score.arithmetic.at(-1)).toBe("Final 45.0 → High");

    const bad = path.join(tmp, "bad-settings.json");
    writeFileSync(bad, JSON.stringify({ scoring: { weights: { assurance: 20 }, bands: { medium: 85 } } }));
    const refused = await runCli(["score", TYPICAL, "--settings", bad]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("$.scoring.weights: The weights must add up to 100; they add up to 95.");
    expect(refused.stderr).toContain("$.scoring.bands.medium: Medium must start below Low (80); bands cannot overlap.");
  });

  it("bad usage exits 2 with the usage line", async () => {
    for (const args of [["score"], ["score", TYPICAL, "--now", "22/11/2026"], ["score", TYPICAL, "--bogus"]]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("usage: score <dossier.json>");
    }
  });
});
