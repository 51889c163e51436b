import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { TierBadge } from "@/components/ui/badge";
import { SortHeader } from "@/components/ui/sort-header";
import { Pagination } from "@/components/ui/pagination";
import { countryName } from "@/lib/domain/reference/countries";
import { COUNTRY_CODES } from "@/lib/domain/reference/countries";
import { INDUSTRIES, INDUSTRY_LABELS, TIERS, TIER_LABELS, VENDOR_STATUSES } from "@/lib/domain/vocabulary";
import { FindingCounts } from "@/components/vendors/finding-counts";
import { Soc2Badge } from "@/components/vendors/soc2-badge";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { requirePageActor } from "@/lib/server/auth";
import { DayText } from "@/components/ui/relative-date";
import { refreshOutdatedSummariesInBackground, refreshSummariesForListing } from "@/lib/server/services/summary-refresh";
import { can } from "@/lib/server/permissions";
import { listVendors } from "@/lib/server/services/vendors";
import { FINDING_SEVERITIES, FINDING_SEVERITY_LABELS, PORTFOLIO_BANDS, PORTFOLIO_BAND_LABELS, monthLabel, scoreBucketLabel } from "@/lib/domain/portfolio";
import type { VendorListQuery } from "@/lib/schemas/vendor";

export const metadata: Metadata = { title: "Vendors" };

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
  return out;
}

export default async function VendorsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("vendor.read");
  const raw = await searchParams;
  const query = vendorListQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  // Counts older than today or the last settings change are brought up to date
  // first (lib/server/services/summary-refresh.ts); what a short budget leaves goes on after the response.
  const freshness = await refreshSummariesForListing();
  if (freshness?.pending) after(() => refreshOutdatedSummariesInBackground());
  const { rows, total } = await listVendors({ actor, query });
  const now = new Date();
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const portfolioFilters = describePortfolioFilters(query);
  const filtered = Boolean(query.q || query.tier || query.status || query.country || query.industry || query.blocker || query.soc2 || query.band || query.finding || portfolioFilters.length);
  const countries = [...COUNTRY_CODES].map((c) => ({ code: c, name: countryName(c) })).sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Vendors</h1>
          <p className="muted" data-testid="vendor-total">{total} {total === 1 ? "vendor" : "vendors"}{filtered ? " match the filters" : ""}{portfolioFilters.length ? `: ${portfolioFilters.map((f) => f.text).join(", ")}` : ""}</p>
        </div>
        {can(actor.role, "vendor.create") ? <Link className="btn btn-primary" href="/vendors/new">New vendor</Link> : null}
      </div>

      {freshness?.pending ? (
        <div className="alert alert-info" role="status">
          Finding counts and SOC 2 states of {freshness.pending} {freshness.pending === 1 ? "vendor" : "vendors"} are being brought up to date with
          today&rsquo;s date and the current settings. Each vendor&rsquo;s own page is always current; reload this list in a minute.
        </div>
      ) : null}

      <form className="toolbar" method="get" role="search" aria-label="Filter vendors">
        <div className="field">
          <label htmlFor="q">Search</label>
          <input id="q" name="q" type="text" defaultValue={query.q ?? ""} placeholder="Vendor name" />
        </div>
        <div className="field">
          <label htmlFor="tier">Tier</label>
          <select id="tier" name="tier" defaultValue={query.tier ?? ""}>
            <option value="">Any</option>
            {TIERS.map((t) => <option key={t} value={t}>{TIER_LABELS[t]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={query.status ?? ""}>
            <option value="">Any</option>
            {VENDOR_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="country">Country</label>
          <select id="country" name="country" defaultValue={query.country ?? ""}>
            <option value="">Any</option>
            {countries.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="industry">Industry</label>
          <select id="industry" name="industry" defaultValue={query.industry ?? ""}>
            <option value="">Any</option>
            {INDUSTRIES.map((i) => <option key={i} value={i}>{INDUSTRY_LABELS[i]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="blocker">Blockers</label>
          <select id="blocker" name="blocker" defaultValue={query.blocker ?? ""}>
            <option value="">Any</option>
            <option value="yes">Has a blocker</option>
            <option value="no">No blocker</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="soc2">SOC 2</label>
          <select id="soc2" name="soc2" defaultValue={query.soc2 ?? ""}>
            <option value="">Any</option>
            <option value="stale">Stale</option>
            <option value="due">Due for renewal</option>
            <option value="missing">Missing</option>
            <option value="current">Current</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="band">Rating</label>
          <select id="band" name="band" defaultValue={query.band ?? ""}>
            <option value="">Any</option>
            {PORTFOLIO_BANDS.map((b) => <option key={b} value={b}>{PORTFOLIO_BAND_LABELS[b]}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="finding">Open findings</label>
          <select id="finding" name="finding" defaultValue={query.finding ?? ""}>
            <option value="">Any</option>
            {FINDING_SEVERITIES.map((f) => <option key={f} value={f}>{FINDING_SEVERITY_LABELS[f]}</option>)}
          </select>
        </div>
        {portfolioFilters.map((f) => <input key={f.name} type="hidden" name={f.name} value={f.value} />)}
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button className="btn" type="submit">Apply</button>
        {filtered ? <Link className="btn" href="/vendors">Clear</Link> : null}
      </form>

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
          <div className="table-wrap">
            <table className="data">
              <caption className="sr-only">Vendors, sorted by {query.sort} {query.dir === "asc" ? "ascending" : "descending"}</caption>
              <thead>
                <tr>
                  <SortHeader column="name" label="Vendor" params={params} />
                  <SortHeader column="tier" label="Tier" params={params} />
                  <SortHeader column="country" label="Country" params={params} />
                  <SortHeader column="findings" label="Findings" params={params} />
                  <th scope="col">SOC 2</th>
                  <th scope="col">Status</th>
                  <th scope="col">Owner</th>
                  <SortHeader column="updated" label="Updated" params={params} />
                </tr>
              </thead>
              <tbody>
                {rows.map((v) => (
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
                ))}
              </tbody>
            </table>
          </div>
          <Pagination page={query.page} pageSize={query.pageSize} total={total} params={params} basePath="/vendors" />
        </>
      )}
    </>
  );
}
