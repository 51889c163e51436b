import type { AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { BlockerIcon } from "@/components/dossier/blocker-icon";

// The assessment page's body: the same report model the PDF prints
// (lib/domain/assessments/assessment-report.ts), section for section, so the screen and
// the paper can never disagree on a number or a sentence.

export function ExecutiveSummary({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="summary-heading">
      <h2 id="summary-heading">Executive summary</h2>
      <div className="assess-recommendation" data-testid="recommendation">
        <p><strong>Recommendation: {report.recommendation.verdict}</strong></p>
        {report.recommendation.sentences.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
      {report.cover.freshnessNotice ? <p className="sev-text-high">{report.cover.freshnessNotice}</p> : null}
      {report.summary.map((p, i) => (
        <p key={i}>{p}</p>
      ))}
    </section>
  );
}

export function DomainChart({ report }: { report: AssessmentReport }) {
  const maxWeight = Math.max(1, ...report.chart.map((b) => b.weight));
  return (
    <section className="card assess-section" aria-labelledby="chart-heading">
      <h2 id="chart-heading">Domain scores against their weights</h2>
      <p className="muted">
        Each bar is as long as the domain&apos;s weight (the points it can add to the overall score); the dark part is what the vendor earned (weight × domain score).
      </p>
      <ul className="assess-chart">
        {report.chart.map((bar) => (
          <li key={bar.key}>
            <span className="assess-chart-label">{bar.label}</span>
            <span className="assess-chart-track" style={{ width: `${(100 * bar.weight) / maxWeight}%` }} aria-hidden="true">
              {bar.included ? <span className="assess-chart-fill" style={{ width: `${bar.weight > 0 ? (100 * bar.contribution) / bar.weight : 0}%` }} /> : null}
            </span>
            <span className="assess-chart-value">
              {bar.included ? `${bar.scoreText} → ${bar.contributionText} of ${bar.weightText}` : `excluded (weight ${bar.weightText}%)`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function ScoreArithmetic({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="arithmetic-heading">
      <h2 id="arithmetic-heading">Score arithmetic</h2>
      <pre className="assess-arithmetic" data-testid="score-arithmetic">
        {report.arithmetic.map((l) => `${l.left} ${l.right}`).join("\n")}
      </pre>
      <h3>Ceilings</h3>
      <ul className="plain-list assess-caps">
        {report.caps.map((cap) => (
          <li key={cap.code}>
            <strong>
              {cap.title}: {cap.triggered ? (cap.lowered ? "applied" : "triggered, no change") : "not applied"}
            </strong>
            <br />
            <span className="muted">{cap.reason}</span>
          </li>
        ))}
      </ul>
      <h3>Checks by domain</h3>
      {report.checkGroups.map((group) => (
        <details key={group.key} className="assess-checks">
          <summary>{group.line}</summary>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">Check</th>
                  <th scope="col">Result</th>
                  <th scope="col" className="num">Points</th>
                  <th scope="col">Observed</th>
                  <th scope="col">Required</th>
                </tr>
              </thead>
              <tbody>
                {group.checks.map((c, i) => (
                  <tr key={`${c.code}-${i}`} className={`assess-check-${c.result}`}>
                    <td>
                      {c.title}
                      <br />
                      <span className="muted small">{c.source}</span>
                    </td>
                    <td>{c.resultLabel}</td>
                    <td className="num">{c.pointsText}</td>
                    <td>{c.observed}</td>
                    <td>{c.threshold}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ))}
      {report.missingEvidence.length > 0 ? (
        <>
          <h3>Evidence not yet provided ({report.missingEvidence.length})</h3>
          <p className="muted">Each of these checks counts as 0 points until its evidence is on file.</p>
          <ul className="plain-list">
            {report.missingEvidence.map((m, i) => (
              <li key={i}>
                <strong>{m.title}</strong> <span className="muted">({m.domainTitle}): {m.required}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ReportFindings({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="report-findings-heading">
      <h2 id="report-findings-heading">Findings by severity</h2>
      {report.findingGroups.length === 0 ? <p>No rule raised a finding.</p> : null}
      {report.findingGroups.map((group) => (
        <section key={group.severity} className="finding-group" aria-label={`${group.title} findings`}>
          <h3>
            <span className={`badge sev-${group.severity}`}>{group.title}</span> {group.findings.length} {group.findings.length === 1 ? "finding" : "findings"}
          </h3>
          <ul className="finding-list">
            {group.findings.map((f, i) => (
              <li key={i} className={`finding finding-${f.severity}`}>
                <p className="finding-message">
                  {f.severity === "blocker" ? (
                    <span className="blocker-flag">
                      <BlockerIcon /> Blocker:{" "}
                    </span>
                  ) : null}
                  {f.message}
                </p>
                <dl className="finding-facts">
                  {f.observed ? (
                    <div>
                      <dt>Observed</dt>
                      <dd>{f.observed}</dd>
                    </div>
                  ) : null}
                  {f.threshold ? (
                    <div>
                      <dt>Threshold</dt>
                      <dd>{f.threshold}</dd>
                    </div>
                  ) : null}
                  <div>
                    <dt>Source</dt>
                    <dd>{f.sourceLabel}</dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

export function EvidenceInventory({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="evidence-heading">
      <h2 id="evidence-heading">Evidence inventory</h2>
      {report.evidence.length === 0 ? (
        <p className="muted">No evidence documents were on file.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="evidence-heading">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Document</th>
                <th scope="col">Kind</th>
                <th scope="col">Effective</th>
                <th scope="col">Uploaded</th>
                <th scope="col">SHA-256 (prefix)</th>
                <th scope="col">Used by</th>
              </tr>
            </thead>
            <tbody>
              {report.evidence.map((e) => (
                <tr key={e.id}>
                  <td>
                    {e.title}
                    <br />
                    <span className="muted small">{e.fileName}</span>
                  </td>
                  <td>{e.kindLabel}</td>
                  <td>{e.effectiveDate}</td>
                  <td>
                    {e.uploadedAt}
                    <br />
                    <span className="muted small">{e.uploadedBy}</span>
                  </td>
                  <td>
                    <code title={e.sha256}>{e.sha256Prefix}…</code>
                  </td>
                  <td>{e.usedBy.length > 0 ? e.usedBy.join("; ") : <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ClauseReviewTable({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="clauses-heading">
      <h2 id="clauses-heading">Clause review</h2>
      <p className="muted">{report.clauseCatalogueNote}</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="clauses-heading">
        <table className="data">
          <thead>
            <tr>
              <th scope="col">Clause</th>
              <th scope="col">Status</th>
              <th scope="col">Citation</th>
              <th scope="col">Value</th>
              <th scope="col">Reviewer note</th>
            </tr>
          </thead>
          <tbody>
            {report.clauses.map((c) => (
              <tr key={c.code}>
                <td>{c.title}</td>
                <td className={`assess-clause-${c.status}`}>{c.statusLabel}</td>
                <td>{c.citation || "—"}</td>
                <td>{c.value || "—"}</td>
                <td>{c.note || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TransferMatrix({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="transfers-heading">
      <h2 id="transfers-heading">Transfer matrix</h2>
      <p className="muted">{report.transferNote}</p>
      {report.transfers.length === 0 ? (
        <p className="muted">No EU personal data is processed outside the vendor&apos;s own profile: no transfers to assess.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="transfers-heading">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Country</th>
                <th scope="col">Processed by</th>
                <th scope="col">Regime</th>
                <th scope="col">Mechanism</th>
                <th scope="col">Issue</th>
              </tr>
            </thead>
            <tbody>
              {report.transfers.map((t) => (
                <tr key={t.country}>
                  <td>{t.countryLabel}</td>
                  <td>{t.processedBy}</td>
                  <td>{t.regimeLabel}</td>
                  <td>{t.mechanismLabel}</td>
                  <td>{t.issue ? <span className={`sev-text-${t.issueSeverity}`}>{t.issue}</span> : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function SignOffHistory({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="signoffs-heading">
      <h2 id="signoffs-heading">Sign-offs</h2>
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="signoffs-heading">
        <table className="data" data-testid="sign-offs">
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">Decision</th>
              <th scope="col">Name</th>
              <th scope="col">Date</th>
              <th scope="col">Comment</th>
            </tr>
          </thead>
          <tbody>
            {report.signOffs.map((s) => (
              <tr key={s.role} className={s.pending ? "muted" : undefined}>
                <th scope="row">{s.roleLabel}</th>
                <td>{s.decisionLabel}</td>
                <td>{s.name || "—"}</td>
                <td>{s.date || "—"}</td>
                <td className="pre-line">
                  {s.pending ? "—" : s.blankComment ? <strong className="sev-text-high">No comment given</strong> : s.comment}
                  {s.againstRating ? <><br /><strong className="sev-text-high">{s.againstRating}</strong></> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReportRiskAcceptances({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="risk-acceptance-heading">
      <h2 id="risk-acceptance-heading">Risk acceptance</h2>
      {report.riskAcceptances.length === 0 ? (
        <p className="muted">No risk acceptance was recorded on this assessment.</p>
      ) : (
        <div className="table-wrap">
          <table className="data" data-testid="risk-acceptances">
            <thead>
              <tr>
                <th scope="col">Accepted by</th>
                <th scope="col">Reason</th>
                <th scope="col">Findings accepted</th>
                <th scope="col">Until</th>
              </tr>
            </thead>
            <tbody>
              {report.riskAcceptances.map((a) => (
                <tr key={a.id}>
                  <td>
                    {a.acceptedByName}
                    <br />
                    <span className="muted small">{a.recordedText}</span>
                  </td>
                  <td className="pre-line">{a.reason}</td>
                  <td>
                    <ul>
                      {a.findings.map((f) => (
                        <li key={f.key}>{f.message}</li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {a.expiresText}
                    {a.expired ? <span className="badge sev-high assess-overdue-badge">Expired</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ReportRemediation({ report }: { report: AssessmentReport }) {
  return (
    <section className="card assess-section" aria-labelledby="report-remediation-heading">
      <h2 id="report-remediation-heading">Remediation items</h2>
      {report.remediation.length === 0 ? (
        <p className="muted">No remediation items were set on this assessment.</p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Finding</th>
                <th scope="col">Owner</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                <th scope="col">Closed with</th>
              </tr>
            </thead>
            <tbody>
              {report.remediation.map((r) => (
                <tr key={r.id} className={r.overdue ? "assess-overdue" : undefined}>
                  <td>{r.title}</td>
                  <td>{r.findingText || "—"}</td>
                  <td>{r.ownerName ?? "—"}</td>
                  <td>{r.dueText}</td>
                  <td>
                    {r.statusLabel}
                    {r.overdue ? <span className="badge sev-high assess-overdue-badge">Overdue</span> : null}
                  </td>
                  <td className="pre-line">{[r.closingEvidenceText, r.closingNote ?? ""].filter(Boolean).join("\n") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The whole report body, in the PDF's order (the cover is the page header). */
export function AssessmentReportView({ report }: { report: AssessmentReport }) {
  return (
    <div className="assess-report">
      <ExecutiveSummary report={report} />
      <DomainChart report={report} />
      <ScoreArithmetic report={report} />
      <ReportFindings report={report} />
      <EvidenceInventory report={report} />
      <ClauseReviewTable report={report} />
      <TransferMatrix report={report} />
      <SignOffHistory report={report} />
      <ReportRiskAcceptances report={report} />
      <ReportRemediation report={report} />
    </div>
  );
}
