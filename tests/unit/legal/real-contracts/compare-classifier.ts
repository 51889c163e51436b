// Would a model do better than the rules? Prints, on the DEV split, the clause
// finder's precision and recall next to a logistic-regression sentence
// classifier's (sentence-classifier.ts), scored with leave-one-document-out
// cross-validation (each document by a model trained on the other 24), with
// the same metric (measure.ts). The test split is not used: the model is
// adopted only if it wins on dev. The comparison flatters the rules, which were
// tuned on these documents (their out-of-sample figure is the test split's, in
// accuracy.test.ts); the model is adopted only if it wins even so, and with no
// excluded right proposed as present.
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real npx tsx tests/unit/legal/real-contracts/compare-classifier.ts
// Exits 2 when the corpus is absent.
import { findClauses } from "@/lib/domain/legal/clause-finder";
import { CLAUSE_CODES, devDocuments, exitUnlessCorpus, finderInput } from "./corpus";
import { type Counts, measure, precision, recall } from "./measure";
import { MODEL, THRESHOLDS, labelledDocument, leaveOneDocumentOut, proposalsAt } from "./sentence-classifier";

exitUnlessCorpus();
const docs = devDocuments();
const started = performance.now();
const scored = leaveOneDocumentOut(docs.map(({ label, text }) => labelledDocument(label, text)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const models = THRESHOLDS.map((t) => measure(proposalsAt(t, scored)));
const rules = measure(docs.map(({ label, text }) => ({ label, proposals: findClauses(finderInput(label.file, text)) })));

const fmt = (n: number | null) => (n === null ? "  – " : n.toFixed(2));
const pr = (c: Counts) => `${fmt(precision(c))} ${fmt(recall(c))}`;
console.log(`DEV split, ${docs.length} documents: precision recall; rules | logistic regression (leave-one-document-out) at thresholds ${THRESHOLDS.join(", ")}`);
console.log(`model: ${JSON.stringify(MODEL)}; ${seconds} s for ${docs.length} folds`);
const row = (label: string, pick: (m: typeof rules) => Counts) => `  ${label.padEnd(30)} ${pr(pick(rules))} | ${models.map((m) => pr(pick(m))).join(" | ")}`;
console.log(row("presence, micro-averaged", (m) => m.overall));
for (const code of CLAUSE_CODES) console.log(row(code, (m) => m.byClause[code]!));
console.log(`  excluded rights proposed as present: ${rules.excludedAsPresent.length} | ${models.map((m) => m.excludedAsPresent.length).join(" | ")}`);
const beats = (m: typeof rules) =>
  (precision(m.overall) ?? 0) >= (precision(rules.overall) ?? 0) && (recall(m.overall) ?? 0) >= (recall(rules.overall) ?? 0) && m.excludedAsPresent.length <= rules.excludedAsPresent.length && m !== rules;
console.log(models.some(beats) ? "The model matches or beats the rules on dev at some threshold: consider adopting it." : "The rules win on dev at every threshold: the model is not used.");
