import Link from "next/link";
import { DayText, InstantText } from "@/components/ui/relative-date";
import { EvidenceLink } from "@/components/dossier/evidence-link";
import { StatusBadge, type Tone } from "@/components/dossier/status-badges";
import type { Finding } from "@/lib/domain/findings/finding";
import { CONTRACT_TYPE_LABELS } from "@/lib/domain/legal/legal-vocabulary";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import { legalRecordOf } from "@/lib/domain/legal/legal-record-lookup";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { ContractUploadForm } from "./contract-upload-form";
import { LegalDeleteButton } from "./legal-delete-button";
import { contractLabel } from "./legal-format";
import { clauseFinderHref, legalFormHref } from "./legal-links";
import { RunFinderButton } from "./run-finder-button";

const STATUS_TONE: Record<string, Tone> = { draft: "info", signed: "ok", expired: "bad", terminated: "muted" };
const READABLE = ["application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "text/plain"];

/** Contracts with their term, and the uploaded contract files the clause finder reads. */
export function ContractsSection({ view, review, findings }: { view: VendorDossierView; review: LegalReview; findings: readonly Finding[] }) {
  const { vendor, dossier, documents, now } = view;
  const contracts = dossier.legal.contracts;
  const files = documents.filter((d) => d.kind === "contract");
  return (
    <>
      <section id="section-contract" className="dossier-section" aria-labelledby="legal-contracts-heading">
        <div className="section-header">
          <h2 id="legal-contracts-heading">Contracts <span className="muted count">({contracts.length})</span></h2>
          {review.may.manage ? <Link className="btn btn-primary btn-small" href={legalFormHref(vendor.id, "contract", "new")}>Add contract</Link> : null}
        </div>
        {contracts.length === 0 ? (
          <div className="card empty-inline"><p>No contract is recorded yet.</p></div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">Contracts</caption>
              <thead>
                <tr><th scope="col">Contract</th><th scope="col">Status</th><th scope="col">Effective</th><th scope="col">Term end</th><th scope="col">Renewal and notice</th><th scope="col">Governing law</th><th scope="col">Signed file</th>{review.may.manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr>
              </thead>
              <tbody>
                {contracts.map((c) => {
                  const record = legalRecordOf(review, "contract", c.id);
                  const termFindings = findings.filter((f) => f.subject.kind === "contract" && f.subject.id === c.id);
                  return (
                    <tr key={c.id} id={`record-${c.id}`}>
                      <th scope="row">{contractLabel(c)}{c.title ? <><br /><span className="muted">{CONTRACT_TYPE_LABELS[c.type]}</span></> : null}</th>
                      <td><StatusBadge tone={STATUS_TONE[c.status] ?? "muted"}>{c.status.charAt(0).toUpperCase() + c.status.slice(1)}</StatusBadge></td>
                      <td>{c.effectiveDate ? <DayText day={c.effectiveDate} now={now} relative={false} /> : <span className="muted">Not stated</span>}</td>
                      <td>
                        {c.termEnd ? <DayText day={c.termEnd} now={now} /> : <span className="muted">Open-ended</span>}
                        {termFindings.map((f) => <div key={f.code}><StatusBadge tone={f.severity === "blocker" ? "blocker" : "bad"}>{f.code === "legal.contract.ended" ? "Ended" : "In notice period"}</StatusBadge></div>)}
                      </td>
                      <td>{c.renewal === "auto" ? "Renews automatically" : "Ends unless renewed"}{c.noticePeriodDays !== undefined ? <><br /><span className="muted">{c.noticePeriodDays} days&apos; notice</span></> : null}</td>
                      <td>{c.governingLaw ?? <span className="muted">Not stated</span>}</td>
                      <td><EvidenceLink documents={documents} id={c.evidenceId} /></td>
                      {review.may.manage ? (
                        <td>
                          {record ? (
                            <span className="row-actions">
                              <Link className="btn btn-small" href={legalFormHref(vendor.id, "contract", c.id)} aria-label={`Edit ${contractLabel(c)}`}>Edit</Link>
                              <LegalDeleteButton vendorId={vendor.id} kind="contract" id={c.id} version={record.version} label={`contract ${contractLabel(c)}`} />
                            </span>
                          ) : null}
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section id="section-contract-files" className="dossier-section" aria-labelledby="legal-files-heading">
        <div className="section-header">
          <h2 id="legal-files-heading">Contract files and the clause finder <span className="muted count">({files.length})</span></h2>
        </div>
        <p className="muted">The clause finder reads a PDF, DOCX, Markdown, HTML or TXT contract and suggests, for every clause of the checklist, whether it is there, with the passages and values it found. Suggestions are recorded only when you accept or edit them.</p>
        {files.length === 0 ? (
          <div className="card empty-inline"><p>No contract file is uploaded yet.</p></div>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">Contract files</caption>
              <thead><tr><th scope="col">File</th><th scope="col">Effective</th><th scope="col">Uploaded</th><th scope="col">Clause finder</th></tr></thead>
              <tbody>
                {files.map((d) => {
                  const runs = review.analyses.filter((a) => a.documentId === d.id);
                  const latest = runs[0];
                  const recorded = contracts.some((c) => c.evidenceId === d.id);
                  return (
                    <tr key={d.id} id={`record-${d.id}`}>
                      <th scope="row"><EvidenceLink documents={documents} id={d.id} />{d.title ? <><br /><span className="muted">{d.title}</span></> : null}</th>
                      <td><DayText day={d.effectiveDate} now={now} relative={false} /></td>
                      <td><InstantText at={d.uploadedAt} now={now} /><br /><span className="muted">by {d.uploadedByName}</span></td>
                      <td>
                        {latest ? (
                          <p>
                            <Link href={clauseFinderHref(vendor.id, latest.id)}>{latest.pending > 0 ? `Review ${latest.pending} open suggestion${latest.pending === 1 ? "" : "s"}` : "See the decided suggestions"}</Link>
                            <br /><span className="muted">{latest.found} of {latest.total} clauses found; run by {latest.createdByName}</span>
                          </p>
                        ) : null}
                        {review.may.manage && latest && !recorded ? (
                          <p><Link className="btn btn-small" href={legalFormHref(vendor.id, "contract", "new", { evidenceId: d.id })}>Record this contract</Link></p>
                        ) : null}
                        {review.may.manage && READABLE.includes(d.mimeType.split(";")[0]!.trim()) ? <RunFinderButton vendorId={vendor.id} documentId={d.id} fileName={d.fileName} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {review.may.upload ? (
          <div className="card upload-contract">
            <h3>Upload a contract</h3>
            <ContractUploadForm vendorId={vendor.id} />
          </div>
        ) : null}
      </section>
    </>
  );
}
