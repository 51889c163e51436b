// A learned alternative to the rule-based clause finder, to answer "would a
// model do better?": per clause, a logistic regression (ml-logistic-regression,
// pure JavaScript, no weights downloaded, trained here) over the words and word
// pairs of each sentence, trained on the hand-labelled spans; a document has
// the clause when its most probable sentence reaches a threshold. Evaluated with
// leave-one-document-out cross-validation on the dev split only (the model
// never sees the document it is scored on); compare-classifier-reader.ts trains
// it on all the tuning material instead. Test tooling only.
import LogisticRegression from "ml-logistic-regression";
import { Matrix } from "ml-matrix";
import { CLAUSE_CODES, type DocumentLabel } from "./corpus";
import type { PresenceProposal } from "./keyword-baseline";

export interface Sentence {
  tokens: Set<string>;
  /** Clause codes whose labelled span (present or by reference) this sentence overlaps. */
  positiveFor: Set<string>;
}
export interface LabelledDocument {
  label: DocumentLabel;
  sentences: Sentence[];
}

export interface ModelOptions {
  /** Features kept per clause: the words most typical of its labelled sentences. */
  features: number;
  /** A word must appear in positive sentences of this many training documents. */
  minDocuments: number;
  /** Negative sentences sampled per positive one (there are hundreds of times more). */
  negativesPerPositive: number;
  numSteps: number;
  learningRate: number;
}

/** Sized for the 24 dev documents of a leave-one-document-out fold. */
export const MODEL: ModelOptions = { features: 300, minDocuments: 2, negativesPerPositive: 8, numSteps: 300, learningRate: 5e-3 };
/** Sized for all the tuning material at once (several hundred documents and clause samples). */
export const LARGE_MODEL: ModelOptions = { features: 1000, minDocuments: 3, negativesPerPositive: 8, numSteps: 500, learningRate: 5e-3 };

/** Decision thresholds printed side by side (the best of them flatters the model: it is chosen after seeing dev). */
export const THRESHOLDS = [0.5, 0.7, 0.9] as const;

const STOP = new Set(["the", "of", "and", "or", "to", "a", "an", "in", "on", "by", "for", "with", "as", "is", "be", "that", "this", "any", "such", "its", "at", "from"]);

/** Sentences of the file as published, with their offsets, so spans label them. */
export function labelledDocument(label: DocumentLabel, text: string): LabelledDocument {
  const sentences: Sentence[] = [];
  const boundary = /(?<=[.!?;:])\s+|\n\s*\n/g;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    if (raw.trim().length >= 20) {
      const positiveFor = new Set<string>();
      for (const code of CLAUSE_CODES) {
        const c = label.clauses[code]!;
        if (c.status === "absent") continue;
        if (c.spans.some(([s, e]) => s < end && e > start)) positiveFor.add(code);
      }
      sentences.push({ tokens: tokenize(raw), positiveFor });
    }
    start = end;
  };
  for (const m of text.matchAll(boundary)) push(m.index + m[0].length);
  push(text.length);
  return { label, sentences };
}

export function tokenize(text: string): Set<string> {
  const words = (text.toLowerCase().match(/[a-z][a-z0-9]+|\d+/g) ?? []).filter((w) => !STOP.has(w));
  const out = new Set(words);
  for (let i = 1; i < words.length; i++) out.add(`${words[i - 1]}_${words[i]}`);
  return out;
}

/** Deterministic sampling, so the printed figures repeat. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

interface ClauseModel {
  vocabulary: Map<string, number>;
  regression: LogisticRegression;
}
export type ClauseModels = Map<string, ClauseModel | null>;

export function trainClauseModels(docs: LabelledDocument[], options: ModelOptions = MODEL): ClauseModels {
  return new Map(CLAUSE_CODES.map((code) => [code, train(code, docs, options)] as const));
}

/** The model's probability that any of these sentences states the clause (0 without a model or sentences). */
export function clauseProbability(models: ClauseModels, code: string, sentences: { tokens: Set<string> }[]): number {
  const model = models.get(code);
  if (!model || sentences.length === 0) return 0;
  return Math.max(...model.regression.classifiers[0]!.testScores(features(sentences, model.vocabulary)));
}

function train(code: string, docs: LabelledDocument[], options: ModelOptions): ClauseModel | null {
  const docFreq = new Map<string, number>();
  const posCount = new Map<string, number>();
  const allCount = new Map<string, number>();
  let positives = 0;
  let total = 0;
  for (const d of docs) {
    const seen = new Set<string>();
    for (const s of d.sentences) {
      total++;
      const pos = s.positiveFor.has(code);
      if (pos) positives++;
      for (const t of s.tokens) {
        allCount.set(t, (allCount.get(t) ?? 0) + 1);
        if (pos) {
          posCount.set(t, (posCount.get(t) ?? 0) + 1);
          seen.add(t);
        }
      }
    }
    for (const t of seen) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
  }
  if (positives === 0) return null;
  // Smoothed log-odds of a word in positive sentences against all sentences.
  const ranked = [...posCount]
    .filter(([t]) => (docFreq.get(t) ?? 0) >= options.minDocuments)
    .map(([t, n]) => [t, Math.log((n + 1) / (positives + 2)) - Math.log(((allCount.get(t) ?? 0) + 1) / (total + 2))] as const)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, options.features);
  const vocabulary = new Map(ranked.map(([t], i) => [t, i]));

  const random = rng(code.length * 7919 + docs.length);
  const rows: Sentence[] = [];
  const negatives: Sentence[] = [];
  for (const d of docs) for (const s of d.sentences) (s.positiveFor.has(code) ? rows : negatives).push(s);
  const wanted = Math.min(negatives.length, rows.length * options.negativesPerPositive);
  for (let i = 0; i < wanted; i++) rows.push(negatives.splice(Math.floor(random() * negatives.length), 1)[0]!);
  const X = features(rows, vocabulary);
  const Y = Matrix.columnVector(rows.map((s) => (s.positiveFor.has(code) ? 1 : 0)));
  const regression = new LogisticRegression({ numSteps: options.numSteps, learningRate: options.learningRate });
  regression.train(X, Y);
  return { vocabulary, regression };
}

function features(sentences: { tokens: Set<string> }[], vocabulary: Map<string, number>): Matrix {
  const X = Matrix.zeros(sentences.length, vocabulary.size + 1);
  sentences.forEach((s, r) => {
    X.set(r, vocabulary.size, 1); // bias
    for (const t of s.tokens) {
      const c = vocabulary.get(t);
      if (c !== undefined) X.set(r, c, 1);
    }
  });
  return X;
}

/** Per clause, the probability of the document's most probable sentence. */
export function score(models: ClauseModels, doc: LabelledDocument): Map<string, number> {
  return new Map(CLAUSE_CODES.map((code) => [code, clauseProbability(models, code, doc.sentences)] as const));
}

/** Leave-one-document-out: each document is scored by models trained on all the others. */
export function leaveOneDocumentOut(docs: LabelledDocument[]): { label: DocumentLabel; scores: Map<string, number> }[] {
  return docs.map((held, i) => {
    const training = docs.filter((_, j) => j !== i);
    const models = trainClauseModels(training);
    return { label: held.label, scores: score(models, held) };
  });
}

export function proposalsAt(threshold: number, scored: { label: DocumentLabel; scores: Map<string, number> }[]): { label: DocumentLabel; proposals: PresenceProposal[] }[] {
  return scored.map(({ label, scores }) => ({
    label,
    proposals: CLAUSE_CODES.map((code) => ({ clauseCode: code, found: (scores.get(code) ?? 0) >= threshold })),
  }));
}
