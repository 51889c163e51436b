"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useForm, useWatch, type FieldErrors, type Resolver } from "react-hook-form";
import { computeClauseStatus, type ClauseContext } from "@/lib/domain/legal/clause-deviation";
import type { ClauseCatalogueEntry } from "@/lib/domain/legal/clause-catalogue";
import { AUDIT_SCOPES, AUDIT_SCOPE_LABELS, CLAUSE_PRESENCE, CLAUSE_STATUS_LABELS, type ClausePresence } from "@/lib/domain/legal/legal-vocabulary";
import { currencyExponent } from "@/lib/domain/money";
import { clauseReviewRowSchema, type ClauseReviewRow, type ClauseReviewRowInput } from "@/lib/schemas/legal";
import type { Settings } from "@/lib/schemas/settings";
import type { ActionResult } from "@/lib/schemas/action-result";
import { ClauseStatusChip } from "./clause-status-chip";
import { FormAlerts } from "./form-alerts";
import { useLegalSave } from "./use-legal-save";
import { ClientForm } from "@/components/ui/client-form";

interface ClauseFormValues {
  presence: ClausePresence;
  contractId: string;
  section: string;
  page: number;
  hours: number;
  days: number;
  months: number;
  /** The cap in major units (dollars); stored as integer minor units. */
  amountMajor: number;
  currency: string;
  auditScope: string;
  reviewerNote: string;
}

/** Schema path → form field, for the fields the form holds flat or in major units. */
const FIELD_OF: Record<string, keyof ClauseFormValues> = {
  "citation.contractId": "contractId",
  "citation.section": "section",
  "citation.page": "page",
  amountMinor: "amountMajor",
};

const given = (n: number) => typeof n === "number" && !Number.isNaN(n);

function toFormValues(row: Partial<ClauseReviewRow> | undefined, defaultCurrency: string): ClauseFormValues {
  const currency = row?.currency ?? defaultCurrency;
  return {
    presence: row?.presence ?? "present",
    contractId: row?.citation?.contractId ?? "",
    section: row?.citation?.section ?? "",
    page: row?.citation?.page ?? NaN,
    hours: row?.hours ?? NaN,
    days: row?.days ?? NaN,
    months: row?.months ?? NaN,
    amountMajor: row?.amountMinor === undefined ? NaN : row.amountMinor / 10 ** currencyExponent(currency),
    currency,
    auditScope: row?.auditScope ?? "",
    reviewerNote: row?.reviewerNote ?? "",
  };
}

/** The row the shared schema validates. Values count only for a present clause; a blank citation is no citation. */
function toRowInput(clause: ClauseCatalogueEntry, v: ClauseFormValues): ClauseReviewRowInput {
  const present = v.presence === "present";
  const cited = v.contractId !== "" || v.section.trim() !== "" || given(v.page);
  const currency = v.currency.trim().toUpperCase();
  const money = present && clause.valueKind === "money" && given(v.amountMajor);
  return {
    clauseCode: clause.code,
    presence: v.presence,
    ...(cited ? { citation: { contractId: v.contractId, section: v.section, page: v.page } } : {}),
    ...(present && clause.valueKind === "hours" ? { hours: v.hours } : {}),
    ...(present && clause.valueKind === "days" ? { days: v.days } : {}),
    ...(present && clause.valueKind === "months" ? { months: v.months } : {}),
    ...(money ? { amountMinor: Math.round(v.amountMajor * 10 ** currencyExponent(/^[A-Z]{3}$/.test(currency) ? currency : "USD")), currency } : {}),
    ...(present && clause.code === "right_to_audit" && v.auditScope ? { auditScope: v.auditScope as ClauseReviewRow["auditScope"] } : {}),
    reviewerNote: v.reviewerNote,
  };
}

