"use client";

import { useRouter } from "next/navigation";
import { deleteDossierRecordAction } from "@/app/(app)/vendors/[id]/dossier-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
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

/** The version makes a delete of a record someone else just changed fail instead of removing their work. */
export function DeleteRecordButton({ vendorId, kind, id, version, label, afterDelete, small = true }: Props) {
  const router = useRouter();
  return (
    <ConfirmDialog
      triggerText="Delete"
      triggerLabel={`Delete ${label}`}
      triggerClassName={`btn btn-danger${small ? " btn-small" : ""}`}
      title={`Delete this ${label}?`}
      confirmText="Delete"
      pendingText="Deleting…"
      onConfirm={async () => {
        const result = await deleteDossierRecordAction({ vendorId, kind, id, version });
        if (!result.ok) return result.error;
        if (afterDelete) router.push(afterDelete);
        router.refresh();
        return null;
      }}
    >
      <p>The record is removed from the dossier and its findings are recalculated. The audit log keeps what it contained.</p>
    </ConfirmDialog>
  );
}
