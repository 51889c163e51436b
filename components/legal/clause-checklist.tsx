import Link from "next/link";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import { computeClauseStatus } from "@/lib/domain/legal/clause-deviation";
import type { LegalContext } from "@/lib/domain/legal/legal-findings";
import type { LegalDossier } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { LegalReview } from "@/lib/server/services/legal-view";
import { ClauseStatusChip } from "./clause-status-chip";
import { citationText, clauseValueText, contractLabel } from "./legal-format";
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
      <p className="muted">Deviating is computed from the recorded values against the organisation&apos;s thresholds (notification within {settings.contract.incidentNotificationMaxHours} h, training at least every {settings.contract.trainingCadenceMaxMonths} months or {settings.contract.trainingCadenceSensitiveMaxMonths} for financial or health data, a liability cap not below the insurance minimum).</p>
      <div className="table-wrap">
        <table className="data clause-checklist">
          <caption className="sr-only">Clause checklist</caption>
          <thead>
            <tr><th scope="col">Clause</th><th scope="col">Status</th><th scope="col">Value</th><th scope="col">Citation</th><th scope="col">Note</th>{review.may.manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr>
          </thead>
          <tbody>
            {CLAUSE_CATALOGUE.clauses.map((clause) => {
              const row = legal.clauseReviews.find((r) => r.clauseCode === clause.code);
              const result = row ? computeClauseStatus(row, { ...context, clause }, settings) : undefined;
              const contract = row?.citation ? legal.contracts.find((c) => c.id === row.citation?.contractId) : undefined;
              return (
                <tr key={clause.code} id={`record-${clause.code}`} data-clause={clause.code}>
                  <th scope="row">{clause.title}<br /><span className="muted small">{clause.description}</span></th>
                  <td>
                    <ClauseStatusChip status={result?.status ?? "unreviewed"} />
                    {result?.reason ? <p className="deviation-reason">{result.reason}</p> : null}
                  </td>
                  <td>{row && row.presence === "present" ? (clauseValueText(row) ?? <span className="muted">—</span>) : <span className="muted">—</span>}</td>
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