export interface ClauseFormProps {
  clause: ClauseCatalogueEntry;
  contracts: { id: string; label: string }[];
  initial?: Partial<ClauseReviewRow>;
  /** The vendor facts deviation depends on (tier's insurance minimum, data, industries). */
  context: Omit<ClauseContext, "clause">;
  settings: Settings;
  submit: (row: ClauseReviewRow) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  afterSave?: string;
  cancel: { href: string } | { onCancel: () => void };
  /** Shown above the fields, e.g. "Proposed by the clause finder". */
  intro?: React.ReactNode;
  idPrefix?: string;
}

/**
 * One clause of the checklist: presence, citation, the structured
 * value the clause has, and a note. The status is computed, never typed: the
 * form shows the verdict of the same rule the findings engine runs.
 */
export function ClauseForm({ clause, contracts, initial, context, settings, submit, submitLabel, afterSave, cancel, intro, idPrefix = "clause" }: ClauseFormProps) {
  const resolver = useMemo<Resolver<ClauseFormValues>>(
    () => async (values) => {
      const parsed = clauseReviewRowSchema.safeParse(toRowInput(clause, values));
      if (parsed.success) return { values, errors: {} };
      const errors: Record<string, { type: string; message: string }> = {};
      for (const issue of parsed.error.issues) {
        const path = issue.path.join(".");
        const name = FIELD_OF[path] ?? path;
        errors[name] ??= { type: "validation", message: issue.message };
      }
      return { values: {}, errors: errors as FieldErrors<ClauseFormValues> };
    },
    [clause],
  );
  const form = useForm<ClauseFormValues>({ resolver, defaultValues: toFormValues(initial, context.currency) });
  const { errors, isSubmitting } = form.formState;
  const values = useWatch({ control: form.control }) as ClauseFormValues;
  const { save, formError, conflict } = useLegalSave(form, { fieldMap: FIELD_OF, afterSave: () => afterSave });
  const [saved, setSaved] = useState(false);

  const preview = useMemo(() => {
    const parsed = clauseReviewRowSchema.safeParse(toRowInput(clause, values));
    return parsed.success ? computeClauseStatus(parsed.data, { ...context, clause }, settings) : null;
  }, [clause, values, context, settings]);

  const id = (name: string) => `${idPrefix}-${clause.code}-${name}`;
  const a11y = (name: keyof ClauseFormValues, hint = false) => ({
    id: id(name),
    "aria-invalid": errors[name] ? true : undefined,
    "aria-describedby": [hint ? id(`${name}-hint`) : null, errors[name] ? id(`${name}-error`) : null].filter(Boolean).join(" ") || undefined,
  });
  const err = (name: keyof ClauseFormValues) => (errors[name]?.message ? <span id={id(`${name}-error`)} className="error">{errors[name]?.message}</span> : null);
  const present = values.presence === "present";

  return (
    <ClientForm
      className="stack clause-form"
      noValidate
      aria-label={`Clause: ${clause.title}`}
      onSubmit={form.handleSubmit(async (v) => {
        const row = clauseReviewRowSchema.parse(toRowInput(clause, v));
        setSaved(await save(() => submit(row)));
      })}
    >
      {intro}
      <FormAlerts conflict={conflict} formError={formError} />
      <p className="hint muted">{clause.presentWhen}</p>
      <div className="field">
        <label htmlFor={id("presence")}>In the contract?</label>
        <select {...a11y("presence")} {...form.register("presence")}>
          {CLAUSE_PRESENCE.map((p) => <option key={p} value={p}>{CLAUSE_STATUS_LABELS[p]}</option>)}
        </select>
        {err("presence")}
      </div>

      <fieldset className="field">
        <legend>Citation</legend>
        <div className="field">
          <label htmlFor={id("contractId")}>Contract</label>
          <select {...a11y("contractId")} {...form.register("contractId")}>
            <option value="">Choose a contract</option>
            {contracts.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
          </select>
          {contracts.length === 0 ? <span className="hint">Record the contract on the Legal tab first.</span> : null}
          {err("contractId")}
        </div>
        <div className="field">
          <label htmlFor={id("section")}>Section</label>
          <input type="text" placeholder="e.g. 7.4" {...a11y("section")} {...form.register("section")} />
          {err("section")}
        </div>
        <div className="field">
          <label htmlFor={id("page")}>Page</label>
          <input type="number" min={1} step={1} inputMode="numeric" className="input-number" {...a11y("page")} {...form.register("page", { valueAsNumber: true })} />
          {err("page")}
        </div>
      </fieldset>

      {present && clause.valueKind === "hours" ? (
        <div className="field">
          <label htmlFor={id("hours")}>Notification deadline in hours</label>
          <span id={id("hours-hint")} className="hint">Business days count at their worst case (5 business days = 168 hours).</span>
          <input type="number" min={0} step={1} inputMode="numeric" className="input-number" {...a11y("hours", true)} {...form.register("hours", { valueAsNumber: true })} />
          {err("hours")}
        </div>
      ) : null}
      {present && clause.valueKind === "days" ? (
        <div className="field">
          <label htmlFor={id("days")}>Notice before an audit, in days</label>
          <input type="number" min={0} step={1} inputMode="numeric" className="input-number" {...a11y("days")} {...form.register("days", { valueAsNumber: true })} />
          {err("days")}
        </div>
      ) : null}
      {present && clause.code === "right_to_audit" ? (
        <div className="field">
          <label htmlFor={id("auditScope")}>Who may audit</label>
          <select {...a11y("auditScope")} {...form.register("auditScope")}>
            <option value="">Not stated</option>
            {AUDIT_SCOPES.map((s) => <option key={s} value={s}>{AUDIT_SCOPE_LABELS[s]}</option>)}
          </select>
          {err("auditScope")}
        </div>
      ) : null}
      {present && clause.valueKind === "months" ? (
        <div className="field">
          <label htmlFor={id("months")}>Training cadence in months</label>
          <input type="number" min={1} step={1} inputMode="numeric" className="input-number" {...a11y("months")} {...form.register("months", { valueAsNumber: true })} />
          {err("months")}
        </div>
      ) : null}
      {present && clause.valueKind === "money" ? (
        <>
          <div className="field">
            <label htmlFor={id("amountMajor")}>Liability cap amount</label>
            <span id={id("amountMajor-hint")} className="hint">A cap stated as a multiple of fees: record its current value.</span>
            <input type="number" min={0} step="any" inputMode="decimal" {...a11y("amountMajor", true)} {...form.register("amountMajor", { valueAsNumber: true })} />
            {err("amountMajor")}
          </div>
          <div className="field">
            <label htmlFor={id("currency")}>Currency</label>
            <input type="text" className="input-short" maxLength={3} {...a11y("currency")} {...form.register("currency")} />
            {err("currency")}
          </div>
        </>
      ) : null}

      <div className="field">
        <label htmlFor={id("reviewerNote")}>Reviewer note <span className="optional">(optional)</span></label>
        <textarea rows={3} {...a11y("reviewerNote")} {...form.register("reviewerNote")} />
        {err("reviewerNote")}
      </div>

      <div className="computed-status" aria-live="polite">
        <span className="field-label">Computed status</span>{" "}
        {preview ? (
          <>
            <ClauseStatusChip status={preview.status} />
            {preview.reason ? <span className="deviation-reason"> {preview.reason}</span> : null}
          </>
        ) : (
          <span className="muted">Complete the fields to see the status.</span>
        )}
      </div>

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>{isSubmitting ? "Saving…" : submitLabel}</button>
        {"href" in cancel ? <Link className="btn" href={cancel.href}>Cancel</Link> : <button type="button" className="btn" onClick={cancel.onCancel}>Cancel</button>}
        {saved && !afterSave ? <span className="muted" role="status">Saved.</span> : null}
      </div>
    </ClientForm>
  );
}
