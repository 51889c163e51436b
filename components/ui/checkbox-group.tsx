import { useId, type ComponentProps } from "react";

type Option = { value: string; label: string };
type Props = Omit<ComponentProps<"input">, "type"> & { legend: string; error?: string; options: Option[] };

/** A fieldset of checkboxes sharing one registered name (react-hook-form collects an array). */
export function CheckboxGroup({ legend, error, options, ...input }: Props) {
  const id = useId();
  return (
    <fieldset className="field" aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined}>
      <legend>{legend}</legend>
      <div className="checks">
        {options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" value={o.value} {...input} /> {o.label}
          </label>
        ))}
      </div>
      {error ? <span id={`${id}-error`} className="error" role="alert">{error}</span> : null}
    </fieldset>
  );
}
