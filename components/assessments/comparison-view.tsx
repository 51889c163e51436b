import type { AssessmentComparison, NumberDelta } from "@/lib/domain/assessments/compare-assessments";
import type { Finding } from "@/lib/domain/findings/finding";
import { formatLimit, formatScore } from "@/lib/domain/scoring/format";
import { RatingBadge } from "./badges";

function signed(delta: number): string {
  // Rounded like the scores themselves, with the sign spelled out; tiny float noise is "±0.0".
  if (Math.abs(delta) < 0.05) return "±0.0";
  return delta > 0 ? `+${formatScore(delta)}` : `−${formatScore(-delta)}`;
}

function DeltaCell({ delta }: { delta: number | null }) {
  if (delta === null) return <td className="num muted">—</td>;
  const cls = Math.abs(delta) < 0.05 ? "muted" : delta > 0 ? "assess-delta-up" : "assess-delta-down";
  return <td className={`num ${cls}`}>{signed(delta)}</td>;
}

function FindingRows({ findings, empty }: { findings: readonly Finding[]; empty: string }) {
  if (findings.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="compact-findings">
      {findings.map((f, i) => (
        <li key={`${f.code}-${f.subject.id ?? ""}-${i}`} className={`compact-finding compact-finding-${f.severity}`}>
          <span className={`badge sev-${f.severity}`}>{f.severity}</span> {f.message} <code className="rule-code">{f.code}</code>
        </li>
      ))}
    </ul>
  );
}

function ScoreLine({ label, value }: { label: string; value: NumberDelta }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>
        {formatScore(value.before)} → {formatScore(value.after)} <strong>({signed(value.delta)})</strong>
      </dd>
    </div>
  );
}

/** What changed between two frozen versions: score per domain, caps, rating, findings added and resolved. */
export function ComparisonView({ comparison }: { comparison: AssessmentComparison }) {
  const c = comparison;
  return (
    <div className="stack assess-compare" data-testid="comparison">
      <section className="card assess-section" aria-labelledby="compare-score-heading">
        <h2 id="compare-score-heading">
          Score: version {c.from.version} → version {c.to.version}
        </h2>
        <dl className="header-facts">
          <ScoreLine label="Final score" value={c.final} />
          <ScoreLine label="Before caps" value={c.overall} />
          <div>
            <dt>Rating</dt>
            <dd>
              <RatingBadge band={c.rating.before} /> → <RatingBadge band={c.rating.after} /> {c.rating.changed ? null : <span className="muted">(unchanged)</span>}
            </dd>
          </div>
        </dl>
        {c.caps.length > 0 ? (
          <ul className="plain-list">
            {c.caps.map((cap) => (
              <li key={cap.code}>
                Cap “{cap.label}”: {cap.before ? "triggered" : "not triggered"} → {cap.after ? "triggered" : "not triggered"}
              </li>
            ))}
          </ul>
        ) : null}
        <div className="table-wrap">
          <table className="data" aria-label="Score per domain">
            <thead>
              <tr>
                <th scope="col">Domain</th>
                <th scope="col" className="num">Weight</th>
                <th scope="col" className="num">Version {c.from.version}</th>
                <th scope="col" className="num">Version {c.to.version}</th>
                <th scope="col" className="num">Change</th>
                <th scope="col" className="num">Points change</th>
              </tr>
            </thead>
            <tbody>
              {c.domains.map((d) => (
                <tr key={d.key}>
                  <th scope="row">{d.label}</th>
                  <td className="num">
                    {d.weightBefore === d.weightAfter ? formatLimit(d.weightAfter ?? 0) : `${formatLimit(d.weightBefore ?? 0)} → ${formatLimit(d.weightAfter ?? 0)}`}
                  </td>
                  <td className="num">{d.scoreBefore === null ? "excluded" : formatScore(d.scoreBefore)}</td>
                  <td className="num">{d.scoreAfter === null ? "excluded" : formatScore(d.scoreAfter)}</td>
                  <DeltaCell delta={d.delta} />
                  <DeltaCell delta={d.contributionDelta} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className="card assess-section" aria-labelledby="compare-added-heading">
        <h2 id="compare-added-heading">
          Findings added <span className="muted count">({c.findingsAdded.length})</span>
        </h2>
        <FindingRows findings={c.findingsAdded} empty="No new findings." />
      </section>
      <section className="card assess-section" aria-labelledby="compare-resolved-heading">
        <h2 id="compare-resolved-heading">
          Findings resolved <span className="muted count">({c.findingsResolved.length})</span>
        </h2>
        <FindingRows findings={c.findingsResolved} empty="No finding was resolved." />
      </section>
      {c.findingsChanged.length > 0 ? (
        <section className="card assess-section" aria-labelledby="compare-changed-heading">
          <h2 id="compare-changed-heading">
            Severity changed <span className="muted count">({c.findingsChanged.length})</span>
          </h2>
          <ul className="compact-findings">
            {c.findingsChanged.map((ch, i) => (
              <li key={i} className={`compact-finding compact-finding-${ch.after.severity}`}>
                <span className={`badge sev-${ch.before.severity}`}>{ch.before.severity}</span> → <span className={`badge sev-${ch.after.severity}`}>{ch.after.severity}</span>{" "}
                {ch.after.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="muted">{c.findingsUnchanged} finding{c.findingsUnchanged === 1 ? "" : "s"} unchanged.</p>
    </div>
  );
}
