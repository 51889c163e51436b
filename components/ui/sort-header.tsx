import Link from "next/link";

/** A column header that links to the same list sorted by it; announces the current order. */
export function SortHeader({ column, label, params }: { column: string; label: string; params: Record<string, string> }) {
  const active = params.sort === column;
  const dir = active && params.dir === "asc" ? "desc" : "asc";
  const href = `?${new URLSearchParams({ ...params, sort: column, dir, page: "1" })}`;
  const ariaSort = active ? (params.dir === "asc" ? "ascending" : "descending") : "none";
  return (
    <th scope="col" aria-sort={ariaSort}>
      <Link href={href}>
        {label} {active ? (params.dir === "asc" ? "▲" : "▼") : ""}
      </Link>
    </th>
  );
}
