"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { deleteDossierRecordAction } from "@/app/(app)/vendors/[id]/dossier-actions";
import type { RecordKindKey } from "@/lib/schemas/dossier-record-kinds";

interface Props {
  vendorId: string;
  kind: RecordKindKey;
  id: string;
  version: number;
  /** What is deleted, in words: "delivery site Pune, India". */
  label: string;
  /** Where to go afterwards (the tab); stays on the page when absent. */
  afterDelete?: string;
  small?: boolean;
}

/**
 * Delete with a confirmation in a modal <dialog> (focus moves into it, Escape
 * cancels, focus returns to the button). The version makes a delete of a
 * record someone else just changed fail instead of removing their work.
 */
export function DeleteRecordButton({ vendorId, kind, id, version, label, afterDelete, small = true }: Props) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await deleteDossierRecordAction({ vendorId, kind, id, version });
    setPending(false);
    if (!result.ok) {
      setError(result.code === "CONFLICT" ? `${result.error}` : result.error);
      return;
    }
    dialogRef.current?.close();
    if (afterDelete) router.push(afterDelete);
    router.refresh();
  }

  return (
    <>
      <button
        type="button"
        className={`btn btn-danger${small ? " btn-small" : ""}`}
        onClick={() => {
          setError(null);
          dialogRef.current?.showModal();
        }}
        aria-label={`Delete ${label}`}
      >
        Delete
      </button>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId} onClose={() => setPending(false)}>
        <h2 id={titleId}>Delete this {label}?</h2>
        <p>The record is removed from the dossier and its findings are recalculated. The audit log keeps what it contained.</p>
        {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
        <div className="form-actions">
          <button type="button" className="btn btn-danger" onClick={confirm} disabled={pending}>
            {pending ? "Deleting…" : "Delete"}
          </button>
          <button type="button" className="btn" autoFocus onClick={() => dialogRef.current?.close()}>
            Keep it
          </button>
        </div>
      </dialog>
    </>
  );
}
