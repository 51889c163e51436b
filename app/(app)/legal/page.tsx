import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { LegalQueueTable } from "@/components/legal/legal-queue-table";
import { Pagination } from "@/components/ui/pagination";
import { TIERS, TIER_LABELS } from "@/lib/domain/vocabulary";
import { legalQueueQuerySchema } from "@/lib/schemas/legal-queue";
import { requirePageActor } from "@/lib/server/auth";
import { refreshOutdatedSummariesInBackground, refreshSummariesForListing } from "@/lib/server/services/summary-refresh";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import "@/components/legal/legal.css";

export const metadata: Metadata = { title: "Legal queue" };

/** Legal's landing page: vendors whose legal review is missing, outdated or blocked, a page at a time. */
export default async function LegalQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[]>> }) {
  const actor = await requirePageActor("legal.manage");
  const raw = await searchParams;
  const query = legalQueueQuerySchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const now = new Date();
  // The queue selects on stored legal blocker counts: bring outdated ones up
  // to date first, as the vendor list does (lib/server/services/summary-refresh.ts).
  const freshness = await refreshSummariesForListing(now);
  if (freshness?.pending) after(() => refreshOutdatedSummariesInBackground());
  const { rows, total } = await listLegalQueue({ actor, query, now });
  const params = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  const filtered = Boolean(query.q || query.tier || query.reason);
  return (
    <>
      <div className="page-header">
        <div>
          <h1>Legal queue</h1>
          <p className="muted">
            {total} {total === 1 ? "vendor needs" : "vendors need"} legal&apos;s attention{filtered ? " and match the filters" : ""}: legal blockers first, then reviews changed since their sign-off, then reviews never signed off. Offboarded vendors are not listed.
          </p>
        </div>
      </div>

      {freshness?.pending ? (
        <div className="alert alert-info" role="status">
          Legal blockers of {freshness.pending} {freshness.pending === 1 ? "vendor" : "vendors"} are being brought up to date with today&rsquo;s date and the
          current settings. Each vendor&rsquo;s Legal tab is always current; reload this queue in a minute.
        </div>
      ) : null}

      <form className="toolbar" method="get" role="search" aria-label="Filter the legal queue">
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
          <label htmlFor="reason">Why</label>
          <select id="reason" name="reason" defaultValue={query.reason ?? ""}>
            <option value="">Any reason</option>
            <option value="blocker">Legal blocker</option>
            <option value="outdated">Sign-off outdated</option>
            <option value="unsigned">Not signed off</option>
          </select>
        </div>
        <input type="hidden" name="sort" value={query.sort} />
        <input type="hidden" name="dir" value={query.dir} />
        <button className="btn" type="submit">Apply</button>
        {filtered ? <Link className="btn" href="/legal">Clear</Link> : null}
      </form>

      {rows.length === 0 && filtered ? (
        <div className="card empty"><p>No vendor in the queue matches these filters.</p></div>
      ) : (
        <>
          <LegalQueueTable rows={rows} now={now} params={params} />
          {total > 0 ? <Pagination page={query.page} pageSize={query.pageSize} total={total} params={params} basePath="/legal" /> : null}
        </>
      )}
    </>
  );
}
