"use client";

import { useRouter } from "next/navigation";
import { useId, useRef, useState } from "react";
import { deleteLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import type { LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";

/**
 * Delete a legal record after a confirmation in a modal dialog. The version
 * makes deleting a record someone else just changed fail instead of losing
 * their change; a contract still cited by a clause is refused by the server.
 */
export function LegalDeleteButton({ vendorId, kind, id, version, label }: { vendorId: string; kind: LegalRecordKindKey; id: string; version: number; label: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    const result = await deleteLegalRecordAction({ vendorId, kind, id, version });
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    dialogRef.current?.close();
    router.refresh();
  }

  return (
    <>
      <button type="button" className="btn btn-danger btn-small" aria-label={`Delete ${label}`} onClick={() => { setError(null); dialogRef.current?.showModal(); }}>
        Delete
      </button>
      <dialog ref={dialogRef} className="confirm-dialog" aria-labelledby={titleId}>
        <h2 id={titleId}>Delete {label}?</h2>
        <p>The record leaves the legal review, its findings are recalculated and any legal sign-off becomes outdated. The audit log keeps what it contained.</p>
        {error ? <div className="alert alert-error" role="alert">{error}</div> : null}
        <div className="form-actions">
          <button type="button" className="btn btn-danger" onClick={confirm} disabled={pending}>{pending ? "Deleting…" : "Delete"}</button>
          <button type="button" className="btn" autoFocus onClick={() => dialogRef.current?.close()}>Keep it</button>
        </div>
      </dialog>
    </>
  );
}
