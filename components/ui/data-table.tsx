import type { ReactNode } from "react";
import { SortHeader } from "./sort-header";

/**
 * A column header: its text; or a label with a class; or, with `sort`, a link
 * that re-sorts the whole list by that key and announces the order (SortHeader).
 */
export type DataColumn = string | { label: ReactNode; className?: string } | { label: string; sort: string };

interface Props<T> {
  columns: readonly DataColumn[];
  rows: readonly T[];
  /** One `<tr>` per row; the caller decides row headers, classes and keys. */
  children: (row: T, index: number) => ReactNode;
  /** The list's query parameters (sort, dir, filters): the links of sortable columns keep them. */
  sortParams?: Record<string, string>;
  /** The heading that names a wide table: its scroll box then becomes a focusable region, so keyboard users can scroll it. */
  labelledBy?: string;
  "aria-label"?: string;
  caption?: ReactNode;
  className?: string;
  testId?: string;
}

/** A data table in its horizontal scroll box, with one column header per column. */
export function DataTable<T>({ columns, rows, children, sortParams = {}, labelledBy, "aria-label": ariaLabel, caption, className, testId }: Props<T>) {
  const region = labelledBy ? { tabIndex: 0, role: "region", "aria-labelledby": labelledBy } : {};
  return (
    <div className="table-wrap" {...region}>
      <table className={className ? `data ${className}` : "data"} aria-label={ariaLabel} data-testid={testId}>
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c, i) => (
              <ColumnHeader key={i} column={c} sortParams={sortParams} />
            ))}
          </tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
      </table>
    </div>
  );
}

function ColumnHeader({ column, sortParams }: { column: DataColumn; sortParams: Record<string, string> }) {
  if (typeof column === "string") return <th scope="col">{column}</th>;
  if ("sort" in column) return <SortHeader column={column.sort} label={column.label} params={sortParams} />;
  return <th scope="col" className={column.className}>{column.label}</th>;
}
