"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { COUNTRY_CODES, countryName } from "@/lib/domain/reference/countries";
import { DATA_CATEGORIES, DATA_CATEGORY_LABELS } from "@/lib/domain/vocabulary";
import { subProcessorSchema, type SubProcessor, type SubProcessorInput } from "@/lib/schemas/legal";
import { FormAlerts } from "./form-alerts";
import { legalAnchorHref } from "./legal-links";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

const countryOptions = COUNTRY_CODES.map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label));

/** A sub-processor of the vendor (GDPR Art. 28(2)): what it does, where, with which data, and whether we consented or were told. */
export function SubProcessorForm({ vendorId, existing, initial }: { vendorId: string; existing?: { id: string; version: number }; initial: SubProcessorInput }) {
  const form = useForm<SubProcessorInput, unknown, SubProcessor>({ resolver: zodResolver(subProcessorSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const [baseVersion] = useState(existing?.version);
  const { save, formError, conflict } = useLegalSave(form, { afterSave: (data) => legalAnchorHref(vendorId, (data as { id: string }).id) });
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label={existing ? "Edit sub-processor" : "Add sub-processor"}
      onSubmit={form.handleSubmit((values) => save(() => saveLegalRecordAction({ vendorId, kind: "subprocessor", ...(existing ? { id: existing.id, version: baseVersion } : {}), data: values })))}
    >
      <FormAlerts conflict={conflict} formError={formError} />
      <TextField label="Name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="Service" placeholder="e.g. Cloud telephony" error={errors.service?.message} {...form.register("service")} />
      <SelectField label="Country" placeholder="Choose a country" options={countryOptions} error={errors.country?.message} {...form.register("country")} />
      <CheckboxGroup legend="Data categories it handles" options={DATA_CATEGORIES.map((c) => ({ value: c, label: DATA_CATEGORY_LABELS[c] }))} error={errors.dataCategories?.message} {...form.register("dataCategories")} />
      <div className="field field-check">
        <label><input type="checkbox" {...form.register("consented")} /> We gave prior written consent</label>
      </div>
      <div className="field field-check">
        <label><input type="checkbox" {...form.register("notified")} /> The vendor notified us in advance, with a chance to object</label>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Saving…" : existing ? "Save sub-processor" : "Add sub-processor"}</button>
        <Link className="btn" href={legalAnchorHref(vendorId)}>Cancel</Link>
      </div>
    </ClientForm>
  );
}
