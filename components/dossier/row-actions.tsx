import Link from "next/link";
import type { RecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { DeleteRecordButton } from "./delete-record-button";
import { editRecordHref } from "./tabs";

/** Per-row Edit and Delete, rendered only for people who may change the record's kind. */
export function RowActions({ vendorId, kind, id, version, label }: { vendorId: string; kind: RecordKindKey; id: string; version: number | undefined; label: string }) {
  if (version === undefined) return null;
  return (
    <span className="row-actions">
      <Link className="btn btn-small" href={editRecordHref(vendorId, kind, id)} aria-label={`Edit ${label}`}>Edit</Link>
      <DeleteRecordButton vendorId={vendorId} kind={kind} id={id} version={version} label={label} />
    </span>
  );
}
