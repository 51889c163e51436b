import { useId, type ComponentProps } from "react";

type Option = { value: string; label: string };
type Props = ComponentProps<"select"> & { label: string; error?: string; options: Option[]; placeholder?: string };

export function SelectField({ label, error, options, placeholder, id, ...select }: Props) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className="field">
      <label htmlFor={selectId}>{label}</label>
      <select id={selectId} aria-invalid={error ? true : undefined} aria-describedby={error ? `${selectId}-error` : undefined} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
      {error ? <span id={`${selectId}-error`} className="error" role="alert">{error}</span> : null}
    </div>
  );
}
