"use client";

import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLES, ROLE_LABELS } from "@/lib/domain/accounts/roles";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

const EMPTY: CreateUserInput = { email: "", name: "", role: "viewer", password: "", mustChangePassword: false };

export function CreateUserForm({ submit }: { submit: (input: CreateUserInput) => Promise<ActionResult<{ id: string }>> }) {
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: createUserSchema,
    defaultValues: EMPTY,
    action: submit,
    successMessage: (_data, values) => `${values.name} can now sign in as ${ROLE_LABELS[values.role]}.`,
    onSuccess: () => form.reset(EMPTY),
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="Add a user">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <TextField label="Name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="E-mail" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <SelectField label="Role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} error={errors.role?.message} {...form.register("role")} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, not a common password. Share it with the person over a separate channel."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="checks">
        <label>
          <input type="checkbox" {...form.register("mustChangePassword")} /> Must choose a new password at first sign-in
        </label>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Adding…" : "Add user"}</button>
      </div>
    </ClientForm>
  );
}
