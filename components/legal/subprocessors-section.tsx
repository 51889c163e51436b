import Link from "next/link";
import { StatusBadge } from "@/components/dossier/status-badges";
import { DATA_CATEGORY_LABELS } from "@/lib/domain/vocabulary";
import type { Finding } from "@/lib/domain/findings/finding";
import type { LegalDossier } from "@/lib/schemas/legal";
import { legalRecordOf } from "@/lib/domain/legal/legal-record-lookup";
import type { LegalReview } from "@/lib/schemas/views/legal-review";
import { LegalDeleteButton } from "./legal-delete-button";
import { countryLabel } from "./legal-format";
import { legalFormHref } from "./legal-links";

/** The vendor's sub-processors and whether we consented or were told (GDPR Art. 28(2)). */
export function SubProcessorsSection({ vendorId, legal, review, findings }: { vendorId: string; legal: LegalDossier; review: LegalReview; findings: readonly Finding[] }) {
  const list = legal.subProcessors;
  return (
    <section id="section-subprocessor" className="dossier-section" aria-labelledby="legal-subprocessors-heading">
      <div className="section-header">
        <h2 id="legal-subprocessors-heading">Sub-processors <span className="muted count">({list.length})</span></h2>
        {review.may.manage ? <Link className="btn btn-primary btn-small" href={legalFormHref(vendorId, "subprocessor", "new")}>Add sub-processor</Link> : null}
      </div>
      {list.length === 0 ? (
        <div className="card empty-inline"><p>No sub-processor is recorded.</p></div>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <caption className="sr-only">Sub-processors</caption>
            <thead><tr><th scope="col">Sub-processor</th><th scope="col">Country</th><th scope="col">Data</th><th scope="col">Consent and notice</th>{review.may.manage ? <th scope="col"><span className="sr-only">Actions</span></th> : null}</tr></thead>
            <tbody>
              {list.map((sp) => {
                const id = sp.id ?? sp.name;
                const record = sp.id ? legalRecordOf(review, "subprocessor", sp.id) : undefined;
                const finding = findings.find((f) => f.subject.kind === "sub_processor" && f.subject.id === sp.id);
                return (
                  <tr key={id} id={`record-${id}`}>
                    <th scope="row">{sp.name}<br /><span className="muted">{sp.service}</span></th>
                    <td>{countryLabel(sp.country)}</td>
                    <td>{sp.dataCategories.length > 0 ? sp.dataCategories.map((c) => DATA_CATEGORY_LABELS[c]).join(", ") : <span className="muted">None</span>}</td>
                    <td>
                      {sp.consented ? <StatusBadge tone="ok">Consented</StatusBadge> : null} {sp.notified ? <StatusBadge tone="ok">Notified</StatusBadge> : null}
                      {finding ? <StatusBadge tone="warn">Neither consented nor notified</StatusBadge> : null}
                    </td>
                    {review.may.manage ? (
                      <td>
                        {record ? (
                          <span className="row-actions">
                            <Link className="btn btn-small" href={legalFormHref(vendorId, "subprocessor", record.id)} aria-label={`Edit ${sp.name}`}>Edit</Link>
                            <LegalDeleteButton vendorId={vendorId} kind="subprocessor" id={record.id} version={record.version} label={`sub-processor ${sp.name}`} />
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
  );
}
