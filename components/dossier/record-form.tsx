"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { Controller, useForm, useWatch, type FieldErrors, type Resolver, type UseFormReturn } from "react-hook-form";
import { saveDossierRecordAction } from "@/app/(app)/vendors/[id]/dossier-actions";
import { placeServerFieldErrors } from "@/components/forms/server-field-errors";
import { formatMoney } from "@/lib/domain/money";
import { RECORD_KINDS, type RecordKindKey } from "@/lib/schemas/dossier-record-kinds";
import { recordFields, type FieldSpec, type FieldThresholds } from "./record-fields";
import { currencyOf, fieldOfPath, majorToMinor, moneyPrecisionError, toFormValues, toSchemaValues, utcInputToInstant, type FormValues } from "./record-values";
import { inSentence, recordAnchor } from "./tabs";
import { ClientForm } from "@/components/ui/client-form";
import { useHydrated } from "@/components/ui/use-hydrated";

export interface RecordFormDocument {
  id: string;
  label: string;
  kind: string;
}

export interface RecordFormProps {
  vendorId: string;
  kind: RecordKindKey;
  /** Present when editing: the record's id and the version it was loaded at (optimistic lock). */
  existing?: { id: string; version: number };
  /** The stored record, in the schema's shape. */
  data?: FormValues;
  /** Values the user does not choose here (a control's code), with how to show them. */
  fixed?: FormValues;
  fixedText?: Record<string, string>;
  documents: RecordFormDocument[];
  sites: { id: string; label: string }[];
  thresholds: FieldThresholds;
  /** The tab listing this kind (optionally with a #section); Cancel goes back there, Save goes to the saved row. */
  returnHref: string;
}

