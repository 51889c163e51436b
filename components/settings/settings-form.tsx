"use client";

import { useState } from "react";
import { Controller, get, useWatch, type FieldErrors, type UseFormReturn } from "react-hook-form";
import { FormFeedback } from "@/components/forms/form-feedback";
import { useActionForm } from "@/components/forms/use-action-form";
import { CheckboxGroup } from "@/components/ui/checkbox-group";
import { TextField } from "@/components/ui/text-field";
import { currencyExponent } from "@/lib/domain/money";
import { scoringDomainKeys, settingsSchema, weightTotal, type Settings } from "@/lib/schemas/settings";
import type { ActionResult } from "@/lib/schemas/action-result";
import { SETTINGS_GROUPS, type SettingsField } from "./settings-fields";
import { ClientForm } from "@/components/ui/client-form";

type Save = (input: { version: number; settings: Settings }) => Promise<ActionResult<{ version: number }>>;

const MIB = 1024 * 1024;

/**
 * The organisation's settings, validated in the browser with the same schema
 * the server uses (weights add up to 100, bands do not overlap…). The version
 * the form was loaded at travels with the save, so a concurrent change by
 * another admin is refused instead of silently overwritten.
 */
export function SettingsForm({ initial, version: initialVersion, save }: { initial: Settings; version: number; save: Save }) {
  const [version, setVersion] = useState(initialVersion);
  const { form, formError, status, statusRef, onSubmit } = useActionForm({
    schema: settingsSchema,
    defaultValues: initial,
    mode: "onBlur",
    action: (settings: Settings) => save({ version, settings }),
    // The server reports paths under "settings."; the form's fields are the settings themselves.
    toField: (path) => path.replace(/^settings\./, ""),
    successMessage: () => "Settings saved. New scores and findings use them from now on; earlier assessments keep the settings they were scored with.",
    onSuccess: (data, values) => {
      setVersion(data.version);
      form.reset(values);
    },
    // Shown next to the Save button, where the admin is looking when a save is refused.
    onInvalid: (invalid: FieldErrors<Settings>) => {
      const weights = (get(invalid, "scoring.weights") as { message?: string } | undefined)?.message;
      return weights ? `Check the highlighted settings. ${weights}` : "Check the highlighted settings.";
    },
  });
  const { errors, isSubmitting, isDirty } = form.formState;
  const weights = useWatch({ control: form.control, name: "scoring.weights" });
  const currency = useWatch({ control: form.control, name: "insurance.currency" });
  const total = weightTotal(Object.fromEntries(scoringDomainKeys.map((k) => [k, Number(weights?.[k]) || 0])) as Settings["scoring"]["weights"]);

  const weightsError = (get(errors, "scoring.weights") as { message?: string } | undefined)?.message;

  return (
    <ClientForm className="stack settings-form" onSubmit={onSubmit} noValidate aria-label="Organisation settings">
      {SETTINGS_GROUPS.map((group) => (
        <section key={group.id} className="card" aria-labelledby={`settings-${group.id}`}>
          <h2 id={`settings-${group.id}`}>{group.title}</h2>
          <p className="group-intro muted">{group.intro}</p>
          <div className="grid-2">
            {group.fields.map((field) => (
              <FieldInput key={field.path} field={field} form={form} errors={errors} currency={currency} />
            ))}
          </div>
          {group.id === "weights" ? (
            <p className={weightsError || total !== 100 ? "error" : "muted"} role={weightsError ? "alert" : undefined} data-testid="weights-total">
              Total: {total} of 100{weightsError ? `. ${weightsError}` : total !== 100 ? " (must be exactly 100)" : ""}
            </p>
          ) : null}
        </section>
      ))}
      <FormFeedback formError={formError} status={status} statusRef={statusRef} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>
          {isSubmitting ? "Saving…" : "Save settings"}
        </button>
        {isDirty ? <span className="muted">Unsaved changes</span> : null}
      </div>
    </ClientForm>
  );
}

type Form = UseFormReturn<Settings>;

function FieldInput({ field, form, errors, currency }: { field: SettingsField; form: Form; errors: FieldErrors<Settings>; currency: string | undefined }) {
  const error = (get(errors, field.path) as { message?: string } | undefined)?.message;
  switch (field.kind) {
    case "number":
      return (
        <TextField
          label={`${field.label} (${field.unit})`}
          hint={field.help}
          type="number"
          inputMode="decimal"
          step={field.step ?? 1}
          error={error}
          {...form.register(field.path, { valueAsNumber: true })}
        />
      );
    case "text":
      return <TextField label={field.label} hint={field.help} error={error} maxLength={3} {...form.register(field.path, { setValueAs: (v: string) => v.trim().toUpperCase() })} />;
    case "choices":
      return (
        <div className="field">
          <CheckboxGroup legend={field.label} error={error} options={field.options} {...form.register(field.path)} />
          <span className="hint">{field.help}</span>
        </div>
      );
    case "dayList":
      return (
        <Controller
          control={form.control}
          name={field.path}
          render={({ field: f }) => <DayListInput label={`${field.label} (days)`} hint={field.help} error={error} value={f.value} onChange={f.onChange} onBlur={f.onBlur} name={f.name} />}
        />
      );
    case "money":
    case "mebibytes": {
      const exponent = field.kind === "money" ? safeExponent(currency) : 0;
      const scale = field.kind === "money" ? 10 ** exponent : MIB;
      const unit = field.kind === "money" ? (currency || "currency") : "MiB";
      return (
        <Controller
          control={form.control}
          name={field.path}
          render={({ field: f }) => (
            <TextField
              label={`${field.label} (${unit})`}
              hint={field.help}
              type="number"
              inputMode="decimal"
              step={field.kind === "money" ? 1 / scale : 0.1}
              error={error}
              name={f.name}
              ref={f.ref}
              onBlur={f.onBlur}
              value={typeof f.value === "number" && Number.isFinite(f.value) ? String(f.value / scale) : ""}
              onChange={(e) => f.onChange(e.target.value === "" ? Number.NaN : Math.round(Number(e.target.value) * scale))}
            />
          )}
        />
      );
    }
  }
}

/**
 * "60, 30, 7" ↔ [60, 30, 7]. The text is kept as typed while editing (so a
 * trailing comma does not vanish); anything that is not a number becomes NaN,
 * which the schema refuses with a message next to the field.
 */
function DayListInput({ label, hint, error, value, onChange, onBlur, name }: { label: string; hint: string; error?: string; value: unknown; onChange: (v: number[]) => void; onBlur: () => void; name: string }) {
  const [text, setText] = useState(() => (Array.isArray(value) ? value.join(", ") : ""));
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      name={name}
      inputMode="numeric"
      value={text}
      onBlur={onBlur}
      onChange={(e) => {
        setText(e.target.value);
        const parts = e.target.value.split(",").map((p) => p.trim()).filter((p) => p !== "");
        onChange(parts.map((p) => (/^\d+$/.test(p) ? Number(p) : Number.NaN)));
      }}
    />
  );
}

function safeExponent(currency: string | undefined): number {
  return currency && /^[A-Z]{3}$/.test(currency) ? currencyExponent(currency) : 2;
}
