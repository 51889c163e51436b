"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createAssessmentAction } from "@/app/(app)/assessments/actions";

/**
 * Freezes a new version (the first assessment, or a re-score as version n+1)
 * and opens it. The server computes everything; the button only asks.
 */
export function CreateAssessmentButton({ vendorId, label, primary = true }: { vendorId: string; label: string; primary?: boolean }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function create() {
    setPending(true);
    setError(null);
    const result = await createAssessmentAction({ vendorId });
    if (!result.ok) {
      setPending(false);
      setError(result.error);
      return;
    }
    router.push(`/assessments/${result.data.id}`);
    router.refresh();
  }

  return (
    <span className="assess-create">
      <button type="button" className={`btn${primary ? " btn-primary" : ""}`} onClick={create} disabled={pending}>
        {pending ? "Scoring…" : label}
      </button>
      {error ? (
        <span className="error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
