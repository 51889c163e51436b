import Link from "next/link";

export interface DataTableCell {
  text: string;
  /** The vendor list holding exactly the vendors this cell counts. */
  href?: string;
}

/** A chart's numbers as a table, behind a disclosure so keyboard and screen-reader users get every value and link. */
export function ChartDataTable({ caption, columns, rows, open = false }: { caption: string; columns: string[]; rows: { header: string; cells: DataTableCell[] }[]; open?: boolean }) {
  return (
    <details className="chart-data" open={open}>
      <summary>Show the data as a table</summary>
      <div className="table-wrap">
        <table className="data">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c} scope="col">{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.header}>
                <th scope="row">{r.header}</th>
                {r.cells.map((cell, i) => (
                  <td key={i}>{cell.href ? <Link href={cell.href}>{cell.text}</Link> : cell.text}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
