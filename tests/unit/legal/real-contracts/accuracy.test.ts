// The clause finder measured on real public agreements that nobody here wrote,
// against hand labels, on the frozen dev and test splits
// (tests/fixtures/contracts-real-labels/README.md). The figures are printed on
// every run; the test fails when a figure falls below the recorded baseline,
// so tuning can only ratchet up. Without the corpus the suite says so and
// counts as skipped, never as passed.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { CLAUSE_CODES, corpusAvailable, corpusDir, finderInput, loadLabels, loadSplit, readCorpusFile } from "./corpus";
import { measure, precision, recall, report, type SplitFigures } from "./measure";

const available = corpusAvailable();
if (!available) {
  console.warn(`\nReal-contract accuracy SKIPPED: no corpus at ${corpusDir()} (set ASSAY_CONTRACT_CORPUS).\n`);
}

const BASELINE = path.resolve(__dirname, "../../../fixtures/contracts-real-labels/baseline.json");

describe.skipIf(!available)("clause finder on real contracts", () => {
  const labels = available ? loadLabels() : [];
  const split = loadSplit();

  test("the split is frozen: disjoint, at least 15 test documents", () => {
    expect(split.test.filter((id) => split.dev.includes(id))).toEqual([]);
    expect(split.test.length).toBeGreaterThanOrEqual(15);
  });

  test("every document of both splits is labelled", () => {
    expect(labels.map((l) => l.id).sort()).toEqual([...split.test, ...split.dev].sort());
  });

  test.each(labels.map((l) => [l.id, l] as const))("labels for %s match the corpus file and cover every clause", (_id, label) => {
    const { text, sha256 } = readCorpusFile(label.file);
    expect(sha256).toBe(label.sha256);
    expect(Object.keys(label.clauses).sort()).toEqual([...CLAUSE_CODES].sort());
    expect([...split.test, ...split.dev]).toContain(label.id);
    for (const [code, clause] of Object.entries(label.clauses)) {
      for (const [start, end] of clause.spans) {
        expect(start, `${code} span`).toBeLessThan(end);
        expect(end, `${code} span`).toBeLessThanOrEqual(text.length);
      }
      if (clause.status !== "absent") expect(clause.spans.length, `${code} needs a span`).toBeGreaterThan(0);
      if (clause.excluded) expect(clause.status, `${code}: an excluded right is absent`).toBe("absent");
    }
  });

  test("figures on both splits hold at least the recorded baseline", () => {
    const figures: Record<"dev" | "test", SplitFigures> = {
      dev: run(split.dev),
      test: run(split.test),
    };
    console.log(`\n${report("DEV split (tuning allowed)", figures.dev)}\n\n${report("TEST split (frozen, never tuned on)", figures.test)}\n`);
    const baseline = fs.existsSync(BASELINE) ? (JSON.parse(fs.readFileSync(BASELINE, "utf8")) as Baseline) : null;
    expect(baseline, "tests/fixtures/contracts-real-labels/baseline.json is missing").not.toBeNull();
    for (const name of ["dev", "test"] as const) {
      const f = figures[name];
      const b = baseline![name];
      expect(f.documents, `${name}: labelled documents`).toBeGreaterThanOrEqual(b.documents);
      expect(precision(f.overall) ?? 0, `${name}: presence precision`).toBeGreaterThanOrEqual(b.precision);
      expect(recall(f.overall) ?? 0, `${name}: presence recall`).toBeGreaterThanOrEqual(b.recall);
      expect(f.hours.exact, `${name}: exact notification hours`).toBeGreaterThanOrEqual(b.hoursExact);
      expect(f.excludedAsPresent.length, `${name}: excluded rights proposed as present`).toBeLessThanOrEqual(b.excludedAsPresent);
    }
  });

  function run(ids: string[]): SplitFigures {
    const docs = labels
      .filter((l) => ids.includes(l.id))
      .map((label) => ({ label, proposals: findClauses(finderInput(label.file, readCorpusFile(label.file).text)) }));
    return measure(docs);
  }
});

interface Baseline {
  dev: { documents: number; precision: number; recall: number; hoursExact: number; excludedAsPresent: number };
  test: Baseline["dev"];
}
