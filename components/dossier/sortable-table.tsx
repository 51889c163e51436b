"use client";

import { useState, type ReactNode } from "react";

export interface SortableColumn {
  label: string;
  sortable?: boolean;
  /** Visually hidden header (e.g. the actions column) still named for screen readers. */
  hiddenLabel?: boolean;
  numeric?: boolean;
}

export interface SortableRow {
  key: string;
  /** DOM id, the target of #record-<id> links from findings. */
  id?: string;
  className?: string;
  cells: ReactNode[];
  /** One sort key per column; null sorts last. */
  sort?: (string | number | null | undefined)[];
}

interface Props {
  caption: string;
  columns: SortableColumn[];
  rows: SortableRow[];
  initialSort?: { column: number; dir: "asc" | "desc" };
}

function compare(a: string | number | null | undefined, b: string | number | null | undefined): number {
  const aMissing = a === null || a === undefined || a === "";
  const bMissing = b === null || b === undefined || b === "";
  if (aMissing || bMissing) return aMissing === bMissing ? 0 : aMissing ? 1 : -1;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

/**
 * A table of server-rendered cells that sorts in the browser. Headers are
 * buttons that announce the order through aria-sort; without script the rows
 * keep the server's order.
 */
export function SortableTable({ caption, columns, rows, initialSort }: Props) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = sort
    ? [...rows].sort((x, y) => {
        const c = compare(x.sort?.[sort.column], y.sort?.[sort.column]);
        // Missing values stay last whichever way the column is sorted.
        const xMissing = x.sort?.[sort.column] == null || x.sort?.[sort.column] === "";
        const yMissing = y.sort?.[sort.column] == null || y.sort?.[sort.column] === "";
        if (xMissing || yMissing) return c;
        return sort.dir === "asc" ? c : -c;
      })
    : rows;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">
          {caption}
          {sort ? `, sorted by ${columns[sort.column]?.label} ${sort.dir === "asc" ? "ascending" : "descending"}` : ""}
        </caption>
        <thead>
          <tr>
            {columns.map((col, i) => {
              const active = sort?.column === i;
              const ariaSort = col.sortable ? (active ? (sort?.dir === "asc" ? "ascending" : "descending") : "none") : undefined;
              return (
                <th key={col.label} scope="col" aria-sort={ariaSort} className={col.numeric ? "num" : undefined}>
                  {col.hiddenLabel ? (
                    <span className="sr-only">{col.label}</span>
                  ) : col.sortable ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => setSort({ column: i, dir: active && sort?.dir === "asc" ? "desc" : "asc" })}
                    >
                      {col.label}
                      <span aria-hidden="true" className="sort-arrow">{active ? (sort?.dir === "asc" ? "▲" : "▼") : "↕"}</span>
                    </button>
                  ) : (
                    col.label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={row.key} id={row.id} className={row.className}>
              {row.cells.map((cell, i) => (
                <td key={i} className={columns[i]?.numeric ? "num" : undefined}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
