"use client";

import { useRouter } from "next/navigation";
import { deleteLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { LegalRecordKindKey } from "@/lib/schemas/dossier-record-kinds";

/**
 * The version makes deleting a record someone else just changed fail instead
 * of losing their change; a contract still cited by a clause is refused by the server.
 */
export function LegalDeleteButton({ vendorId, kind, id, version, label }: { vendorId: string; kind: LegalRecordKindKey; id: string; version: number; label: string }) {
  const router = useRouter();
  return (
    <ConfirmDialog
      triggerText="Delete"
      triggerLabel={`Delete ${label}`}
      title={`Delete ${label}?`}
      confirmText="Delete"
      pendingText="Deleting…"
      onConfirm={async () => {
        const result = await deleteLegalRecordAction({ vendorId, kind, id, version });
        if (!result.ok) return result.error;
        router.refresh();
        return null;
      }}
    >
      <p>The record leaves the legal review, its findings are recalculated and any legal sign-off becomes outdated. The audit log keeps what it contained.</p>
    </ConfirmDialog>
  );
}
