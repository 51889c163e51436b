"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { saveLegalRecordAction } from "@/app/(app)/vendors/[id]/legal-actions";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { CONTRACT_STATUSES, CONTRACT_TYPES, CONTRACT_TYPE_LABELS, RENEWAL_KINDS } from "@/lib/domain/legal/legal-vocabulary";
import { contractSchema, type Contract, type ContractInput } from "@/lib/schemas/legal";
import { FormAlerts } from "./form-alerts";
import { legalAnchorHref } from "./legal-links";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface ContractFormProps {
  vendorId: string;
  existing?: { id: string; version: number };
  initial: ContractInput;
  /** The vendor's uploaded files; contract files first. */
  documents: { id: string; label: string; isContract: boolean }[];
  /** Where to go after saving (e.g. back to the clause finder review); the Legal tab by default. */
  returnTo?: string;
}

/** A contract record: type, dates, renewal, notice, governing law, status and its signed file. */
export function ContractForm({ vendorId, existing, initial, documents, returnTo }: ContractFormProps) {
  const form = useForm<ContractInput, unknown, Contract>({ resolver: zodResolver(contractSchema), defaultValues: initial });
  const { errors, isSubmitting } = form.formState;
  // The version the form was loaded at: a save over someone else's newer version must fail, not win.
  const [baseVersion] = useState(existing?.version);
  const { save, formError, conflict } = useLegalSave(form, {
    afterSave: (data) => returnTo ?? legalAnchorHref(vendorId, (data as { id: string }).id),
  });

  const contracts = documents.filter((d) => d.isContract);
  const others = documents.filter((d) => !d.isContract);
  return (
    <ClientForm
      className="stack"
      noValidate
      aria-label={existing ? "Edit contract" : "Add contract"}
      onSubmit={form.handleSubmit((values) =>
        save(() => saveLegalRecordAction({ vendorId, kind: "contract", ...(existing ? { id: existing.id, version: baseVersion } : {}), data: values })),
      )}
    >
      <FormAlerts conflict={conflict} formError={formError} />
      <SelectField label="Type" options={CONTRACT_TYPES.map((t) => ({ value: t, label: CONTRACT_TYPE_LABELS[t] }))} error={errors.type?.message} {...form.register("type")} />
      <TextField label="Title (optional)" error={errors.title?.message} {...form.register("title")} />
      <SelectField label="Status" options={CONTRACT_STATUSES.map((s) => ({ value: s, label: capital(s) }))} error={errors.status?.message} {...form.register("status")} />
      <TextField label="Effective date" type="date" hint="Required once the contract is signed." error={errors.effectiveDate?.message} {...form.register("effectiveDate")} />
      <TextField label="Term end (optional)" type="date" hint="Leave empty for an open-ended term." error={errors.termEnd?.message} {...form.register("termEnd")} />
      <SelectField label="Renewal" options={RENEWAL_KINDS.map((r) => ({ value: r, label: r === "auto" ? "Renews automatically" : "Ends unless renewed" }))} error={errors.renewal?.message} {...form.register("renewal")} />
      <TextField label="Notice period in days (optional)" type="number" min={0} step={1} inputMode="numeric" error={errors.noticePeriodDays?.message} {...form.register("noticePeriodDays", { valueAsNumber: true })} />
      <TextField label="Governing law (optional)" placeholder="e.g. England and Wales" error={errors.governingLaw?.message} {...form.register("governingLaw")} />
      <div className="field">
        <label htmlFor="contract-evidence">Signed file</label>
        <span id="contract-evidence-hint" className="hint">Upload the file on the Legal tab first. A contract can be marked signed only with its signed file.</span>
        <select
          id="contract-evidence"
          aria-invalid={errors.evidenceId ? true : undefined}
          aria-describedby={["contract-evidence-hint", errors.evidenceId ? "contract-evidence-error" : null].filter(Boolean).join(" ")}
          {...form.register("evidenceId")}
        >
          <option value="">No file attached</option>
          {contracts.length > 0 ? <optgroup label="Contract files">{contracts.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}</optgroup> : null}
          {others.length > 0 ? <optgroup label="Other documents">{others.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}</optgroup> : null}
        </select>
        {errors.evidenceId ? <span id="contract-evidence-error" className="error">{errors.evidenceId.message}</span> : null}
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Saving…" : existing ? "Save contract" : "Add contract"}</button>
        <Link className="btn" href={returnTo ?? legalAnchorHref(vendorId)}>Cancel</Link>
      </div>
    </ClientForm>
  );
}
