// Prints how far a second, independent labeller of the frozen test split agrees
// with the first, and the finder's figures against each of them: the labels'
// own reliability, which bounds what any finder can be measured to reach.
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real npx tsx tests/unit/legal/real-contracts/label-agreement.ts
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { compareLabels } from "./agreement";
import { SECOND_LABEL_DIR, exitUnlessCorpus, finderInput, loadLabels, loadSplit, readCorpusFile } from "./corpus";
import { measure, precision, recall, report } from "./measure";

exitUnlessCorpus();
const testIds = new Set(loadSplit().test);
const first = loadLabels().filter((l) => testIds.has(l.id));
const second = loadLabels(SECOND_LABEL_DIR);
const agreement = compareLabels(first, second);
const f = (n: number | null) => (n === null ? "–" : n.toFixed(2));

console.log(`Two labellers of the TEST split: ${agreement.documents} documents, ${agreement.decisions} clause decisions`);
console.log(`  agreed on ${agreement.agreed} (${f(agreement.agreed / agreement.decisions)}), Cohen's kappa ${f(agreement.kappa)}`);
console.log(`\n${report("Second labeller scored against the first", agreement.secondAgainstFirst)}`);
for (const [name, labels] of [["first", first], ["second", second]] as const) {
  const figures = measure(labels.map((label) => ({ label, proposals: findClauses(finderInput(label.file, readCorpusFile(label.file).text)) })));
  console.log(`\nFinder against the ${name} labeller: precision ${f(precision(figures.overall))}, recall ${f(recall(figures.overall))} (right ${figures.overall.tp}, wrong ${figures.overall.fp}, missed ${figures.overall.fn})`);
}
