"use client";

import { useRouter } from "next/navigation";
import { useFieldArray, useWatch } from "react-hook-form";
import { signOffAssessmentAction } from "@/app/(app)/assessments/actions";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { SIGN_OFF_DECISION_LABELS, SIGN_OFF_ROLE_LABELS } from "@/lib/domain/assessments/assessment-workflow";
import type { DecisionAllowance } from "@/lib/domain/assessments/sign-off-policy";
import { signOffSchema } from "@/lib/schemas/assessment";
import { ClientForm } from "@/components/ui/client-form";

interface Props {
  assessmentId: string;
  lockVersion: number;
  role: "legal" | "security";
  /** Findings of the frozen assessment a condition may point at, by unique key. */
  findings: { key: string; label: string }[];
  /** What the rating allows (lib/domain/assessments/sign-off-policy.ts, the rule the server enforces). */
  decisions: DecisionAllowance[];
  /** Keys of the open high findings an approval with conditions must cover. */
  needRemediation: string[];
  /** The rating is below Low: a comment is required for every decision. */
  commentRequired: boolean;
  owners: { id: string; name: string; role: string }[];
  /** Default due date for a new condition ("YYYY-MM-DD"). */
  defaultDue: string;
}

/**
 * Legal's or security's sign-off: a decision, a comment, and for an approval
 * with conditions the list of conditions, each of which becomes a remediation
 * item with an owner and a due date.
 */
export function SignOffForm({ assessmentId, lockVersion, role, findings, decisions, needRemediation, commentRequired, owners, defaultDue }: Props) {
  const router = useRouter();
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: signOffSchema,
    defaultValues: { assessmentId, lockVersion, role, decision: undefined as unknown as "approve", comment: "", conditions: [] },
    action: signOffAssessmentAction,
    successMessage: () => `${SIGN_OFF_ROLE_LABELS[role]} sign-off recorded.`,
    onSuccess: () => router.refresh(),
  });
  const { errors, isSubmitting } = form.formState;
  const conditions = useFieldArray({ control: form.control, name: "conditions" });
  const decision = useWatch({ control: form.control, name: "decision" });
  const withConditions = decision === "approve_with_conditions";
  const blankCondition = { title: "", findingKey: "", ownerId: "", dueDate: defaultDue };
  // One condition per open high finding to start with: the server refuses an approval that leaves one uncovered.
  const startingConditions = needRemediation.length > 0 ? needRemediation.map((findingKey) => ({ ...blankCondition, findingKey })) : [blankCondition];

  return (
    <ClientForm className="stack assess-workflow-form" onSubmit={onSubmit} noValidate aria-label={`${SIGN_OFF_ROLE_LABELS[role]} sign-off`}>
      <h3>{SIGN_OFF_ROLE_LABELS[role]} sign-off</h3>
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <fieldset className="field" aria-invalid={errors.decision ? true : undefined}>
        <legend>Decision</legend>
        <div className="checks">
          {decisions.map(({ decision: d, allowed, reason }) => (
            <div key={d} className="signoff-decision">
              <label>
                <input
                  type="radio"
                  value={d}
                  disabled={!allowed}
                  aria-describedby={reason ? `decision-${d}-reason` : undefined}
                  {...form.register("decision", {
                    onChange: (e: { target: { value: string } }) => {
                      if (e.target.value === "approve_with_conditions" && conditions.fields.length === 0) conditions.append(startingConditions);
                      if (e.target.value !== "approve_with_conditions") conditions.replace([]);
                    },
                  })}
                />{" "}
                {SIGN_OFF_DECISION_LABELS[d]}
              </label>
              {reason ? (
                <span className={allowed ? "hint" : "hint signoff-refused"} id={`decision-${d}-reason`} data-testid={`decision-${d}-reason`}>
                  {allowed ? reason : `Not allowed: ${reason}`}
                </span>
              ) : null}
            </div>
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
          {commentRequired ? "Required: the rating is below Low, so every decision needs a written reason." : "Required when you reject or set conditions."}
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
                  <select id={`cond-${index}-finding`} aria-invalid={e?.findingKey ? true : undefined} {...form.register(`conditions.${index}.findingKey`)}>
                    <option value="">None in particular</option>
                    {findings.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.label}
                      </option>
                    ))}
                  </select>
                  {e?.findingKey ? (
                    <span className="error" role="alert">
                      {e.findingKey.message}
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
    </ClientForm>
  );
}
