"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { submitAssessmentAction } from "@/app/(app)/assessments/actions";
import { submitAssessmentSchema, type SubmitAssessmentInput } from "@/lib/schemas/assessment";
import type { z } from "zod";

type Values = z.output<typeof submitAssessmentSchema>;

/** Procurement submits the draft for legal and security to sign off; the submission is procurement's sign-off. */
export function SubmitAssessmentForm({ assessmentId, lockVersion }: { assessmentId: string; lockVersion: number }) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SubmitAssessmentInput, unknown, Values>({
    resolver: zodResolver(submitAssessmentSchema),
    defaultValues: { assessmentId, lockVersion, comment: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Values) {
    setFormError(null);
    const result = await submitAssessmentAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) form.setError(field as "comment", { message });
      setFormError(result.error);
      return;
    }
    router.refresh();
  }

  return (
    <form className="stack assess-workflow-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Submit for review">
      <h3>Submit for review</h3>
      <p className="muted">Legal and security will each sign this version off. Submitting counts as procurement&apos;s sign-off.</p>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
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
    </form>
  );
}
