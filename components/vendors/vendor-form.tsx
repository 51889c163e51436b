"use client";

import { useRouter } from "next/navigation";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COUNTRY_CODES, countryName } from "@/lib/domain/reference/countries";
import {
  ACCESS_LEVELS,
  ACCESS_LEVEL_LABELS,
  DATA_CATEGORIES,
  DATA_CATEGORY_LABELS,
  INDUSTRIES,
  INDUSTRY_LABELS,
  SERVICES,
  SERVICE_LABELS,
  VENDOR_STATUSES,
} from "@/lib/domain/vocabulary";
import { vendorFieldsSchema, type VendorFieldsInput } from "@/lib/schemas/vendor";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClientForm } from "@/components/ui/client-form";

const countryOptions = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
const statusLabel = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

type Submit<T> = (input: T) => Promise<ActionResult<{ id: string }>>;

/** Creating takes the fields; editing also carries the record's id and version for the optimistic lock. */
type Props = { initial: VendorFieldsInput; owners: { id: string; name: string }[] } & (
  | { existing?: undefined; submit: Submit<VendorFieldsInput> }
  | { existing: { id: string; version: number }; submit: Submit<VendorFieldsInput & { id: string; version: number }> }
);

export function VendorForm(props: Props) {
  const { initial, owners, existing } = props;
  const router = useRouter();
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: vendorFieldsSchema,
    defaultValues: initial,
    action: (values: VendorFieldsInput) => (props.existing ? props.submit({ ...values, ...props.existing }) : props.submit(values)),
    // The vendor page is the confirmation; server field errors land next to their fields with the typed values kept.
    onSuccess: ({ id }) => {
      router.push(`/vendors/${id}`);
      router.refresh();
    },
  });
  const { errors, isSubmitting } = form.formState;

  return (
    <ClientForm className="stack" onSubmit={onSubmit} noValidate aria-label={existing ? "Edit vendor" : "New vendor"}>
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <TextField label="Name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Legal name" error={errors.legalName?.message} {...form.register("legalName")} />
      <TextField label="Website" type="url" placeholder="https://" error={errors.website?.message} {...form.register("website")} />
      <SelectField label="Headquarters country" placeholder="Choose a country" options={countryOptions} error={errors.country?.message} {...form.register("country")} />
      <CheckboxGroup legend="Services" options={SERVICES.map((s) => ({ value: s, label: SERVICE_LABELS[s] }))} error={errors.services?.message} {...form.register("services")} />
      <CheckboxGroup legend="Industries served for us" options={INDUSTRIES.map((i) => ({ value: i, label: INDUSTRY_LABELS[i] }))} error={errors.industries?.message} {...form.register("industries")} />
      <CheckboxGroup legend="Data categories the vendor touches" options={DATA_CATEGORIES.map((c) => ({ value: c, label: DATA_CATEGORY_LABELS[c] }))} error={errors.dataCategories?.message} {...form.register("dataCategories")} />
      <SelectField label="System access granted" options={ACCESS_LEVELS.map((a) => ({ value: a, label: ACCESS_LEVEL_LABELS[a] }))} error={errors.accessLevel?.message} {...form.register("accessLevel")} />
      <p className="hint muted">The inherent tier is computed from the data, access and industries above; it can be overridden on the vendor page with a written reason.</p>
      <SelectField label="Status" options={VENDOR_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))} error={errors.status?.message} {...form.register("status")} />
      <SelectField label="Owner" placeholder="No owner yet" options={owners.map((o) => ({ value: o.id, label: o.name }))} error={errors.ownerId?.message} {...form.register("ownerId")} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : existing ? "Save changes" : "Create vendor"}
        </button>
      </div>
    </ClientForm>
  );
}
