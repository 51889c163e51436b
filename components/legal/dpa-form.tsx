"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { DPA_STATUSES } from "@/lib/domain/legal/legal-vocabulary";
import { dpaSchema, type Dpa, type DpaInput } from "@/lib/schemas/legal";
import { FormAlerts } from "./form-alerts";
import { legalAnchorHref } from "./legal-links";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

const LABELS = { none: "None", draft: "Draft", signed: "Signed" } as const;

/** The vendor's DPA status (GDPR Art. 28(3)): none, draft or signed with its date and version. */
export function DpaForm({ vendorId, existing, initial, contracts }: { vendorId: string; existing?: { id: string; version: number }; initial: DpaInput; contracts: { id: string; label: string }[] }) {
  const form = useForm<DpaInput, unknown, Dpa>({ resolver: zodResolver(dpaSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  const [baseVersion] = useState(existing?.version);
  const { save, formError, conflict } = useLegalSave(form, { afterSave: () => `${legalAnchorHref(vendorId)}#section-dpa` });
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label="DPA status"
      onSubmit={form.handleSubmit((values) => save(() => saveLegalRecordAction({ vendorId, kind: "dpa", ...(existing ? { id: existing.id, version: baseVersion } : {}), data: values })))}
    >
      <FormAlerts conflict={conflict} formError={formError} />
      <SelectField label="DPA status" options={DPA_STATUSES.map((s) => ({ value: s, label: LABELS[s] }))} error={errors.status?.message} {...form.register("status")} />
      <TextField label="Signed on" type="date" hint="Required for a signed DPA." error={errors.signedDate?.message} {...form.register("signedDate")} />
      <TextField label="Version" placeholder="e.g. 2.1" hint="Required for a signed DPA." error={errors.version?.message} {...form.register("version")} />
      <SelectField label="DPA contract record (optional)" placeholder="Not recorded as a contract" options={contracts.map((c) => ({ value: c.id, label: c.label }))} error={errors.contractId?.message} {...form.register("contractId")} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Saving…" : "Save DPA status"}</button>
        <Link className="btn" href={legalAnchorHref(vendorId)}>Cancel</Link>
      </div>
    </ClientForm>
  );
}
