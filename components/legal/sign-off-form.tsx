"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { signOffLegalReviewAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { legalSignOffFormSchema, type LegalSignOffFormInput } from "@/lib/schemas/legal-review";
import { FormAlerts } from "./form-alerts";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

/**
 * Signs the legal review off at the revision on screen. If anything changed
 * meanwhile the server refuses and says what, so nobody signs off a review
 * they have not seen.
 */
export function SignOffForm({ vendorId, legalRevision, blockers }: { vendorId: string; legalRevision: number; blockers: number }) {
  const form = useForm<LegalSignOffFormInput>({ resolver: zodResolver(legalSignOffFormSchema), defaultValues: { comment: "" } });
  const { errors, isSubmitting } = form.formState;
  const { save, formError, conflict } = useLegalSave(form);
  return (
    <ClientForm
      className="stack sign-off-form"
      noValidate
      aria-label="Sign off the legal review"
      onSubmit={form.handleSubmit(async (values) => {
        if (await save(() => signOffLegalReviewAction({ vendorId, legalRevision, comment: values.comment }))) form.reset({ comment: "" });
      })}
    >
      <FormAlerts conflict={conflict} formError={formError} />
      <div className="field">
        <label htmlFor="legal-signoff-comment">Comment{blockers > 0 ? "" : <span className="optional"> (optional)</span>}</label>
        <span id="legal-signoff-comment-hint" className="hint">
          {blockers > 0
            ? `This review has ${blockers} legal blocker${blockers === 1 ? "" : "s"}: explain why you sign off anyway.`
            : "Conditions, accepted deviations, anything the next reviewer should know."}
        </span>
        <textarea
          id="legal-signoff-comment"
          rows={3}
          aria-invalid={errors.comment ? true : undefined}
          aria-describedby={["legal-signoff-comment-hint", errors.comment ? "legal-signoff-comment-error" : null].filter(Boolean).join(" ")}
          {...form.register("comment")}
        />
        {errors.comment ? <span id="legal-signoff-comment-error" className="error">{errors.comment.message}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Signing off…" : "Sign off legal review"}</button>
      </div>
    </ClientForm>
  );
}
