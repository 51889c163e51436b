"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useFieldArray, useForm, useWatch, type FieldPath } from "react-hook-form";
import { signOffAssessmentAction } from "@/app/(app)/assessments/actions";
import { SIGN_OFF_DECISION_LABELS, SIGN_OFF_ROLE_LABELS, REVIEW_DECISIONS } from "@/lib/domain/assessment-workflow";
import { signOffSchema, type SignOffInput, type SignOffValues } from "@/lib/schemas/assessment";

interface Props {
  assessmentId: string;
  lockVersion: number;
  role: "legal" | "security";
  /** Findings of the frozen assessment a condition may point at. */
  findings: { code: string; label: string }[];
  owners: { id: string; name: string; role: string }[];
  /** Default due date for a new condition ("YYYY-MM-DD"). */
  defaultDue: string;
}

/**
 * Legal's or security's sign-off: a decision, a comment, and for an approval
 * with conditions the list of conditions, each of which becomes a remediation
 * item with an owner and a due date.
 */
export function SignOffForm({ assessmentId, lockVersion, role, findings, owners, defaultDue }: Props) {
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<SignOffInput, unknown, SignOffValues>({
    resolver: zodResolver(signOffSchema),
    defaultValues: { assessmentId, lockVersion, role, decision: undefined as unknown as "approve", comment: "", conditions: [] },
  });
  const { errors, isSubmitting } = form.formState;
  const conditions = useFieldArray({ control: form.control, name: "conditions" });
  const decision = useWatch({ control: form.control, name: "decision" });
  const withConditions = decision === "approve_with_conditions";
  const blankCondition = { title: "", findingCode: "", ownerId: "", dueDate: defaultDue };

  async function onSubmit(values: SignOffValues) {
    setFormError(null);
    const result = await signOffAssessmentAction(values);
    if (!result.ok) {
      for (const [field, message] of Object.entries(result.fieldErrors ?? {})) {
        if (field !== "form") form.setError(field as FieldPath<SignOffInput>, { message });
      }
      setFormError(result.error);
      return;
    }
    router.refresh();
  }

  return (
    <form className="stack assess-workflow-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label={`${SIGN_OFF_ROLE_LABELS[role]} sign-off`}>
      <h3>{SIGN_OFF_ROLE_LABELS[role]} sign-off</h3>
      {formError ? (
        <div className="alert alert-error" role="alert">
          {formError}
        </div>
      ) : null}
      <fieldset className="field" aria-invalid={errors.decision ? true : undefined}>
        <legend>Decision</legend>
        <div className="checks">
          {REVIEW_DECISIONS.map((d) => (
            <label key={d}>
              <input
                type="radio"
                value={d}
                {...form.register("decision", {
                  onChange: (e: { target: { value: string } }) => {
                    if (e.target.value === "approve_with_conditions" && conditions.fields.length === 0) conditions.append(blankCondition);
                    if (e.target.value !== "approve_with_conditions") conditions.replace([]);
                  },
                })}
              />{" "}
              {SIGN_OFF_DECISION_LABELS[d]}
            </label>
          ))}
        </div>
        {errors.decision ? (
          <span className="error" role="alert">
            {errors.decision.message}
          </span>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor="signoff-comment">Comment</label>
        <span className="hint" id="signoff-comment-hint">
          Required when you reject or set conditions.
        </span>
        <textarea
          id="signoff-comment"
          rows={3}
          aria-describedby="signoff-comment-hint"
          aria-invalid={errors.comment ? true : undefined}
          {...form.register("comment")}
        />
        {errors.comment ? (
          <span className="error" role="alert">
            {errors.comment.message}
          </span>
        ) : null}
      </div>

      {withConditions ? (
        <fieldset className="field assess-conditions">
          <legend>Conditions (each becomes a remediation item)</legend>
          {errors.conditions?.message || errors.conditions?.root?.message ? (
            <span className="error" role="alert">
              {errors.conditions?.message ?? errors.conditions?.root?.message}
            </span>
          ) : null}
          {conditions.fields.map((field, index) => {
            const e = errors.conditions?.[index];
            return (
              <div key={field.id} className="assess-condition" role="group" aria-label={`Condition ${index + 1}`}>
                <div className="field">
                  <label htmlFor={`cond-${index}-title`}>What must be done</label>
                  <input id={`cond-${index}-title`} type="text" aria-invalid={e?.title ? true : undefined} {...form.register(`conditions.${index}.title`)} />
                  {e?.title ? (
                    <span className="error" role="alert">
                      {e.title.message}
                    </span>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`cond-${index}-finding`}>Finding it remedies</label>
                  <select id={`cond-${index}-finding`} aria-invalid={e?.findingCode ? true : undefined} {...form.register(`conditions.${index}.findingCode`)}>
                    <option value="">None in particular</option>
                    {findings.map((f) => (
                      <option key={f.code} value={f.code}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  {e?.findingCode ? (
                    <span className="error" role="alert">
                      {e.findingCode.message}
                    </span>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`cond-${index}-owner`}>Owner</label>
                  <select id={`cond-${index}-owner`} aria-invalid={e?.ownerId ? true : undefined} {...form.register(`conditions.${index}.ownerId`)}>
                    <option value="">Choose an owner</option>
                    {owners.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name} ({o.role})
                      </option>
                    ))}
                  </select>
                  {e?.ownerId ? (
                    <span className="error" role="alert">
                      {e.ownerId.message}
                    </span>
                  ) : null}
                </div>
                <div className="field">
                  <label htmlFor={`cond-${index}-due`}>Due date</label>
                  <input id={`cond-${index}-due`} type="date" aria-invalid={e?.dueDate ? true : undefined} {...form.register(`conditions.${index}.dueDate`)} />
                  {e?.dueDate ? (
                    <span className="error" role="alert">
                      {e.dueDate.message}
                    </span>
                  ) : null}
                </div>
                <button type="button" className="btn btn-small" onClick={() => conditions.remove(index)} aria-label={`Remove condition ${index + 1}`}>
                  Remove
                </button>
              </div>
            );
          })}
          <div>
            <button type="button" className="btn btn-small" onClick={() => conditions.append(blankCondition)}>
              Add a condition
            </button>
          </div>
        </fieldset>
      ) : null}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Signing…" : "Record sign-off"}
        </button>
      </div>
    </form>
  );
}
