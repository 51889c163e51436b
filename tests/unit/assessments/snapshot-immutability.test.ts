import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Snapshots are immutable (docs/rules.md §8: "the old one never changes"): the
// only code that writes an assessment's dossier, settings, findings, score,
// overall or rating is createAssessment's `create`. This reads every source
// file and proves no update, upsert or raw SQL touches those columns.

const ROOT = path.resolve(__dirname, "../../..");
const FROZEN = ["dossier", "settings", "findings", "score", "overall", "rating"];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "node_modules" || name === "generated" || name === ".next" ? [] : sources(full);
    return /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
  });
}

/** The balanced (...) argument list that starts at `open`. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === "(") depth++;
    else if (text[i] === ")" && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

describe("assessment snapshots", () => {
  const files = ["app", "components", "lib", "scripts"].flatMap((d) => sources(path.join(ROOT, d)));

  it("finds the code that writes assessments (guards the scan itself)", () => {
    const creates = files.filter((f) => /\.assessment\.create\(/.test(readFileSync(f, "utf8")));
    expect(creates.map((f) => path.relative(ROOT, f))).toEqual(["lib/server/services/assessments/create.ts"]);
  });

  it("no update or upsert of an assessment sets a frozen column", () => {
    const offences: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      for (const match of text.matchAll(/\.assessment\.(update|updateMany|upsert|updateManyAndReturn)\(/g)) {
        const args = callArguments(text, match.index! + match[0].length - 1);
        const data = args.slice(args.search(/\b(data|update|create)\s*:/));
        for (const column of FROZEN) {
          if (new RegExp(`\\b${column}\\s*:`).test(data)) offences.push(`${path.relative(ROOT, file)}: ${match[0]} sets ${column}`);
        }
      }
    }
    expect(offences).toEqual([]);
  });

  it("no raw SQL updates the Assessment table", () => {
    const raw = files.filter((f) => /UPDATE\s+"?Assessment"?\s/i.test(readFileSync(f, "utf8")));
    expect(raw.map((f) => path.relative(ROOT, f))).toEqual([]);
  });
});
