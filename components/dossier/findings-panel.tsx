import type { Finding } from "@/lib/domain/findings/finding";
import { SEVERITIES, type Severity } from "@/lib/domain/vocabulary";
import { BlockerIcon } from "./blocker-icon";
import { countBySeverity, SEVERITY_LABELS } from "./findings-summary";
import { findingHref, tabLabel } from "./tabs";

const GROUP_INTRO: Record<Severity, string> = {
  blocker: "Must be resolved before the vendor can be approved.",
  high: "Serious gaps to raise with the vendor now.",
  medium: "Gaps to fix as conditions of approval.",
  low: "Minor gaps and reminders.",
};

function FindingItem({ vendorId, finding }: { vendorId: string; finding: Finding }) {
  const target = findingHref(vendorId, finding.subject);
  return (
    <li className={`finding finding-${finding.severity}`}>
      <p className="finding-message">
        {finding.severity === "blocker" ? <span className="blocker-flag"><BlockerIcon /> Blocker: </span> : null}
        {finding.message}
      </p>
      <dl className="finding-facts">
        {finding.observed ? (
          <div><dt>Observed</dt><dd>{finding.observed}</dd></div>
        ) : null}
        {finding.threshold ? (
          <div><dt>Threshold</dt><dd>{finding.threshold}</dd></div>
        ) : null}
        <div><dt>Rule</dt><dd>{finding.source} <code className="rule-code">{finding.code}</code></dd></div>
      </dl>
      {target ? (
        <p className="finding-link">
          {/* A plain link: a full load lets the browser scroll to and mark (:target) the row. */}
          <a href={target.href}>
            {finding.subject.id ? `Show ${finding.subject.label ?? "the record"}` : `Go to ${tabLabel(target.tab)}`}
            <span className="muted"> · {tabLabel(target.tab)} tab</span>
          </a>
        </p>
      ) : null}
    </li>
  );
}

/** Checklist findings (one per catalogue entry) that are many and alike: listed after the record findings, expandable. */
const CATALOGUE_GAPS: Record<string, [string, string]> = {
  control: ["control-pack gap", "control-pack gaps"],
  clause: ["contract clause gap", "contract clause gaps"],
};

/**
 * Every finding, grouped by severity, each with the value seen, the threshold
 * and the rule's source (README.md, Architecture: explainable line by line). Blockers
 * come first on a red panel. Control-pack and clause gaps are many and alike,
 * so inside each group they sit in an expandable list after the other findings.
 */
export function FindingsPanel({ vendorId, findings }: { vendorId: string; findings: readonly Finding[] }) {
  const counts = countBySeverity(findings);
  return (
    <section id="findings" className="card findings-panel" aria-labelledby="findings-heading">
      <h2 id="findings-heading">Findings <span className="muted count">({findings.length})</span></h2>
      {findings.length === 0 ? (
        <p><span className="badge status-ok">No findings</span> Every rule passes on the current dossier.</p>
      ) : (
        <p className="findings-summary">
          {SEVERITIES.map((s) => (
            <a key={s} href={`#findings-${s}`} className={`badge ${counts[s] > 0 ? `sev-${s}` : "status-muted"}`}>
              {counts[s]} {SEVERITY_LABELS[s].toLowerCase()}
            </a>
          ))}
        </p>
      )}
      {counts.blocker > 0 ? (
        <div className="blocker-banner" role="note" aria-label="Blockers">
          <strong>
            <BlockerIcon size={18} bar="#8a0c1c" />{" "}
            {counts.blocker === 1 ? "1 blocker" : `${counts.blocker} blockers`}: approval is not possible until {counts.blocker === 1 ? "it is" : "they are"} resolved.
          </strong>
        </div>
      ) : null}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((f) => f.severity === severity);
        if (group.length === 0) return null;
        const records = group.filter((f) => !(f.subject.kind in CATALOGUE_GAPS));
        const catalogues = Object.entries(CATALOGUE_GAPS)
          .map(([kind, words]) => ({ kind, words, items: group.filter((f) => f.subject.kind === kind) }))
          .filter((c) => c.items.length > 0);
        return (
          <section key={severity} id={`findings-${severity}`} className={`finding-group finding-group-${severity}`} aria-labelledby={`findings-${severity}-heading`}>
            <h3 id={`findings-${severity}-heading`}>
              <span className={`badge sev-${severity}`}>{SEVERITY_LABELS[severity]}</span> {group.length} {group.length === 1 ? "finding" : "findings"}
            </h3>
            <p className="muted group-intro">{GROUP_INTRO[severity]}</p>
            {records.length > 0 ? (
              <ul className="finding-list">
                {records.map((f, i) => <FindingItem key={`${f.code}-${f.subject.id ?? ""}-${i}`} vendorId={vendorId} finding={f} />)}
              </ul>
            ) : null}
            {catalogues.map(({ kind, words, items }) => (
              <details key={kind} className="control-findings" open={items.length <= 3 || severity === "blocker"}>
                <summary>
                  {items.length} {items.length === 1 ? words[0] : words[1]} ({SEVERITY_LABELS[severity].toLowerCase()})
                </summary>
                <ul className="finding-list">
                  {items.map((f, i) => <FindingItem key={`${f.code}-${f.subject.id ?? ""}-${i}`} vendorId={vendorId} finding={f} />)}
                </ul>
              </details>
            ))}
          </section>
        );
      })}
    </section>
  );
}
