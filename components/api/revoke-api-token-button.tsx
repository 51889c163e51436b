"use client";

import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { ActionResult } from "@/lib/schemas/action-result";

export function RevokeApiTokenButton({ id, name, revoke }: { id: string; name: string; revoke: (input: { id: string }) => Promise<ActionResult<unknown>> }) {
  return (
    <ConfirmDialog
      triggerText="Revoke"
      triggerLabel={`Revoke API token ${name}`}
      title={`Revoke “${name}”?`}
      confirmText="Revoke token"
      pendingText="Revoking…"
      onConfirm={async () => {
        const result = await revoke({ id });
        return result.ok ? null : result.error;
      }}
    >
      <p>Requests with this token are refused from now on, on every instance. This cannot be undone.</p>
    </ConfirmDialog>
  );
}
