"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type FieldPath } from "react-hook-form";
import { createRiskAcceptanceAction } from "@/app/(app)/assessments/risk-actions";
import { riskAcceptanceSchema, type RiskAcceptanceInput } from "@/lib/schemas/assessment";

interface Props {
  assessmentId: string;
  /** The open blocker and high findings a High rating needs accepted, by unique key. */
  candidates: { key: string; message: string; severity: string }[];
  /** "YYYY-MM-DD": the latest expiry the organisation allows from today. */
  latestExpiry: string;
  maxDays: number;
}

/**
 * Records a risk acceptance (docs/assessments.md, "Risk acceptance"): the
 * findings accepted, why, and until when. A High rating cannot be approved
 * without one; the server checks the role, the findings and the expiry bound.
 */
export function RiskAcceptanceForm({ assessmentId, candidates, latestExpiry, maxDays }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const form = useForm<RiskAcceptanceInput>({
    resolver: zodResolver(riskAcceptanceSchema),
    defaultValues: { assessmentId, reason: "", findingKeys: candidates.map((c) => c.key), expiresOn: latestExpiry },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: RiskAcceptanceInput) {
    setFormError(null);
    setSaved(false);
    const result = await createRiskAcceptanceAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field !== "form") form.setError(field as FieldPath<RiskAcceptanceInput>, { message });
      }
      setFormError(result.error);
      return;
    }
    setSaved(true);
    router.refresh();
  }

  return (
    <form className="stack assess-workflow-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Risk acceptance">
      <h3>Record a risk acceptance</h3>
      <p className="muted">A High rating can only be approved once the organisation accepts its open blocker and high findings, for at most {maxDays} days.</p>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      {saved ? (
        <div className="alert alert-success" role="status">
          Risk acceptance recorded.
        </div>
      ) : null}
      <fieldset className="field" aria-invalid={errors.findingKeys ? true : undefined}>
        <legend>Findings accepted</legend>
        {candidates.length === 0 ? <p className="muted">No open blocker or high finding.</p> : null}
        <div className="checks">
          {candidates.map((c) => (
            <label key={c.key}>
              <input type="checkbox" value={c.key} {...form.register("findingKeys")} /> {c.message}
            </label>
          ))}
        </div>
        {errors.findingKeys ? (
          <span className="error" role="alert">
            {errors.findingKeys.message ?? errors.findingKeys.root?.message}
          </span>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="risk-reason">Why the risk is accepted</label>
        <textarea id="risk-reason" rows={3} aria-invalid={errors.reason ? true : undefined} {...form.register("reason")} />
        {errors.reason ? (
          <span className="error" role="alert">
            {errors.reason.message}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor="risk-expires">Accepted until</label>
        <input id="risk-expires" type="date" max={latestExpiry} aria-invalid={errors.expiresOn ? true : undefined} {...form.register("expiresOn")} />
        {errors.expiresOn ? (
          <span className="error" role="alert">
            {errors.expiresOn.message}
          </span>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={isSubmitting}>
          {isSubmitting ? "Recording…" : "Record risk acceptance"}
        </button>
      </div>
    </form>
  );
}
