import type { Metadata } from "next";
import Link from "next/link";
import { TierBadge } from "@/components/ui/badge";
import { FilterToolbar } from "@/components/ui/filter-toolbar";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { SummariesPendingNotice } from "@/components/vendors/summaries-pending-notice";
import { firstValues, linkParams } from "@/lib/schemas/search-params";
import { DataTable } from "@/components/ui/data-table";
import { Pagination } from "@/components/ui/pagination";
import { countryName } from "@/lib/domain/reference/countries";
import { COUNTRY_CODES } from "@/lib/domain/reference/countries";
import { INDUSTRIES, INDUSTRY_LABELS, TIERS, TIER_LABELS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { FindingCounts } from "@/components/vendors/finding-counts";
import { Soc2Badge } from "@/components/vendors/soc2-badge";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { requirePageActor } from "@/lib/server/auth";
import { DayText } from "@/components/ui/relative-date";
import { can } from "@/lib/server/permissions";
import { listVendors } from "@/lib/server/services/vendors";
import { FINDING_SEVERITIES, FINDING_SEVERITY_LABELS, PORTFOLIO_BANDS, PORTFOLIO_BAND_LABELS, monthLabel, scoreBucketLabel } from "@/lib/domain/vendors/portfolio";
import type { VendorListQuery } from "@/lib/schemas/vendor";
import { refreshListedSummaries } from "../refresh-listed-summaries";
import { FINDING_DOMAIN_LABELS } from "@/lib/domain/findings/finding-domains";
import { ExportLinks } from "@/components/imports/export-links";

/** The list's filters and order, without paging: an export covers every matching vendor. */
function exportParams(query: VendorListQuery): Record<string, string> {
  const { page: _page, pageSize: _pageSize, ...rest } = query;
  return linkParams(rest);
}

export const metadata: Metadata = { title: "Vendors" };

const BLOCKER_OPTIONS = [
  { value: "yes", label: "Has a blocker" },
  { value: "no", label: "No blocker" },
];
const SOC2_OPTIONS = [
  { value: "stale", label: "Stale" },
  { value: "due", label: "Due for renewal" },
  { value: "missing", label: "Missing" },
  { value: "current", label: "Current" },
];

/** The dashboard's filters that have no control in the form: named above the list and kept by Apply. */
function describePortfolioFilters(query: VendorListQuery): { name: string; value: string; text: string }[] {
  const out: { name: string; value: string; text: string }[] = [];
  if (query.score !== undefined) out.push({ name: "score", value: String(query.score), text: `latest score ${scoreBucketLabel(query.score)}` });
  if (query.reassessment) out.push({ name: "reassessment", value: query.reassessment, text: "reassessment overdue" });
  if (query.remediation) out.push({ name: "remediation", value: query.remediation, text: "remediation overdue" });
  if (query.acceptance) out.push({ name: "acceptance", value: query.acceptance, text: "latest risk acceptance lapsed" });
  if (query.expiring !== undefined) out.push({ name: "expiring", value: String(query.expiring), text: `evidence lapsing within ${query.expiring} days` });
  if (query.lapses) out.push({ name: "lapses", value: query.lapses, text: `evidence lapsing in ${monthLabel(query.lapses)}` });
  if (query.assessed) out.push({ name: "assessed", value: query.assessed, text: `assessed in ${monthLabel(query.assessed)}` });
  if (query.domain) out.push({ name: "domain", value: query.domain, text: `open findings in ${FINDING_DOMAIN_LABELS[query.domain]}` });
  return out;
}

export default async function VendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("vendor.read");
  const query = vendorListQuerySchema.parse(firstValues(await searchParams));
  // The list filters and sorts on stored finding counts and SOC 2 states.
  const pending = await refreshListedSummaries();
  const { rows, total } = await listVendors({ actor, query });
  const now = new Date();
  const params = linkParams(query);
  const portfolioFilters = describePortfolioFilters(query);
  const filtered = Boolean(query.q || query.tier || query.status || query.country || query.industry || query.blocker || query.soc2 || query.band || query.finding || portfolioFilters.length);
  const countries = [...COUNTRY_CODES].map((c) => ({ value: c, label: countryName(c) })).sort((a, b) => a.label.localeCompare(b.label));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Vendors</h1>
          <p className="muted" data-testid="vendor-total">{total} {total === 1 ? "vendor" : "vendors"}{filtered ? " match the filters" : ""}{portfolioFilters.length ? `: ${portfolioFilters.map((f) => f.text).join(", ")}` : ""}</p>
        </div>
        <div className="form-actions page-actions">
          <ExportLinks params={exportParams(query)} />
          {can(actor.role, "vendor.create") ? <Link className="btn" href="/vendors/import">Import</Link> : null}
          {can(actor.role, "vendor.create") ? <Link className="btn btn-primary" href="/vendors/new">New vendor</Link> : null}
        </div>
      </div>

      <SummariesPendingNotice pending={pending} what="Finding counts and SOC 2 states" alwaysCurrent="Each vendor’s own page" list="list" />

      <FilterToolbar
        label="Filter vendors"
        clearHref="/vendors"
        filtered={filtered}
        keep={{ ...Object.fromEntries(portfolioFilters.map((f) => [f.name, f.value])), sort: query.sort, dir: query.dir }}
      >
        <TextField id="q" name="q" label="Search" defaultValue={query.q ?? ""} placeholder="Vendor name" />
        <SelectField id="tier" name="tier" label="Tier" defaultValue={query.tier ?? ""} placeholder="Any" options={TIERS.map((t) => ({ value: t, label: TIER_LABELS[t] }))} />
        <SelectField id="status" name="status" label="Status" defaultValue={query.status ?? ""} placeholder="Any" options={VENDOR_STATUSES.map((s) => ({ value: s, label: s }))} />
        <SelectField id="country" name="country" label="Country" defaultValue={query.country ?? ""} placeholder="Any" options={countries} />
        <SelectField id="industry" name="industry" label="Industry" defaultValue={query.industry ?? ""} placeholder="Any" options={INDUSTRIES.map((i) => ({ value: i, label: INDUSTRY_LABELS[i] }))} />
        <SelectField id="blocker" name="blocker" label="Blockers" defaultValue={query.blocker ?? ""} placeholder="Any" options={BLOCKER_OPTIONS} />
        <SelectField id="soc2" name="soc2" label="SOC 2" defaultValue={query.soc2 ?? ""} placeholder="Any" options={SOC2_OPTIONS} />
        <SelectField id="band" name="band" label="Rating" defaultValue={query.band ?? ""} placeholder="Any" options={PORTFOLIO_BANDS.map((b) => ({ value: b, label: PORTFOLIO_BAND_LABELS[b] }))} />
        <SelectField id="finding" name="finding" label="Open findings" defaultValue={query.finding ?? ""} placeholder="Any" options={FINDING_SEVERITIES.map((f) => ({ value: f, label: FINDING_SEVERITY_LABELS[f] }))} />
      </FilterToolbar>

      {rows.length === 0 ? (
        <div className="card empty">
          {filtered ? (
            <p>No vendors match these filters.</p>
          ) : (
            <>
              <p><strong>No vendors yet.</strong></p>
              <p>Add the first outsourced vendor to start its due diligence.</p>
              {can(actor.role, "vendor.create") ? <Link className="btn btn-primary" href="/vendors/new">New vendor</Link> : null}
            </>
          )}
        </div>
      ) : (
        <>
          <DataTable
            caption={`Vendors, sorted by ${query.sort} ${query.dir === "asc" ? "ascending" : "descending"}`}
            columns={[{ label: "Vendor", sort: "name" }, { label: "Tier", sort: "tier" }, { label: "Country", sort: "country" }, { label: "Findings", sort: "findings" }, "SOC 2", "Status", "Owner", { label: "Updated", sort: "updated" }]}
            sortParams={params}
            rows={rows}
          >
            {(v) => (
              <tr key={v.id}>
                <td><Link href={`/vendors/${v.id}`}>{v.name}</Link><div className="muted">{v.legalName}</div></td>
                <td><TierBadge tier={v.tier} /></td>
                <td>{countryName(v.country)}</td>
                <td><FindingCounts counts={v} /></td>
                <td><Soc2Badge state={v.soc2State} staleFrom={v.soc2StaleFrom} now={now} /></td>
                <td>{v.status}</td>
                <td>{v.owner?.name ?? "—"}</td>
                <td><DayText day={v.updatedAt} now={now} /></td>
              </tr>
            )}
          </DataTable>
          <Pagination page={query.page} pageSize={query.pageSize} total={total} params={params} basePath="/vendors" />
        </>
      )}
    </>
  );
}
