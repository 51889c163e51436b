// Would the classifier of sentence-classifier.ts help the rules if it learned
// from all the tuning material (dev, the extra set, the clause samples)
// rather than from dev alone? Two ways it could, each measured on material
// the model was not trained on:
// 1. A second reader: where the rules found nothing, it proposes the clause
//    when its most probable sentence reaches a threshold. Measured on the
//    clause-sample batches named (default p24), the model trained on all else.
// 2. A veto: a rule proposal is dropped when the model gives the passages the
//    rules quote a probability under a threshold. Measured on the extra set's
//    whole agreements, each scored by a model trained without its fold.
// The rules were tuned on all of this material, which flatters them; the
// figures are in tests/fixtures/contracts-real-labels/README.md. About 20
// minutes on two cores.
//   ASSAY_CONTRACT_CORPUS=../shared/contracts-real ASSAY_EXTRA_CONTRACT_CORPUS=../_extra-contracts \
//     npx tsx tests/unit/legal/real-contracts/compare-classifier-reader.ts [p24,p23]
import fs from "node:fs";
import path from "node:path";
import { findClauses } from "@/lib/domain/legal/clause-finder";
import {
  CLAUSE_CODES,
  clauseSampleDir,
  clauseSamplesAvailable,
  devDocuments,
  exitUnlessCorpus,
  extraDocuments,
  finderInput,
  loadClauseSampleLabels,
  type DocumentLabel,
} from "./corpus";
import { measure, precision, recall, type ScoredProposal } from "./measure";
import { LARGE_MODEL, clauseProbability, labelledDocument, score, tokenize, trainClauseModels, type LabelledDocument } from "./sentence-classifier";

exitUnlessCorpus();
const extra = extraDocuments();
if (extra.length === 0 || !clauseSamplesAvailable()) {
  console.error("Needs the extra set (ASSAY_EXTRA_CONTRACT_CORPUS) and the clause samples (ASSAY_CLAUSE_SAMPLE_CORPUS).");
  process.exit(2);
}
const heldOut = (process.argv[2] ?? "p24").split(",");
const isHeldOut = (id: string) => heldOut.some((prefix) => id.startsWith(prefix));
const samples = loadClauseSampleLabels().labels.map((label) => ({ label, text: fs.readFileSync(path.join(clauseSampleDir(), label.file), "utf8") }));
const dev = devDocuments().map(({ label, text }) => labelledDocument(label, text));
const asSentences = (docs: { label: DocumentLabel; text: string }[]) => docs.map(({ label, text }) => labelledDocument(label, text));

const fmt = (n: number | null) => (n === null ? "–" : n.toFixed(3));
function line(name: string, docs: { label: DocumentLabel; proposals: ScoredProposal[] }[]): void {
  const m = measure(docs);
  const byClause = CLAUSE_CODES.map((c) => `${c.slice(0, 8)} ${m.byClause[c]!.tp}/${m.byClause[c]!.fp}/${m.byClause[c]!.fn}`).join("  ");
  console.log(`  ${name.padEnd(24)} ${fmt(precision(m.overall))} ${fmt(recall(m.overall))}  tp ${m.overall.tp} fp ${m.overall.fp} fn ${m.overall.fn}  excluded as present ${m.excludedAsPresent.length}  | ${byClause}`);
}
const rulesOn = (text: string, file: string) => findClauses(finderInput(file, text));

// 1. Second reader on held-out clause samples.
const started = performance.now();
const models = trainClauseModels([...dev, ...asSentences(extra), ...asSentences(samples.filter((s) => !isHeldOut(s.label.id)))], LARGE_MODEL);
const evaluated = samples.filter((s) => isHeldOut(s.label.id)).map((s) => ({ ...s, rules: rulesOn(s.text, s.label.file), scores: score(models, labelledDocument(s.label, s.text)) }));
console.log(`SECOND READER on ${evaluated.length} clause samples (${heldOut.join(", ")}), the model trained on the other material in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log("  (precision recall; per clause tp/fp/fn)");
line("rules", evaluated.map((e) => ({ label: e.label, proposals: e.rules })));
for (const t of [0.7, 0.9, 0.98]) {
  line(`rules, or model ≥ ${t}`, evaluated.map((e) => ({ label: e.label, proposals: e.rules.map((p) => ({ ...p, found: p.found || (e.scores.get(p.clauseCode) ?? 0) >= t })) })));
}

// 2. Veto on whole agreements, by folds of the extra set.
const FOLDS = 4;
const vetoed: { label: DocumentLabel; proposals: ReturnType<typeof findClauses>; quoted: Map<string, number> }[] = [];
for (let k = 0; k < FOLDS; k++) {
  const training: LabelledDocument[] = [...dev, ...asSentences(samples), ...asSentences(extra.filter((_, i) => i % FOLDS !== k))];
  const foldModels = trainClauseModels(training, LARGE_MODEL);
  for (const { label, text } of extra.filter((_, i) => i % FOLDS === k)) {
    const proposals = rulesOn(text, label.file);
    const quoted = new Map(proposals.filter((p) => p.found).map((p) => [p.clauseCode, clauseProbability(foldModels, p.clauseCode, p.passages.map((x) => ({ tokens: tokenize(x.quote) })))] as const));
    vetoed.push({ label, proposals, quoted });
  }
}
console.log(`\nVETO on the extra set's ${vetoed.length} whole agreements, ${FOLDS} folds, on the passages the rules quote`);
for (const t of [0, 0.05, 0.2, 0.5]) {
  line(t === 0 ? "rules" : `rules, unless model < ${t}`, vetoed.map((v) => ({ label: v.label, proposals: v.proposals.map((p) => ({ ...p, found: p.found && (v.quoted.get(p.clauseCode) ?? 0) >= t })) })));
}
