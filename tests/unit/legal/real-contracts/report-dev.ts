// Prints the clause finder's figures and misses on the DEV split only, and on
// the extra tuning set and the clause samples when their folders are there (corpus.ts), for tuning: the
// test split's documents and misses stay unseen until the one final
// measurement (accuracy.test.ts prints every set).
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real npx tsx tests/unit/legal/real-contracts/report-dev.ts
// Exits 2 when the corpus is absent.
import { findClauses } from "@/lib/domain/legal/clause-finder";
import {
  clauseSampleDir,
  clauseSamplesAvailable,
  devDocuments,
  exitUnlessCorpus,
  extraCorpusAvailable,
  extraCorpusDir,
  extraDocuments,
  finderInput,
  loadClauseSampleLabels,
  readCorpusFile,
} from "./corpus";
import { measure, report } from "./measure";

exitUnlessCorpus();
const docs = devDocuments().map(({ label, text }) => ({ label, proposals: findClauses(finderInput(label.file, text)) }));
console.log(report("DEV split (tuning allowed)", measure(docs)));
if (extraCorpusAvailable()) {
  const extra = extraDocuments().map(({ label, text }) => ({ label, proposals: findClauses(finderInput(label.file, text)) }));
  console.log(`\n${report("EXTRA set (tuning allowed)", measure(extra))}`);
} else {
  console.log(`\nEXTRA set skipped: no folder at ${extraCorpusDir()} (set ASSAY_EXTRA_CONTRACT_CORPUS).`);
}
if (clauseSamplesAvailable()) {
  const samples = loadClauseSampleLabels().labels.map((label) => ({ label, proposals: findClauses(finderInput(label.file, readCorpusFile(label.file, clauseSampleDir()).text)) }));
  console.log(`\n${report("CLAUSE SAMPLES (tuning allowed)", measure(samples))}`);
} else {
  console.log(`\nCLAUSE SAMPLES skipped: no folder at ${clauseSampleDir()} (set ASSAY_CLAUSE_SAMPLE_CORPUS).`);
}
