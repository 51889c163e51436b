import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";

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
      <DataTable caption={caption} columns={columns} rows={rows}>
        {(r) => (
          <tr key={r.header}>
            <th scope="row">{r.header}</th>
            {r.cells.map((cell, i) => (
              <td key={i}>{cell.href ? <Link href={cell.href}>{cell.text}</Link> : cell.text}</td>
            ))}
          </tr>
        )}
      </DataTable>
    </details>
  );
}
