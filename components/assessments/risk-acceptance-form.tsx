"use client";

import { useRouter } from "next/navigation";
import { createRiskAcceptanceAction } from "@/app/(app)/assessments/risk-actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { riskAcceptanceSchema } from "@/lib/schemas/assessment";
import { ClientForm } from "@/components/ui/client-form";

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
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: riskAcceptanceSchema,
    defaultValues: { assessmentId, reason: "", findingKeys: candidates.map((c) => c.key), expiresOn: latestExpiry },
    action: createRiskAcceptanceAction,
    successMessage: () => "Risk acceptance recorded.",
    onSuccess: () => router.refresh(),
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <ClientForm className="stack assess-workflow-form" onSubmit={onSubmit} noValidate aria-label="Risk acceptance">
      <h3>Record a risk acceptance</h3>
      <p className="muted">A High rating can only be approved once the organisation accepts its open blocker and high findings, for at most {maxDays} days.</p>
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
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
    </ClientForm>
  );
}
