import type { Finding } from "../findings/finding";
import type { CapCode, DomainScore, RatingBand, ScoreResult } from "../scoring/types";
import { SEVERITY_RANK, type Severity } from "../vocabulary";

// "What changed" between two frozen assessments of one vendor: the
// score delta per domain and the findings added or resolved. Pure: it reads
// two snapshots and never the live dossier, so comparing v1 with v2 gives the
// same answer today and in a year.
//
// A finding is "the same" in both versions when its rule code and subject
// (kind and record id) match: "SOC 2 stale for 3 months" and "… for 5 months"
// are one persisting finding, not one resolved and one added. When a severity
// moves, the finding is listed as changed.

export interface ComparedAssessment {
  id: string;
  version: number;
  createdAt?: string | Date;
  score: ScoreResult;
  findings: readonly Finding[];
}

export interface DomainDelta {
  key: string;
  label: string;
  weightBefore: number | null;
  weightAfter: number | null;
  /** Domain score 0-100, null when the domain had no applicable check (or did not exist). */
  scoreBefore: number | null;
  scoreAfter: number | null;
  /** scoreAfter - scoreBefore, null when either side is null. */
  delta: number | null;
  contributionBefore: number;
  contributionAfter: number;
  contributionDelta: number;
}

export interface NumberDelta {
  before: number;
  after: number;
  delta: number;
}

export interface CapChange {
  code: CapCode;
  label: string;
  before: boolean;
  after: boolean;
}

export interface FindingChange {
  before: Finding;
  after: Finding;
}

export interface AssessmentComparison {
  from: { id: string; version: number; createdAt?: string | Date };
  to: { id: string; version: number; createdAt?: string | Date };
  domains: DomainDelta[];
  /** Weighted mean before caps. */
  overall: NumberDelta;
  /** The score after caps: the one the rating is based on. */
  final: NumberDelta;
  rating: { before: RatingBand; after: RatingBand; beforeLabel: string; afterLabel: string; changed: boolean };
  /** Caps whose triggered state differs between the versions. */
  caps: CapChange[];
  findingsAdded: Finding[];
  findingsResolved: Finding[];
  /** Same rule and subject, different severity. */
  findingsChanged: FindingChange[];
  /** Same rule, subject and severity in both. */
  findingsUnchanged: number;
}

/** Compares two versions; the older one (lower version) is always "from". */
export function compareAssessments(a: ComparedAssessment, b: ComparedAssessment): AssessmentComparison {
  const [from, to] = a.version <= b.version ? [a, b] : [b, a];
  const matched = matchFindings(from.findings, to.findings);
  return {
    from: { id: from.id, version: from.version, createdAt: from.createdAt },
    to: { id: to.id, version: to.version, createdAt: to.createdAt },
    domains: compareDomains(from.score.domains, to.score.domains),
    overall: delta(from.score.overall, to.score.overall),
    final: delta(from.score.final, to.score.final),
    rating: {
      before: from.score.rating.band,
      after: to.score.rating.band,
      beforeLabel: from.score.rating.label,
      afterLabel: to.score.rating.label,
      changed: from.score.rating.band !== to.score.rating.band,
    },
    caps: compareCaps(from.score, to.score),
    ...matched,
  };
}

function delta(before: number, after: number): NumberDelta {
  return { before, after, delta: after - before };
}

function compareDomains(before: readonly DomainScore[], after: readonly DomainScore[]): DomainDelta[] {
  const keys = [...before.map((d) => d.key), ...after.map((d) => d.key).filter((k) => !before.some((d) => d.key === k))];
  return keys.map((key) => {
    const b = before.find((d) => d.key === key);
    const a = after.find((d) => d.key === key);
    const scoreBefore = b?.included ? b.score : null;
    const scoreAfter = a?.included ? a.score : null;
    const contributionBefore = b?.contribution ?? 0;
    const contributionAfter = a?.contribution ?? 0;
    return {
      key,
      label: (a ?? b)!.label,
      weightBefore: b?.weight ?? null,
      weightAfter: a?.weight ?? null,
      scoreBefore,
      scoreAfter,
      delta: scoreBefore !== null && scoreAfter !== null ? scoreAfter - scoreBefore : null,
      contributionBefore,
      contributionAfter,
      contributionDelta: contributionAfter - contributionBefore,
    };
  });
}

function compareCaps(before: ScoreResult, after: ScoreResult): CapChange[] {
  const codes = [...new Set([...before.caps.map((c) => c.code), ...after.caps.map((c) => c.code)])];
  return codes
    .map((code) => {
      const b = before.caps.find((c) => c.code === code);
      const a = after.caps.find((c) => c.code === code);
      return { code, label: (a ?? b)!.label, before: b?.triggered ?? false, after: a?.triggered ?? false };
    })
    .filter((c) => c.before !== c.after);
}

export function findingKey(f: Pick<Finding, "code" | "subject">): string {
  return `${f.code}\u0000${f.subject.kind}\u0000${f.subject.id ?? ""}`;
}

/** Pairs findings by key; repeated keys pair in order, extras are added or resolved. */
function matchFindings(before: readonly Finding[], after: readonly Finding[]) {
  const pool = new Map<string, Finding[]>();
  for (const f of before) {
    const key = findingKey(f);
    pool.set(key, [...(pool.get(key) ?? []), f]);
  }
  const findingsAdded: Finding[] = [];
  const findingsChanged: FindingChange[] = [];
  let findingsUnchanged = 0;
  for (const f of after) {
    const candidates = pool.get(findingKey(f));
    const previous = candidates?.shift();
    if (!previous) findingsAdded.push(f);
    else if (previous.severity !== f.severity) findingsChanged.push({ before: previous, after: f });
    else findingsUnchanged += 1;
  }
  const findingsResolved = [...pool.values()].flat();
  const bySeverity = (x: Finding, y: Finding) => SEVERITY_RANK[x.severity as Severity] - SEVERITY_RANK[y.severity as Severity];
  return {
    findingsAdded: findingsAdded.sort(bySeverity),
    findingsResolved: findingsResolved.sort(bySeverity),
    findingsChanged,
    findingsUnchanged,
  };
}
