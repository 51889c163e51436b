// Download links for the list's exports (docs/import-export.md): the vendors
// and their findings as CSV or XLSX, with the filters the list shows.
export function ExportLinks({ params }: { params: Record<string, string> }) {
  const href = (kind: string, format: string) => `/api/exports/${kind}?${new URLSearchParams({ ...params, format })}`;
  return (
    <details className="export-menu">
      <summary className="btn">Export</summary>
      <ul>
        <li><a href={href("vendors", "csv")} download>Vendors (CSV)</a></li>
        <li><a href={href("vendors", "xlsx")} download>Vendors (XLSX)</a></li>
        <li><a href={href("findings", "csv")} download>Findings (CSV)</a></li>
        <li><a href={href("findings", "xlsx")} download>Findings (XLSX)</a></li>
        <li><a href="/api/exports/calendar?format=csv" download>Renewal calendar, next 12 months (CSV)</a></li>
        <li><a href="/api/exports/calendar?format=xlsx" download>Renewal calendar, next 12 months (XLSX)</a></li>
      </ul>
    </details>
  );
}
