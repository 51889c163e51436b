// The part of ml-logistic-regression (no bundled types) that sentence-classifier.ts uses.
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    train(X: Matrix, Y: Matrix): void;
    /** One-vs-all scorers; classifiers[0].testScores gives P(class ≠ 0), i.e. P(positive) for labels 0/1. */
    classifiers: { testScores(X: Matrix): number[] }[];
  }
}
