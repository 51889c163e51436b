import Link from "next/link";
import { formatHours } from "@/lib/domain/durations";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { citationText, clauseReviewRows, contractLabel } from "@/lib/domain/legal/clause-review";
import type { LegalContext } from "@/lib/domain/legal/legal-findings";
import type { LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { ClauseStatusChip } from "./clause-status-chip";
import { legalFormHref } from "./legal-links";

/**
 * The clause checklist in catalogue order: the computed status (never typed),
 * why a clause deviates, the structured value and where the contract says it.
 */
export function ClauseChecklist({ vendorId, legal, context, settings, review }: { vendorId: string; legal: LegalDossier; context: LegalContext; settings: Settings; review: LegalReview }) {
  const reviewed = legal.clauseReviews.length;
  return (
    <section id="section-clause" className="dossier-section" aria-labelledby="legal-clauses-heading">
      <div className="section-header">
        <h2 id="legal-clauses-heading">Clause checklist <span className="muted count">({reviewed} of {CLAUSE_CATALOGUE.clauses.length} reviewed)</span></h2>
      </div>
      <p className="muted">Deviating is computed from the recorded values against the organisation&apos;s thresholds (notification within {formatHours(settings.contract.incidentNotificationMaxHours)}, training at least every {settings.contract.trainingCadenceMaxMonths} months or {settings.contract.trainingCadenceSensitiveMaxMonths} for financial or health data, a liability cap not below the insurance minimum).</p>
      <div className="table-wrap">
        <table className="data clause-checklist">
          <caption className="sr-only">Clause checklist</caption>
          <thead>
            <tr><th scope="col">Clause</th><th scope="col">Status</th><th scope="col">Value</th><th scope="col">Citation</th><th scope="col">Note</th>{review.may.manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr>
          </thead>
          <tbody>
            {clauseReviewRows(legal, context, settings).map(({ clause, row, status, reviewed, reason, valueText, contract }) => {
              return (
                <tr key={clause.code} id={`record-${clause.code}`} data-clause={clause.code}>
                  <th scope="row">{clause.title}<br /><span className="muted small">{clause.description}</span></th>
                  <td>
                    <ClauseStatusChip status={reviewed ? status : "unreviewed"} />
                    {reason ? <p className="deviation-reason">{reason}</p> : null}
                  </td>
                  <td>{valueText ?? <span className="muted">—</span>}</td>
                  <td>
                    {row?.citation ? (
                      <>
                        {contract ? <a href={`#record-${contract.id}`}>{contractLabel(contract)}</a> : <span className="muted">Unknown contract</span>}
                        {citationText(row.citation) ? <><br /><span className="muted">{citationText(row.citation)}</span></> : null}
                      </>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </td>
                  <td>{row?.reviewerNote ? <span className="pre-line">{row.reviewerNote}</span> : <span className="muted">—</span>}</td>
                  {review.may.manage ? (
                    <td><Link className="btn btn-small" href={legalFormHref(vendorId, "clause", clause.code)} aria-label={`${row ? "Edit" : "Review"} ${clause.title}`}>{row ? "Edit" : "Review"}</Link></td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
