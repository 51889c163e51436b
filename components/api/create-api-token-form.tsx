"use client";

import { useState } from "react";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { permissionsOf } from "@/lib/domain/accounts/permissions";
import { ROLES, ROLE_LABELS, type Role } from "@/lib/domain/accounts/roles";
import { apiTokenCreateSchema, type ApiTokenCreateInput } from "@/lib/schemas/api-token";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

const EMPTY: ApiTokenCreateInput = { name: "", role: "viewer", permissions: [], expires: "90" };
const EXPIRY_LABELS = { "30": "In 30 days", "90": "In 90 days", "365": "In a year", never: "Never (revoke it by hand)" } as const;

export function CreateApiTokenForm({ submit }: { submit: (input: ApiTokenCreateInput) => Promise<ActionResult<{ id: string; secret: string }>> }) {
  const [secret, setSecret] = useState<string | null>(null);
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: apiTokenCreateSchema,
    defaultValues: EMPTY,
    action: submit,
    successMessage: (_data, values) => `Token "${values.name}" created. Copy it now: it is shown only once.`,
    onSuccess: (data) => {
      setSecret(data.secret);
      form.reset(EMPTY);
    },
  });
  const { errors, isSubmitting } = form.formState;
  const role = form.watch("role") as Role;

  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="New API token">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      {secret ? (
        <div className="callout" role="region" aria-label="The new token">
          <p>
            <strong>Copy this token now.</strong> Assay keeps only its hash, so it cannot show it again.
          </p>
          <code className="secret" data-testid="new-api-token">{secret}</code>
        </div>
      ) : null}
      <TextField label="Name" hint="Which system uses it, e.g. “Ticketing sync”." error={errors.name?.message} {...form.register("name")} />
      <SelectField label="Acts as role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} error={errors.role?.message} {...form.register("role")} />
      <CheckboxGroup
        legend="Only these permissions (none ticked: all of the role's)"
        options={permissionsOf(role).map((p) => ({ value: p, label: p }))}
        error={errors.permissions?.message}
        {...form.register("permissions")}
      />
      <SelectField label="Expires" options={Object.entries(EXPIRY_LABELS).map(([value, label]) => ({ value, label }))} error={errors.expires?.message} {...form.register("expires")} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Creating…" : "Create token"}</button>
      </div>
    </ClientForm>
  );
}
