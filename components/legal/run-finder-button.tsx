"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { runClauseFinderAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { clauseFinderHref } from "./legal-links";

/** Reads one uploaded contract and opens the review of its suggestions. */
export function RunFinderButton({ vendorId, documentId, fileName }: { vendorId: string; documentId: string; fileName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run() {
    setPending(true);
    setError(null);
    const result = await runClauseFinderAction({ vendorId, documentId });
    if (result.ok) {
      router.push(clauseFinderHref(vendorId, result.data.id));
      return;
    }
    setPending(false);
    setError(result.error);
  }
  return (
    <span className="run-finder">
      <button type="button" className="btn btn-small" onClick={run} disabled={pending} aria-label={`Run clause finder on ${fileName}`}>
        {pending ? "Reading the contract…" : "Run clause finder"}
      </button>
      {error ? <span className="error" role="alert"> {error}</span> : null}
    </span>
  );
}
