// Prints the clause finder's figures and misses on the DEV split only, for
// tuning: the test split's documents and misses stay unseen until the one
// final measurement (accuracy.test.ts prints both).
//   npx tsx tests/unit/legal/real-contracts/report-dev.ts [--passages]
// Exits 2 when the corpus is absent.
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { corpusAvailable, corpusDir, finderInput, loadLabels, loadSplit, readCorpusFile } from "./corpus";
import { measure, report } from "./measure";

if (!corpusAvailable()) {
  console.error(`No corpus at ${corpusDir()} (set ASSAY_CONTRACT_CORPUS).`);
  process.exit(2);
}
const dev = new Set(loadSplit().dev);
const docs = loadLabels()
  .filter((l) => dev.has(l.id))
  .map((label) => ({ label, proposals: findClauses(finderInput(label.file, readCorpusFile(label.file).text)) }));
console.log(report("DEV split (tuning allowed)", measure(docs)));
