"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm, useWatch } from "react-hook-form";
import { saveLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SCC_MODULES, SCC_MODULE_LABELS, TRANSFER_MECHANISMS, TRANSFER_MECHANISM_LABELS } from "@/lib/domain/legal/legal-vocabulary";
import { transferMechanismSchema, type RecordedTransferMechanism, type TransferMechanismInput } from "@/lib/schemas/legal";
import { FormAlerts } from "./form-alerts";
import { legalAnchorHref } from "./legal-links";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

/** The mechanism that makes EU personal data in one country lawful (GDPR Chapter V). */
export function TransferForm({
  vendorId,
  existing,
  initial,
  countryLabel,
}: {
  vendorId: string;
  existing?: { id: string; version: number };
  initial: TransferMechanismInput;
  countryLabel: string;
}) {
  const form = useForm<TransferMechanismInput, unknown, RecordedTransferMechanism>({ resolver: zodResolver(transferMechanismSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const [baseVersion] = useState(existing?.version);
  const mechanism = useWatch({ control: form.control, name: "mechanism" });
  const { save, formError, conflict } = useLegalSave(form, { afterSave: () => legalAnchorHref(vendorId, String(initial.country)) });
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label={`Transfer mechanism for ${countryLabel}`}
      onSubmit={form.handleSubmit((values) => save(() => saveLegalRecordAction({ vendorId, kind: "transfer", ...(existing ? { id: existing.id, version: baseVersion } : {}), data: values })))}
    >
      <FormAlerts conflict={conflict} formError={formError} />
      <p>Country: <strong>{countryLabel}</strong></p>
      <input type="hidden" {...form.register("country")} />
      <SelectField label="Mechanism" options={TRANSFER_MECHANISMS.map((m) => ({ value: m, label: TRANSFER_MECHANISM_LABELS[m] }))} error={errors.mechanism?.message} {...form.register("mechanism")} />
      {mechanism === "sccs" ? (
        <>
          <SelectField label="SCC module" placeholder="Choose the module" options={SCC_MODULES.map((m) => ({ value: String(m), label: SCC_MODULE_LABELS[m] }))} error={errors.sccModule?.message} {...form.register("sccModule")} />
          <TextField label="Transfer impact assessment done on" type="date" hint="Without it, SCCs are a finding (Schrems II)." error={errors.tiaDate?.message} {...form.register("tiaDate")} />
        </>
      ) : null}
      <TextField label="Note (optional)" error={errors.note?.message} {...form.register("note")} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save mechanism"}</button>
        <Link className="btn" href={legalAnchorHref(vendorId)}>Cancel</Link>
      </div>
    </ClientForm>
  );
}
