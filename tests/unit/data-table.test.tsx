import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ChartDataTable } from "@/components/dashboard/data-table";
import { QueueFindingsTable } from "@/components/queues/queue-tables";
import { DataTable } from "@/components/ui/data-table";

// One table head for every data table (components/ui/data-table.tsx): the
// caption screen readers hear, column headers with scope, and sortable
// columns as links that keep the list's filters and announce the order
// through aria-sort. The queue tables and the dashboard's chart tables render
// through it.

const headers = (html: string) => [...html.matchAll(/<th scope="col"([^>]*)>(.*?)<\/th>/g)].map((m) => ({ attrs: m[1]!, inner: m[2]! }));

describe("DataTable", () => {
  const html = renderToStaticMarkup(
    <DataTable
      caption="Vendors, sorted by tier ascending"
      columns={[{ label: "Vendor", sort: "name" }, { label: "Tier", sort: "tier" }, "Status", { label: "Updated", className: "num" }]}
      sortParams={{ sort: "tier", dir: "asc", q: "acme", page: "3" }}
      rows={[{ id: "v1", name: "Acme" }]}
    >
      {(v) => (
        <tr key={v.id}>
          <th scope="row">{v.name}</th>
        </tr>
      )}
    </DataTable>,
  );

  it("names the table with a caption for screen readers and gives every column header a scope", () => {
    expect(html).toContain('<caption class="sr-only">Vendors, sorted by tier ascending</caption>');
    expect(headers(html).map((h) => h.inner.replace(/<[^>]+>/g, "").trim())).toEqual(["Vendor", "Tier ▲", "Status", "Updated"]);
    expect(headers(html)[3]!.attrs).toBe(' class="num"');
    expect(html).toContain('<th scope="row">Acme</th>');
  });

  it("makes sortable columns links that re-sort from page 1, keep the filters and announce the order", () => {
    const [vendor, tier, status] = headers(html);
    expect(vendor!.attrs).toBe(' aria-sort="none"');
    expect(tier!.attrs).toBe(' aria-sort="ascending"');
    expect(status!.attrs).toBe("");
    const href = (h: { inner: string }) => new URLSearchParams(/href="\?([^"]*)"/.exec(h.inner)![1]!.replaceAll("&amp;", "&"));
    expect(Object.fromEntries(href(vendor!))).toEqual({ sort: "name", dir: "asc", q: "acme", page: "1" });
    // The active column's link reverses its order.
    expect(href(tier!).get("dir")).toBe("desc");
  });
});

describe("tables built on DataTable", () => {
  it("a queue table: caption, one scoped header per column, a row header per vendor", () => {
    const html = renderToStaticMarkup(
      <QueueFindingsTable caption="KPI breaches, worst first" tab="/kpis" action="Review KPIs" rows={[{ id: "f1", severity: "high", message: "Breach", vendor: { id: "v1", name: "Acme" } }] as never} />,
    );
    expect(html).toMatch(/^<div class="table-wrap"><table class="data"><caption class="sr-only">KPI breaches, worst first<\/caption>/);
    expect(headers(html).map((h) => h.inner)).toEqual(["Vendor", "Severity", "Finding", "Action"]);
    expect(html).toContain('<tr data-vendor="Acme"><th scope="row"><a href="/vendors/v1">Acme</a></th>');
  });

  it("a chart's data table: the same head inside its disclosure", () => {
    const html = renderToStaticMarkup(<ChartDataTable caption="Vendors by tier" columns={["Tier", "Vendors"]} rows={[{ header: "Critical", cells: [{ text: "3", href: "/vendors?tier=critical" }] }]} />);
    expect(html).toContain('<summary>Show the data as a table</summary><div class="table-wrap"><table class="data"><caption class="sr-only">Vendors by tier</caption>');
    expect(headers(html).map((h) => h.inner)).toEqual(["Tier", "Vendors"]);
    expect(html).toContain('<th scope="row">Critical</th><td><a href="/vendors?tier=critical">3</a></td>');
  });
});
