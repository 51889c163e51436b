"use client";

import { useFieldArray } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLES, ROLE_LABELS } from "@/lib/domain/accounts/roles";
import { ssoConfigSchema, UNMAPPED_ROLE_CHOICES, type SsoConfigInput } from "@/lib/schemas/sso";
import type { SsoConfigView } from "@/lib/schemas/views/sso-config";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));
const UNMAPPED_OPTIONS = UNMAPPED_ROLE_CHOICES.map((c) => ({ value: c, label: c === "refuse" ? "Refuse sign-in" : `Sign in as ${ROLE_LABELS[c]}` }));

function valuesOf(config: SsoConfigView | null): SsoConfigInput {
  return {
    enabled: config?.enabled ?? false,
    displayName: config?.displayName ?? "",
    issuerUrl: config?.issuerUrl ?? "",
    clientId: config?.clientId ?? "",
    // Write-only: the stored secret never comes back to the browser.
    clientSecret: "",
    claimName: config?.claimName ?? "groups",
    roleMappings: config?.roleMappings ?? [],
    unmappedRole: config?.unmappedRole ?? "refuse",
    provisionUsers: config?.provisionUsers ?? false,
    version: config?.version ?? 0,
  };
}

interface Props {
  config: SsoConfigView | null;
  save: (input: SsoConfigInput) => Promise<ActionResult<SsoConfigView>>;
}

/** The OpenID provider, and which of its groups become which Assay role (README.md, "Single sign-on"). */
export function SsoConfigForm({ config, save }: Props) {
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: ssoConfigSchema,
    defaultValues: valuesOf(config),
    action: save,
    successMessage: (saved) => (saved.enabled ? `Saved. The sign-in page offers "Sign in with ${saved.displayName}".` : "Saved. Single sign-on is off."),
    onSuccess: (saved) => form.reset(valuesOf(saved)),
  });
  const mappings = useFieldArray({ control: form.control, name: "roleMappings" });
  const { errors, isSubmitting } = form.formState;
  const hasSecret = config?.hasClientSecret ?? false;

  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label="Single sign-on settings">
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <div className="checks">
        <label>
          <input type="checkbox" {...form.register("enabled")} /> Offer single sign-on on the sign-in page
        </label>
      </div>
      <TextField label="Button name" hint={'Shown as "Sign in with <name>".'} error={errors.displayName?.message} {...form.register("displayName")} />
      <TextField
        label="Issuer URL"
        hint="The provider's issuer identifier; its discovery document is checked when you save."
        inputMode="url"
        autoComplete="off"
        error={errors.issuerUrl?.message}
        {...form.register("issuerUrl")}
      />
      <TextField label="Client id" autoComplete="off" error={errors.clientId?.message} {...form.register("clientId")} />
      <TextField
        label="Client secret"
        type="password"
        autoComplete="new-password"
        hint={hasSecret ? "A secret is stored (never shown). Leave empty to keep it, or enter a new one to replace it." : "Stored encrypted; never shown again."}
        error={errors.clientSecret?.message}
        {...form.register("clientSecret")}
      />
      <TextField label="Role claim" hint="The claim listing the user's groups, e.g. groups." autoComplete="off" error={errors.claimName?.message} {...form.register("claimName")} />
      <fieldset className="stack">
        <legend>Claim value → Assay role</legend>
        <p className="hint">Checked top to bottom at every sign-in; the first value the user has decides the role. Put the most privileged first.</p>
        {mappings.fields.map((field, index) => (
          <div key={field.id} className="stack">
            <div className="grid-2">
              <TextField label={`Claim value ${index + 1}`} error={errors.roleMappings?.[index]?.value?.message} {...form.register(`roleMappings.${index}.value`)} />
              <SelectField label={`Role for value ${index + 1}`} options={ROLE_OPTIONS} error={errors.roleMappings?.[index]?.role?.message} {...form.register(`roleMappings.${index}.role`)} />
            </div>
            <div><button type="button" className="btn btn-small" onClick={() => mappings.remove(index)} aria-label={`Remove mapping ${index + 1}`}>
              Remove
            </button></div>
          </div>
        ))}
        {errors.roleMappings?.message ? <span className="error" role="alert">{errors.roleMappings.message}</span> : null}
        <div>
          <button type="button" className="btn btn-small" onClick={() => mappings.append({ value: "", role: "viewer" })}>
            Add a mapping
          </button>
        </div>
      </fieldset>
      <SelectField label="Users no mapping matches" options={UNMAPPED_OPTIONS} error={errors.unmappedRole?.message} {...form.register("unmappedRole")} />
      <div className="checks">
        <label>
          <input type="checkbox" {...form.register("provisionUsers")} /> Create an account at first sign-in for people with no Assay account (otherwise only existing users, matched once by verified e-mail)
        </label>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Checking the provider…" : "Save"}
        </button>
      </div>
    </ClientForm>
  );
}
