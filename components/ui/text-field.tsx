import { useId, type ComponentProps } from "react";

type Props = ComponentProps<"input"> & { label: string; error?: string; hint?: string };

/** A labelled input whose error is announced and tied to it with aria-describedby. */
export function TextField({ label, error, hint, id, ...input }: Props) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const describedBy = [hint ? `${inputId}-hint` : null, error ? `${inputId}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={inputId}>{label}</label>
      {hint ? <span id={`${inputId}-hint`} className="hint">{hint}</span> : null}
      <input id={inputId} type="text" aria-invalid={error ? true : undefined} aria-describedby={describedBy || undefined} {...input} />
      {error ? <span id={`${inputId}-error`} className="error" role="alert">{error}</span> : null}
    </div>
  );
}
