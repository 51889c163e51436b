import Link from "next/link";
import { StatusBadge } from "@/components/dossier/status-badges";
import { ADEQUACY_REFERENCE } from "@/lib/domain/legal/adequacy";
import type { LegalContext } from "@/lib/domain/legal/legal-findings";
import { SCC_MODULE_LABELS, TRANSFER_MECHANISM_LABELS, type DpaStatus } from "@/lib/domain/legal/legal-vocabulary";
import { TRANSFER_REGIME_LABELS, transferMatrixFor } from "@/lib/domain/legal/transfer-matrix";
import type { Finding } from "@/lib/domain/findings/finding";
import type { LegalDossier } from "@/lib/schemas/legal";
import { legalRecordOf } from "@/lib/domain/legal/legal-record-lookup";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { DayText } from "@/components/ui/relative-date";
import { LegalDeleteButton } from "./legal-delete-button";
import { contractLabel, countryLabel } from "./legal-format";
import { legalFormHref } from "./legal-links";

const DPA_LABEL: Record<DpaStatus, string> = { none: "No DPA", draft: "Draft", signed: "Signed" };

/** DPA status and the transfer matrix derived from delivery sites and sub-processors (docs/rules.md §5). */
export function DpaAndTransfers({ vendorId, legal, context, review, findings, now }: { vendorId: string; legal: LegalDossier; context: LegalContext; review: LegalReview; findings: readonly Finding[]; now: Date }) {
  const dpaRecord = legalRecordOf(review, "dpa");
  const dpaContract = legal.dpa.contractId ? legal.contracts.find((c) => c.id === legal.dpa.contractId) : undefined;
  const dpaFinding = findings.find((f) => f.subject.kind === "dpa");
  const matrix = transferMatrixFor(legal, context);
  const inMatrix = new Set(matrix.map((r) => r.country));
  const stray = legal.transferMechanisms.filter((t) => !inMatrix.has(t.country));
  return (
    <>
      <section id="section-dpa" className="dossier-section" aria-labelledby="legal-dpa-heading">
        <div className="section-header">
          <h2 id="legal-dpa-heading">Data processing agreement</h2>
          {review.may.manage ? <Link className="btn btn-small" href={legalFormHref(vendorId, "dpa", "current")}>Edit DPA status</Link> : null}
        </div>
        <div className="card">
          <dl className="facts">
            <dt>Status</dt>
            <dd><StatusBadge tone={legal.dpa.status === "signed" ? "ok" : dpaFinding ? "blocker" : "muted"}>{DPA_LABEL[legal.dpa.status]}</StatusBadge>{dpaRecord ? null : <span className="muted"> (not recorded yet)</span>}</dd>
            <dt>Signed on</dt>
            <dd>{legal.dpa.signedDate ? <DayText day={legal.dpa.signedDate} now={now} relative={false} /> : <span className="muted">—</span>}</dd>
            <dt>Version</dt>
            <dd>{legal.dpa.version ?? <span className="muted">—</span>}</dd>
            <dt>Contract</dt>
            <dd>{dpaContract ? <a href={`#record-${dpaContract.id}`}>{contractLabel(dpaContract)}</a> : <span className="muted">—</span>}</dd>
          </dl>
          {dpaFinding ? <p className="finding-inline"><span className={`badge sev-${dpaFinding.severity}`}>{dpaFinding.severity === "blocker" ? "Blocker" : dpaFinding.severity}</span> {dpaFinding.message}</p> : null}
          {context.dataCategories.length === 0 ? <p className="muted">The vendor processes no personal data for us, so no DPA is required.</p> : null}
        </div>
      </section>

      <section id="section-transfer" className="dossier-section" aria-labelledby="legal-transfers-heading">
        <div className="section-header">
          <h2 id="legal-transfers-heading">Transfer matrix <span className="muted count">({matrix.length})</span></h2>
        </div>
        <p className="muted">
          One row per country where EU/EEA residents&apos; personal data is processed, derived from the delivery sites and the sub-processors. Adequacy decisions come from the reference list
          ({ADEQUACY_REFERENCE.decisions.length} decisions, as of {ADEQUACY_REFERENCE.asOf}).
        </p>
        {matrix.length === 0 ? (
          <div className="card empty-inline"><p>{context.dataCategories.includes("eu_personal") ? "No delivery site or sub-processor is recorded, so no country is derived yet." : "The vendor handles no EU residents' personal data for us: no international transfer."}</p></div>
        ) : (
          <div className="table-wrap">
            <table className="data transfer-matrix">
              <caption className="sr-only">Transfer matrix</caption>
              <thead><tr><th scope="col">Country</th><th scope="col">Processed by</th><th scope="col">Mechanism</th><th scope="col">Adequacy source</th><th scope="col">Finding</th>{review.may.manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr></thead>
              <tbody>
                {matrix.map((row) => {
                  const needsMechanism = row.regime === "third_country" || row.regime === "adequacy_importer_check";
                  return (
                    <tr key={row.country} id={`record-${row.country}`} data-country={row.country}>
                      <th scope="row">{countryLabel(row.country)}<br /><span className="muted small">{TRANSFER_REGIME_LABELS[row.regime]}</span></th>
                      <td>{row.processedBy.map((p) => <div key={`${p.kind}-${p.id ?? p.label}`}>{p.label} <span className="muted">({p.kind === "delivery_site" ? "delivery site" : "sub-processor"})</span></div>)}</td>
                      <td>
                        {TRANSFER_MECHANISM_LABELS[row.mechanism]}
                        {row.recorded?.mechanism === "sccs" && row.recorded.sccModule ? <><br /><span className="muted">{SCC_MODULE_LABELS[row.recorded.sccModule]}</span></> : null}
                        {row.recorded?.tiaDate ? <><br /><span className="muted">Transfer impact assessment <DayText day={row.recorded.tiaDate} now={now} relative={false} /></span></> : null}
                        {row.recorded?.note ? <><br /><span className="muted">{row.recorded.note}</span></> : null}
                      </td>
                      <td>
                        {row.adequacy ? (
                          <a href={row.adequacy.source} target="_blank" rel="noreferrer">{row.adequacy.decision}</a>
                        ) : (
                          <span className="muted">{row.regime === "eu_eea" ? "EU/EEA member" : "No adequacy decision"}</span>
                        )}
                        {row.adequacy ? <><br /><span className="muted"><DayText day={row.adequacy.date} now={now} relative={false} />{row.adequacy.scope !== "full" ? `; covers ${row.adequacy.scope}` : ""}</span></> : null}
                      </td>
                      <td>{row.finding ? <><span className={`badge sev-${row.finding.severity}`}>{row.finding.severity === "blocker" ? "Blocker" : row.finding.severity === "medium" ? "Medium" : row.finding.severity}</span> <span>{row.finding.message}</span></> : <StatusBadge tone="ok">Covered</StatusBadge>}</td>
                      {review.may.manage ? (
                        <td>{needsMechanism ? <Link className="btn btn-small" href={legalFormHref(vendorId, "transfer", row.country)} aria-label={`Set the mechanism for ${countryLabel(row.country)}`}>{row.recorded ? "Edit" : "Set mechanism"}</Link> : null}</td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {stray.length > 0 ? (
          <div className="card stray-transfers">
            <p>Mechanisms recorded for countries where no site or sub-processor handles EU data any more:</p>
            <ul className="plain-list">
              {stray.map((t) => {
                const record = legalRecordOf(review, "transfer", t.country);
                return (
                  <li key={t.country}>
                    {countryLabel(t.country)}: {TRANSFER_MECHANISM_LABELS[t.mechanism]}{" "}
                    {review.may.manage && record ? <LegalDeleteButton vendorId={vendorId} kind="transfer" id={record.id} version={record.version} label={`transfer mechanism for ${countryLabel(t.country)}`} /> : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ) : null}
      </section>
    </>
  );
}
