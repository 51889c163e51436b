import type { ReactNode } from "react";
import { SelectField } from "@/components/ui/select-field";

/** Two versions of one vendor's assessment to open side by side on the compare page (a GET form, so the comparison has a URL). */
export function CompareVersionsForm({ versions, from, to, idPrefix, label, className = "toolbar", children }: {
  versions: readonly { id: string; version: number }[];
  from: string;
  to: string;
  idPrefix: string;
  label: string;
  className?: string;
  children?: ReactNode;
}) {
  const options = versions.map((v) => ({ value: v.id, label: `Version ${v.version}` }));
  return (
    <form className={className} action="/assessments/compare" method="get" aria-label={label}>
      <SelectField id={`${idPrefix}-a`} name="a" label="Compare" defaultValue={from} options={options} />
      <SelectField id={`${idPrefix}-b`} name="b" label="with" defaultValue={to} options={options} />
      <button type="submit" className="btn">
        Compare
      </button>
      {children}
    </form>
  );
}
