import type { VendorDossierView } from "@/lib/schemas/views/vendor-dossier";

type Documents = VendorDossierView["documents"];

/** The attached document as a download link, or a dash when none is attached. */
export function EvidenceLink({ documents, id }: { documents: Documents; id: string | undefined }) {
  if (!id) return <span className="muted">None attached</span>;
  const doc = documents.find((d) => d.id === id);
  if (!doc) return <span className="muted">Document not found</span>;
  return (
    <a className="evidence-link" href={`/api/evidence/${doc.id}`} download title={`${doc.title ? `${doc.title}\n` : ""}SHA-256 ${doc.sha256}`}>
      {doc.fileName}
    </a>
  );
}
