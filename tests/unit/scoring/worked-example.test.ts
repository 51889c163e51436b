import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import type { Finding } from "@/lib/domain/findings/finding";
import { dossierSchema, type Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";

// The worked example of docs/scoring.md, recomputed from the page itself: the
// table of checks that do not pass, the domain membership rules it describes
// and the documented arithmetic. Nothing below is copied from scoreVendor's
// output; the engine is then held to the same numbers.

const ROOT = path.resolve(__dirname, "../../..");
const DOC = readFileSync(path.join(ROOT, "docs/scoring.md"), "utf8");
const NOW = new Date("2026-11-22T00:00:00Z");
const fixture = (): Dossier => dossierSchema.parse(JSON.parse(readFileSync(path.join(ROOT, "tests/fixtures/dossiers/typical.json"), "utf8")));

function between(start: string, end: string): string {
  const i = DOC.indexOf(start);
  const j = DOC.indexOf(end, i);
  if (i < 0 || j < 0) throw new Error(`docs/scoring.md lost its ${start} block`);
  return DOC.slice(i + start.length, j);
}

/** Rows of the "every check passes except these" table. */
const EXCEPTIONS = between("<!-- worked-example-checks", "<!-- /worked-example-checks -->")
  .split("\n")
  .filter((l) => l.startsWith("| ") && l.includes("`"))
  .map((l) => {
    const [domain, code, result] = l.split("|").slice(1, 4).map((c) => c.trim());
    return { domain: domain!, code: code!.replace(/`/g, ""), result: result! };
  });

const DOC_ARITHMETIC = between("<!-- worked-example-arithmetic -->", "<!-- /worked-example-arithmetic -->")
  .replace(/```/g, "")
  .trim()
  .split("\n");

// docs/scoring.md, "Checks": points per result, and how many checks each domain has.
const POINTS: Record<string, number | null> = { pass: 1, partial: 0.5, fail: 0, unknown: 0, not_applicable: null };
const DATA_CLAUSES = ["data_residency", "subprocessor_consent", "data_return_deletion"];
function checksPerDomain(d: Dossier): Record<string, number> {
  const controls = (domains: string[]) => d.controlCatalogue.filter((c) => domains.includes(c.domain)).length;
  const clauses = CLAUSE_CATALOGUE.clauses.map((c) => c.code);
  return {
    assurance: 9,
    contractual: 1 + clauses.filter((c) => !DATA_CLAUSES.includes(c)).length,
    dataProtection: 3 + clauses.filter((c) => DATA_CLAUSES.includes(c)).length,
    accessEndpoint: controls(["access", "endpoint_physical", "email"]) + 1,
    humanProtocols: controls(["human_protocols", "governance"]) + 6 + 1 + 1,
    financial: 2,
  };
}
const LABELS: Record<string, string> = {
  assurance: "Assurance",
  contractual: "Contractual",
  dataProtection: "Data protection & transfers",
  accessEndpoint: "Access & endpoint",
  humanProtocols: "Human protocols, training & KPIs",
  financial: "Financial backstop",
};
/** docs/scoring.md, "Rounding": down to one decimal, with a 1e-9 tolerance. */
const show = (n: number) => (Math.floor(n * 10 + 1e-9) / 10).toFixed(1);
const pointsText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** docs/scoring.md, "Ceilings": one line per triggered ceiling, naming the findings that triggered it. */
function ceilingLine(label: string, limit: number, found: readonly Finding[]): string {
  const n = found.length === 1 ? "1 finding" : `${found.length} findings`;
  return `Cap: ${label} → ${limit} (triggered by ${n}: ${found.map((f) => f.message.replace(/\.$/, "")).join("; ")})`;
}

function recompute(d: Dossier, findings: readonly Finding[]) {
  const blockers = findings.filter((f) => f.severity === "blocker");
  const highs = findings.filter((f) => f.severity === "high");
  const caps = DEFAULT_SETTINGS.scoring.caps;
  const totals = checksPerDomain(d);
  const weights = DEFAULT_SETTINGS.scoring.weights;
  const domains = Object.keys(totals).map((key) => {
    const exceptions = EXCEPTIONS.filter((e) => e.domain === key);
    const counted = totals[key]! - exceptions.filter((e) => POINTS[e.result] === null).length;
    const passing = totals[key]! - exceptions.length;
    const earned = passing + exceptions.reduce((s, e) => s + (POINTS[e.result] ?? 0), 0);
    const score = (earned / counted) * 100;
    return { key, counted, earned, score, weight: weights[key as keyof typeof weights], contribution: (weights[key as keyof typeof weights] * score) / 100 };
  });
  const sum = domains.reduce((s, x) => s + x.contribution, 0);
  const final = Math.min(sum, ...(blockers.length > 0 ? [caps.blocker] : []), ...(highs.length > 0 ? [caps.highFinding] : []));
  const b = DEFAULT_SETTINGS.scoring.bands;
  const band = final >= b.low ? "Low" : final >= b.medium ? "Medium" : final >= b.high ? "High" : "Critical";
  const lines = [
    ...domains.map((x) => `${LABELS[x.key]}: ${pointsText(x.earned)} of ${x.counted} points = ${show(x.score)}`),
    ...domains.map((x) => `${LABELS[x.key]} ${x.weight} × ${show(x.score)} = ${show(x.contribution)}`),
    `Sum of weighted scores = ${show(sum)}`,
    ...(blockers.length > 0 ? [ceilingLine("blocker present", caps.blocker, blockers)] : []),
    ...(highs.length > 0 ? [ceilingLine("high finding open", caps.highFinding, highs)] : []),
    `Final ${show(final)} → ${band}`,
  ];
  return { domains, sum, final, band, lines };
}

describe("docs/scoring.md worked example (Bluepeak BPO, 22 Nov 2026)", () => {
  const dossier = fixture();
  const result = scoreVendor(dossier, DEFAULT_SETTINGS, NOW);

  it("the documented table lists exactly the checks that do not pass", () => {
    expect(EXCEPTIONS.length).toBe(11);
    const notPassing = result.checks.filter((c) => c.result !== "pass").map((c) => ({ domain: c.domain, code: c.code, result: c.result }));
    expect(notPassing).toEqual(expect.arrayContaining(EXCEPTIONS));
    expect(notPassing).toHaveLength(EXCEPTIONS.length);
  });

  it("the documented rule gives the documented arithmetic, line for line", () => {
    const findings = vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW);
    expect(findings.filter((f) => f.severity === "blocker").map((f) => f.code)).toEqual(["legal.transfer.no_mechanism"]);
    expect(recompute(dossier, findings).lines).toEqual(DOC_ARITHMETIC);
  });

  it("the engine prints the same arithmetic and keeps the full-precision numbers", () => {
    expect(result.arithmetic).toEqual(DOC_ARITHMETIC);
    const expected = recompute(dossier, vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW));
    expect(result.overall).toBeCloseTo(expected.sum, 12);
    expect(result.overall).toBeCloseTo(25 * (8.5 / 9) + 20 * (5.5 / 8) + 15 * (4 / 6) + 15 * (20.5 / 22) + 15 * (16 / 17) + 10, 12);
    expect(result.final).toBe(59);
    expect(result.rating).toMatchObject({ band: "high", decision: "Approval only with a risk acceptance" });
    for (const d of expected.domains) {
      const engine = result.domains.find((x) => x.key === d.key)!;
      expect(engine.checksCounted).toBe(d.counted);
      expect(engine.earned).toBe(d.earned);
      expect(engine.score).toBeCloseTo(d.score, 12);
    }
    expect(result.caps.find((c) => c.code === "no_assurance")!.triggered).toBe(false);
    expect(result.tier).toBe("high");
  });

  it("recording SCCs with a TIA for the US sub-processor lifts the blocker ceiling; the high findings hold 79.9, Medium, as the page says", () => {
    const fixed = fixture();
    fixed.legal.transferMechanisms.push({ country: "US", mechanism: "sccs", sccModule: 3, tiaDate: "2026-11-01" });
    const after = scoreVendor(fixed, DEFAULT_SETTINGS, NOW);
    expect(after.caps.filter((c) => c.triggered).map((c) => c.code)).toEqual(["high_finding"]);
    expect(after.overall).toBeCloseTo(recompute(dossier, []).sum + 15 * (1 / 6), 12);
    expect(after.arithmetic.at(-1)).toBe("Final 79.9 → Medium");
    expect(DOC).toContain("87.9 before ceilings");
    expect(DOC).toContain("final score of 79.9, Medium");
  });
});
