import Link from "next/link";
import type { ReactNode } from "react";
import { RECORD_KINDS, type RecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { inSentence, newRecordHref, sectionAnchor } from "./tabs";

/** One kind of record on a tab: heading, Add button for editors, the list or an empty state. */
export function RecordSection({
  vendorId,
  kind,
  title,
  canEdit,
  count,
  description,
  empty,
  children,
}: {
  vendorId: string;
  kind: RecordKindKey;
  title?: string;
  canEdit: boolean;
  count: number;
  description?: ReactNode;
  empty?: ReactNode;
  children: ReactNode;
}) {
  const headingId = `${sectionAnchor(kind)}-heading`;
  const label = RECORD_KINDS[kind].label;
  return (
    <section id={sectionAnchor(kind)} className="dossier-section" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>
          {title ?? RECORD_KINDS[kind].plural} <span className="muted count">({count})</span>
        </h2>
        {canEdit ? (
          <Link className="btn btn-primary btn-small" href={newRecordHref(vendorId, kind)}>
            Add {inSentence(label)}
          </Link>
        ) : null}
      </div>
      {description ? <div className="section-description">{description}</div> : null}
      {count === 0 ? <div className="card empty-inline">{empty ?? <p>None recorded yet.</p>}</div> : children}
    </section>
  );
}
