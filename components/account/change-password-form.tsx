"use client";

import { useRouter } from "next/navigation";
import { useMemo } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { TextField } from "@/components/ui/text-field";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/schemas/password";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

const EMPTY: ChangeOwnPasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

interface Props {
  contextWords: string[];
  submit: (input: ChangeOwnPasswordInput) => Promise<ActionResult<{ sessionsEnded: number }>>;
}

export function ChangePasswordForm({ contextWords, submit }: Props) {
  const router = useRouter();
  const schema = useMemo(() => changeOwnPasswordSchema(contextWords), [contextWords]);
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema,
    defaultValues: EMPTY,
    action: submit,
    successMessage: ({ sessionsEnded: others }) => `Password changed.${others ? ` ${others} other session${others === 1 ? "" : "s"} signed out.` : ""}`,
    onSuccess: () => {
      form.reset(EMPTY);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="Change password">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <TextField label="New password" type="password" autoComplete="new-password" error={errors.newPassword?.message} {...form.register("newPassword")} />
      <TextField label="New password again" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Changing…" : "Change password"}</button>
      </div>
    </ClientForm>
  );
}