/** The first message of an error, including one nested inside a list field. */
function messageOf(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { message?: unknown };
  if (typeof e.message === "string" && e.message !== "") return e.message;
  for (const value of Object.values(error)) {
    const nested = messageOf(value);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * One form for every dossier record kind: the fields come from
 * record-fields.ts, the validation from the kind's zod schema (the one the
 * server runs again), server field errors land next to their inputs, and
 * nothing the user typed is lost on an error.
 */
export function RecordForm(props: RecordFormProps) {
  const { vendorId, kind, existing, data, fixed, fixedText, documents, sites, thresholds, returnHref } = props;
  const router = useRouter();
  const formId = useId();
  const fields = useMemo(() => recordFields(kind, thresholds), [kind, thresholds]);
  const spec = RECORD_KINDS[kind];
  // The version the user started from. It never follows a refresh: saving over
  // a newer version must fail with CONFLICT rather than silently win.
  const [baseVersion] = useState(existing?.version);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const resolver = useMemo<Resolver<FormValues>>(() => {
    const validate = zodResolver(spec.schema as unknown as Parameters<typeof zodResolver>[0]) as unknown as Resolver<FormValues>;
    return async (values, context, options) => {
      const result = await validate({ ...toSchemaValues(fields, values, thresholds.currency), ...fixed }, context, options);
      const errors: Record<string, { type: string; message: string }> = {};
      // Sub-cent amounts would be rounded silently; say so instead.
      for (const f of fields.filter((x) => x.type === "money")) {
        const message = moneyPrecisionError(values[f.name], currencyOf(values, f, thresholds.currency));
        if (message) errors[f.name] = { type: "validation", message };
      }
      if (Object.keys(result.errors).length === 0 && Object.keys(errors).length === 0) return { values, errors: {} };
      // Errors keyed by schema path; list items collapse onto their one textarea.
      for (const [path, error] of Object.entries(result.errors)) {
        const name = fieldOfPath(path, fields) ?? "root";
        const message = messageOf(error);
        if (message && !errors[name]) errors[name] = { type: "validation", message };
      }
      return { values: {}, errors: errors as FieldErrors<FormValues> };
    };
  }, [spec.schema, fields, thresholds.currency, fixed]);

  const form = useForm<FormValues>({
    resolver,
    defaultValues: toFormValues(fields, data, { currency: thresholds.currency, fixed }),
    mode: "onSubmit",
    reValidateMode: "onChange",
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  const values = useWatch({ control: form.control }) as FormValues;
  const visible = fields.filter((f) => !f.showWhen || f.showWhen(values));

  async function onSubmit() {
    setFormError(null);
    setConflict(null);
    const record = { ...toSchemaValues(fields, form.getValues(), thresholds.currency), ...fixed };
    const result = await saveDossierRecordAction({
      vendorId,
      kind,
      ...(existing ? { id: existing.id, version: baseVersion } : {}),
      data: record,
    });
    if (result.ok) {
      const anchor = kind === "control" && typeof record.code === "string" ? record.code : result.data.id;
      router.push(`${returnHref.split("#")[0]}#${recordAnchor(anchor)}`);
      router.refresh();
      return;
    }
    if (result.code === "CONFLICT") {
      setConflict(result.error);
      return;
    }
    const { placed, unplaced } = placeServerFieldErrors(result.fieldErrors, (path) => fieldOfPath(path, visible));
    placed.forEach(({ name, message }, index) => form.setError(name, { type: "server", message }, { shouldFocus: index === 0 }));
    setFormError([result.error, ...unplaced].join(" "));
  }

  const fieldErrors = visible.map((f) => ({ field: f, message: messageOf(errors[f.name]) })).filter((e) => e.message);
  const rootError = messageOf(errors.root);

  return (
    <ClientForm className="stack record-form" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-labelledby={`${formId}-title`}>
      <h2 id={`${formId}-title`}>{existing ? `Edit ${inSentence(spec.label)}` : `Add ${inSentence(spec.label)}`}</h2>
      {conflict ? (
        <div className="alert alert-error" role="alert">
          <p><strong>Changed by someone else.</strong> {conflict}</p>
          <p>Your entries are still in the form below and were not saved. Copy anything you need, then load the latest version.</p>
          <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>Load the latest version (discards your entries)</button>
        </div>
      ) : null}
      {formError ? <div className="alert alert-error" role="alert">{formError}</div> : null}
      {submitCount > 0 && (fieldErrors.length > 0 || rootError) && !formError ? (
        <div className="alert alert-error" role="alert">
          <p><strong>{fieldErrors.length === 1 ? "One field needs" : `${fieldErrors.length || 1} fields need`} attention:</strong></p>
          <ul>
            {fieldErrors.map(({ field, message }) => (
              <li key={field.name}><a href={`#${formId}-${field.name}`}>{field.label}: {message}</a></li>
            ))}
            {rootError ? <li>{rootError}</li> : null}
          </ul>
        </div>
      ) : null}

      {visible.map((field) => (
        <Field
          key={field.name}
          field={field}
          form={form}
          id={`${formId}-${field.name}`}
          error={messageOf(errors[field.name])}
          documents={documents}
          sites={sites}
          fixedText={fixedText}
          currency={String(values[field.currencyField ?? "currency"] ?? thresholds.currency)}
        />
      ))}

      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : existing ? "Save changes" : `Add ${inSentence(spec.label)}`}
        </button>
        <Link className="btn" href={returnHref}>Cancel</Link>
      </div>
    </ClientForm>
  );
}

interface FieldProps {
  field: FieldSpec;
  form: UseFormReturn<FormValues>;
  id: string;
  error?: string;
  documents: RecordFormDocument[];
  sites: { id: string; label: string }[];
  fixedText?: Record<string, string>;
  currency: string;
}

function Label({ field, id }: { field: FieldSpec; id: string }) {
  return (
    <label htmlFor={id}>
      {field.label}
      {field.optional ? <span className="optional"> (optional)</span> : null}
    </label>
  );
}

function Field({ field, form, id, error, documents, sites, fixedText, currency }: FieldProps) {
  const mounted = useHydrated();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const extraId = `${id}-extra`;
  const describedBy = [field.hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const a11y = { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const;
  const hint = field.hint ? <span id={hintId} className="hint">{field.hint}</span> : null;
  const errorText = error ? <span id={errorId} className="error">{error}</span> : null;
  const value: unknown = useWatch({ control: form.control, name: field.name });

  switch (field.type) {
    case "fixed":
      return (
        <div className="field">
          <span className="field-label">{field.label}</span>
          <p className="fixed-value" id={id}>{fixedText?.[field.name] ?? String(value ?? "")}</p>
          {errorText}
        </div>
      );
    case "checkbox":
      return (
        <div className="field field-check">
          <label htmlFor={id}>
            <input type="checkbox" {...a11y} {...form.register(field.name)} /> {field.label}
          </label>
          {hint}
          {errorText}
        </div>
      );
    case "multi-select":
    case "sites": {
      const options = field.type === "sites" ? sites.map((s) => ({ value: s.id, label: s.label })) : (field.options ?? []);
      return (
        <fieldset className="field" aria-describedby={describedBy} aria-invalid={error ? true : undefined} id={id}>
          <legend>{field.label}{field.optional ? <span className="optional"> (optional)</span> : null}</legend>
          {hint}
          {options.length === 0 ? (
            <p className="muted">{field.type === "sites" ? "No delivery sites are recorded yet. Add them on the Sites tab first." : "Nothing to choose from."}</p>
          ) : (
            <Controller
              control={form.control}
              name={field.name}
              render={({ field: controlled }) => {
                const selected = Array.isArray(controlled.value) ? (controlled.value as string[]) : [];
                return (
                  <div className="checks checks-column">
                    {options.map((o) => (
                      <label key={o.value}>
                        <input
                          type="checkbox"
                          value={o.value}
                          checked={selected.includes(o.value)}
                          onBlur={controlled.onBlur}
                          onChange={(e) =>
                            controlled.onChange(e.target.checked ? [...selected, o.value] : selected.filter((v) => v !== o.value))
                          }
                        />{" "}
                        {o.label}
                      </label>
                    ))}
                  </div>
                );
              }}
            />
          )}
          {errorText}
        </fieldset>
      );
    }
    case "select":
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <select {...a11y} {...form.register(field.name)}>
            <option value="">{field.placeholder ?? "Choose…"}</option>
            {(field.options ?? []).map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
          {errorText}
        </div>
      );
    case "evidence": {
      const preferred = documents.filter((d) => field.evidenceKinds?.includes(d.kind as never));
      const others = documents.filter((d) => !preferred.includes(d));
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <select {...a11y} {...form.register(field.name)}>
            <option value="">{field.optional ? "No document attached" : "Choose a document"}</option>
            {preferred.length > 0 && others.length > 0 ? (
              <>
                <optgroup label="Matching documents">
                  {preferred.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
                </optgroup>
                <optgroup label="Other documents">
                  {others.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
                </optgroup>
              </>
            ) : (
              [...preferred, ...others].map((d) => <option key={d.id} value={d.id}>{d.label}</option>)
            )}
          </select>
          {documents.length === 0 ? <span className="hint">No documents are uploaded for this vendor yet.</span> : null}
          {errorText}
        </div>
      );
    }
    case "textarea":
    case "list":
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <textarea rows={field.type === "list" ? 4 : 5} {...a11y} {...form.register(field.name)} />
          {errorText}
        </div>
      );
    case "number":
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <input type="number" inputMode="decimal" step={field.step ?? "any"} min={field.min} max={field.max} className="input-number" {...a11y} {...form.register(field.name, { valueAsNumber: true })} />
          {errorText}
        </div>
      );
    case "money": {
      const minor = majorToMinor(value, currency);
      const validCurrency = /^[A-Z]{3}$/.test(currency.trim().toUpperCase());
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <span className="input-with-addon">
            <span className="addon" aria-hidden="true">{validCurrency ? currency.trim().toUpperCase() : "…"}</span>
            <input type="number" inputMode="decimal" step="any" min={0} {...a11y} aria-describedby={[describedBy, extraId].filter(Boolean).join(" ")} {...form.register(field.name, { valueAsNumber: true })} />
          </span>
          <span id={extraId} className="hint money-echo" aria-live="polite">
            {typeof minor === "number" && Number.isFinite(minor) && validCurrency
              ? `= ${formatMoney(minor, currency.trim().toUpperCase())}`
              : validCurrency ? `Amount in ${currency.trim().toUpperCase()}` : "Enter the currency above"}
          </span>
          {errorText}
        </div>
      );
    }
    case "datetime": {
      const instant = utcInputToInstant(value);
      const parsed = typeof instant === "string" && instant !== "" ? new Date(instant) : null;
      const local =
        mounted && parsed && !Number.isNaN(parsed.getTime())
          ? new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(parsed)
          : null;
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <input type="datetime-local" {...a11y} aria-describedby={[describedBy, extraId].filter(Boolean).join(" ")} {...form.register(field.name)} />
          <span id={extraId} className="hint">
            Enter the time in UTC, not your local time.
            {local ? ` That is ${local} in your time zone.` : ""}
          </span>
          {errorText}
        </div>
      );
    }
    case "date":
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <input type="date" {...a11y} {...form.register(field.name)} />
          {errorText}
        </div>
      );
    default:
      return (
        <div className="field">
          <Label field={field} id={id} />
          {hint}
          <input type="text" placeholder={field.placeholder} className={field.short ? "input-short" : undefined} {...a11y} {...form.register(field.name)} />
          {errorText}
        </div>
      );
  }
}
