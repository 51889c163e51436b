import type { ReactNode } from "react";

export type DataColumn = string | { label: ReactNode; className?: string };

interface Props<T> {
  columns: readonly DataColumn[];
  rows: readonly T[];
  /** One `<tr>` per row; the caller decides row headers, classes and keys. */
  children: (row: T, index: number) => ReactNode;
  /** The heading that names a wide table: its scroll box then becomes a focusable region, so keyboard users can scroll it. */
  labelledBy?: string;
  "aria-label"?: string;
  caption?: ReactNode;
  className?: string;
  testId?: string;
}

/** A data table in its horizontal scroll box, with one column header per column. */
export function DataTable<T>({ columns, rows, children, labelledBy, "aria-label": ariaLabel, caption, className, testId }: Props<T>) {
  const region = labelledBy ? { tabIndex: 0, role: "region", "aria-labelledby": labelledBy } : {};
  return (
    <div className="table-wrap" {...region}>
      <table className={className ? `data ${className}` : "data"} aria-label={ariaLabel} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => (typeof c === "string" ? <th key={i} scope="col">{c}</th> : <th key={i} scope="col" className={c.className}>{c.label}</th>))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  );
}
