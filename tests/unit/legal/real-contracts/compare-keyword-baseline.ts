// Prints the clause finder against the keyword-only baseline
// (keyword-baseline.ts) on both splits of the real-contract corpus:
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real npx tsx tests/unit/legal/real-contracts/compare-keyword-baseline.ts
// Exits 2 when the corpus is absent.
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { CLAUSE_CODES, corpusAvailable, corpusDir, finderInput, loadLabels, loadSplit, readCorpusFile } from "./corpus";
import { keywordProposals } from "./keyword-baseline";
import { type Counts, measure, precision, recall } from "./measure";

if (!corpusAvailable()) {
  console.error(`No corpus at ${corpusDir()} (set ASSAY_CONTRACT_CORPUS).`);
  process.exit(2);
}

const split = loadSplit();
const labels = loadLabels();
const fmt = (n: number | null) => (n === null ? "  – " : n.toFixed(2));
const pr = (c: Counts) => `${fmt(precision(c))} ${fmt(recall(c))}`;

for (const [name, ids] of [["dev", split.dev], ["test", split.test]] as const) {
  const docs = labels.filter((l) => ids.includes(l.id)).map((label) => ({ label, text: readCorpusFile(label.file).text }));
  const finder = measure(docs.map(({ label, text }) => ({ label, proposals: findClauses(finderInput(label.file, text)) })));
  const keywords = measure(docs.map(({ label, text }) => ({ label, proposals: keywordProposals(text) })));
  console.log(`\n${name.toUpperCase()} split, ${docs.length} documents: precision recall (finder | keywords only)`);
  console.log(`  ${"presence, micro-averaged".padEnd(30)} ${pr(finder.overall)} | ${pr(keywords.overall)}`);
  for (const code of CLAUSE_CODES) console.log(`  ${code.padEnd(30)} ${pr(finder.byClause[code]!)} | ${pr(keywords.byClause[code]!)}`);
  console.log(`  excluded rights proposed as present: ${finder.excludedAsPresent.length} | ${keywords.excludedAsPresent.length}`);
}
