import type { ReactNode } from "react";
import type { AssessmentReport } from "@/lib/domain/assessments/assessment-report";
import { BlockerIcon } from "@/components/dossier/blocker-icon";
import { DataTable, type DataColumn } from "@/components/ui/data-table";

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

const CHECK_COLUMNS: DataColumn[] = ["Check", "Result", { label: "Points", className: "num" }, "Observed", "Required"];

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
          <DataTable columns={CHECK_COLUMNS} rows={group.checks}>
            {(c, i) => (
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
            )}
          </DataTable>
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

/** A report section that is one table, or a sentence when it has no rows. */
function TableSection<T>({ headingId, title, note, empty, columns, rows, testId, children }: {
  headingId: string;
  title: string;
  note?: string;
  empty?: string;
  columns: readonly DataColumn[];
  rows: readonly T[];
  testId?: string;
  children: (row: T, index: number) => ReactNode;
}) {
  return (
    <section className="card assess-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {note ? <p className="muted">{note}</p> : null}
      {rows.length === 0 && empty ? (
        <p className="muted">{empty}</p>
      ) : (
        <DataTable columns={columns} rows={rows} labelledBy={headingId} testId={testId}>
          {children}
        </DataTable>
      )}
    </section>
  );
}

export function EvidenceInventory({ report }: { report: AssessmentReport }) {
  return (
    <TableSection headingId="evidence-heading" title="Evidence inventory" empty="No evidence documents were on file." columns={["Document", "Kind", "Effective", "Uploaded", "SHA-256 (prefix)", "Used by"]} rows={report.evidence}>
      {(e) => (
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
      )}
    </TableSection>
  );
}

export function ClauseReviewTable({ report }: { report: AssessmentReport }) {
  return (
    <TableSection headingId="clauses-heading" title="Clause review" note={report.clauseCatalogueNote} columns={["Clause", "Status", "Citation", "Value", "Reviewer note"]} rows={report.clauses}>
      {(c) => (
        <tr key={c.code}>
          <td>{c.title}</td>
          <td className={`assess-clause-${c.status}`}>{c.statusLabel}</td>
          <td>{c.citation || "—"}</td>
          <td>{c.value || "—"}</td>
          <td>{c.note || "—"}</td>
        </tr>
      )}
    </TableSection>
  );
}

export function TransferMatrix({ report }: { report: AssessmentReport }) {
  return (
    <TableSection
      headingId="transfers-heading"
      title="Transfer matrix"
      note={report.transferNote}
      empty="No EU personal data is processed outside the vendor's own profile: no transfers to assess."
      columns={["Country", "Processed by", "Regime", "Mechanism", "Issue"]}
      rows={report.transfers}
    >
      {(t) => (
        <tr key={t.country}>
          <td>{t.countryLabel}</td>
          <td>{t.processedBy}</td>
          <td>{t.regimeLabel}</td>
          <td>{t.mechanismLabel}</td>
          <td>{t.issue ? <span className={`sev-text-${t.issueSeverity}`}>{t.issue}</span> : "—"}</td>
        </tr>
      )}
    </TableSection>
  );
}

export function SignOffHistory({ report }: { report: AssessmentReport }) {
  return (
    <TableSection headingId="signoffs-heading" title="Sign-offs" columns={["Role", "Decision", "Name", "Date", "Comment"]} rows={report.signOffs} testId="sign-offs">
      {(s) => (
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
      )}
    </TableSection>
  );
}

export function ReportRiskAcceptances({ report }: { report: AssessmentReport }) {
  return (
    <TableSection
      headingId="risk-acceptance-heading"
      title="Risk acceptance"
      empty="No risk acceptance was recorded on this assessment."
      columns={["Accepted by", "Reason", "Findings accepted", "Until"]}
      rows={report.riskAcceptances}
      testId="risk-acceptances"
    >
      {(a) => (
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
      )}
    </TableSection>
  );
}

export function ReportRemediation({ report }: { report: AssessmentReport }) {
  return (
    <TableSection
      headingId="report-remediation-heading"
      title="Remediation items"
      empty="No remediation items were set on this assessment."
      columns={["Item", "Finding", "Owner", "Due", "Status", "Closed with"]}
      rows={report.remediation}
    >
      {(r) => (
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
      )}
    </TableSection>
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
