// Prints the clause finder's figures and misses on the DEV split only, for
// tuning: the test split's documents and misses stay unseen until the one
// final measurement (accuracy.test.ts prints both).
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real npx tsx tests/unit/legal/real-contracts/report-dev.ts
// Exits 2 when the corpus is absent.
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { devDocuments, exitUnlessCorpus, finderInput } from "./corpus";
import { measure, report } from "./measure";

exitUnlessCorpus();
const docs = devDocuments().map(({ label, text }) => ({ label, proposals: findClauses(finderInput(label.file, text)) }));
console.log(report("DEV split (tuning allowed)", measure(docs)));
