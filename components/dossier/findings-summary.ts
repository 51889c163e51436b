import type { Finding } from "@/lib/domain/findings/finding";
import { SEVERITY_RANK, type Severity } from "@/lib/domain/vocabulary";
import type { TabSummary } from "./dossier-tabs-nav";
import { DOSSIER_TABS, findingHref } from "./tabs";

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts: SeverityCounts = { blocker: 0, high: 0, medium: 0, low: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** Findings per tab with their worst severity, for the tab bar's markers. */
export function summariseTabs(vendorId: string, findings: readonly Finding[]): Record<string, TabSummary> {
  const out: Record<string, TabSummary> = Object.fromEntries(DOSSIER_TABS.map((t) => [t.segment, { findings: 0 }]));
  for (const f of findings) {
    const target = findingHref(vendorId, f.subject);
    if (!target) continue;
    const summary = out[target.tab] ?? { findings: 0 };
    summary.findings += 1;
    if (summary.worst === undefined || SEVERITY_RANK[f.severity] < SEVERITY_RANK[summary.worst]) summary.worst = f.severity;
    out[target.tab] = summary;
  }
  return out;
}

/** Findings about one record (subject id) or one kind of subject. */
export function findingsAbout(findings: readonly Finding[], subjectKind: string, id?: string): Finding[] {
  return findings.filter((f) => f.subject.kind === subjectKind && (id === undefined || f.subject.id === id));
}

export const SEVERITY_LABELS: Record<Severity, string> = {
  blocker: "Blocker",
  high: "High",
  medium: "Medium",
  low: "Low",
};

