"use client";

import { useRouter } from "next/navigation";
import { submitAssessmentAction } from "@/app/(app)/assessments/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { submitAssessmentSchema } from "@/lib/schemas/assessment";
import { ClientForm } from "@/components/ui/client-form";

/** Procurement submits the draft for legal and security to sign off; the submission is procurement's sign-off. */
export function SubmitAssessmentForm({ assessmentId, lockVersion }: { assessmentId: string; lockVersion: number }) {
  const router = useRouter();
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: submitAssessmentSchema,
    defaultValues: { assessmentId, lockVersion, comment: "" },
    action: submitAssessmentAction,
    successMessage: () => "Submitted for review.",
    onSuccess: () => router.refresh(),
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <ClientForm className="stack assess-workflow-form" onSubmit={onSubmit} noValidate aria-label="Submit for review">
      <h3>Submit for review</h3>
      <p className="muted">Legal and security will each sign this version off. Submitting counts as procurement&apos;s sign-off.</p>
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <div className="field">
        <label htmlFor="submit-comment">Comment for the reviewers (optional)</label>
        <textarea id="submit-comment" rows={2} aria-invalid={errors.comment ? true : undefined} {...form.register("comment")} />
        {errors.comment ? (
          <span className="error" role="alert">
            {errors.comment.message}
          </span>
        ) : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Submitting…" : "Submit for review"}
        </button>
      </div>
    </ClientForm>
  );
}
