"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/schemas/action-result";

/**
 * Commits a previewed import. The write is one transaction: while it runs the
 * button says so, and a refusal (a vendor changed since the preview) is shown
 * with nothing imported.
 */
export function ImportCommitButton({ importId, rows, commit }: { importId: string; rows: number; commit: (input: { importId: string }) => Promise<ActionResult<{ kind: string }>> }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function run() {
    setState({ busy: true, error: null });
    const result = await commit({ importId });
    if (result.ok) {
      router.push(`/vendors/import?${new URLSearchParams({ id: importId, done: "1" })}`);
      router.refresh();
      return;
    }
    setState({ busy: false, error: result.error });
  }
  return (
    <div className="stack">
      {state.error ? <div className="alert alert-error" role="alert">{state.error}</div> : null}
      <div className="form-actions">
        <button type="button" className="btn btn-primary" onClick={run} disabled={state.busy}>
          {state.busy ? `Importing ${rows.toLocaleString("en")} rows…` : `Import ${rows.toLocaleString("en")} ${rows === 1 ? "row" : "rows"}`}
        </button>
        {state.busy ? <progress aria-label="Importing" /> : null}
      </div>
    </div>
  );
}
