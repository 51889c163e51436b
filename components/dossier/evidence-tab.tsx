import { EVIDENCE_KIND_LABELS, type EvidenceKind } from "@/lib/domain/dossier-vocabulary";
import { isLegalRecordKind, recordKindSpec } from "@/lib/schemas/dossier-record-kinds";
import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";
import Link from "next/link";
import { DayText, InstantText } from "@/components/ui/relative-date";
import { EvidenceUploadForm } from "./evidence-upload-form";
import { evidenceUsesOf } from "./evidence-uses";
import { formatBytes } from "./format-bytes";
import { SortableTable } from "./sortable-table";
import { recordAnchor, tabHref, TAB_OF_RECORD_KIND } from "./tabs";

const SHA_PREFIX = 12;

export function EvidenceTab({ view }: { view: VendorDossierView }) {
  const { vendor, documents, now, may, settings } = view;
  const uses = evidenceUsesOf(view.dossier);
  return (
    <>
      <section className="dossier-section" aria-labelledby="documents-heading">
        <div className="section-header">
          <h2 id="documents-heading">Documents <span className="muted count">({documents.length})</span></h2>
          {may.upload && documents.length > 0 ? <a className="btn btn-primary btn-small" href="#upload-evidence">Upload a document</a> : null}
        </div>
        <p className="muted">Every file is kept with its SHA-256, so an audit pack can be verified offline. The effective date is the document&apos;s own date, separate from the upload.</p>
        {documents.length === 0 ? (
          <div className="card empty-inline"><p>No documents uploaded yet.</p></div>
        ) : (
          <SortableTable
            caption="Evidence documents"
            initialSort={{ column: 3, dir: "desc" }}
            columns={[
              { label: "Document", sortable: true },
              { label: "Kind", sortable: true },
              { label: "Effective date", sortable: true },
              { label: "Uploaded", sortable: true },
              { label: "Size", sortable: true, numeric: true },
              { label: "SHA-256" },
              { label: "Evidence for" },
              { label: "Download", hiddenLabel: true },
            ]}
            rows={documents.map((d) => {
              const used = uses.get(d.id) ?? [];
              return {
                key: d.id,
                id: `document-${d.id}`,
                sort: [d.title ?? d.fileName, d.kind, d.effectiveDate, d.uploadedAt.toISOString(), d.sizeBytes],
                cells: [
                  <span key="n">{d.title ? <><strong>{d.title}</strong><br /><span className="muted">{d.fileName}</span></> : <strong>{d.fileName}</strong>}</span>,
                  EVIDENCE_KIND_LABELS[d.kind as EvidenceKind] ?? d.kind,
                  <DayText key="e" day={d.effectiveDate} now={now} />,
                  <span key="u">{d.uploadedByName}<br /><InstantText at={d.uploadedAt} now={now} /></span>,
                  formatBytes(d.sizeBytes),
                  <code key="h" className="sha" title={d.sha256}>
                    {d.sha256.slice(0, SHA_PREFIX)}…<span className="sr-only"> (full hash: {d.sha256})</span>
                  </code>,
                  used.length === 0 ? (
                    <span key="f" className="muted">Not attached</span>
                  ) : (
                    <ul key="f" className="plain-list">
                      {used.map((u) => (
                        <li key={u.id}>
                          <Link href={`${tabHref(vendor.id, isLegalRecordKind(u.kind) ? "legal" : TAB_OF_RECORD_KIND[u.kind])}#${recordAnchor(u.anchorId)}`}>
                            {recordKindSpec(u.kind).label}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ),
                  <a key="d" className="btn btn-small" href={`/api/evidence/${d.id}`} download aria-label={`Download ${d.fileName}`}>Download</a>,
                ],
              };
            })}
          />
        )}
      </section>
      {may.upload ? (
        <section className="card" id="upload-evidence" aria-label="Upload evidence">
          <EvidenceUploadForm vendorId={vendor.id} maxBytes={settings.uploads.maxBytes} />
        </section>
      ) : null}
    </>
  );
}
