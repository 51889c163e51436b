import type { Metadata } from "next";
import Link from "next/link";
import { after } from "next/server";
import { ChartDataTable } from "@/components/dashboard/data-table";
import styles from "@/components/dashboard/dashboard.module.css";
import { CountBarChart, StackedBarChart, TrendLineChart } from "@/components/dashboard/portfolio-charts";
import {
  FINDING_SEVERITY_LABELS,
  PORTFOLIO_BANDS,
  PORTFOLIO_BAND_LABELS,
  monthLabel,
  scoreBucketLabel,
  vendorListHref,
  type PortfolioFilter,
} from "@/lib/domain/vendors/portfolio";
import { formatScore } from "@/lib/domain/scoring/format";
import { FINDING_DOMAIN_LABELS, type FindingDomain } from "@/lib/domain/findings/finding-domains";
import { TIERS, TIER_LABELS } from "@/lib/domain/vocabulary";
import { requirePageActor } from "@/lib/server/auth";
import { refreshOutdatedSummariesInBackground, refreshSummariesForListing } from "@/lib/server/services/summary-refresh";
import { EXPIRY_MONTHS, getPortfolioDashboard, SCORE_TREND_MONTHS } from "@/lib/server/services/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

/** Short axis labels; the tooltip and the table give the full names. */
const FINDING_DOMAIN_TICKS: Record<FindingDomain, string> = {
  assurance: "Assurance",
  contractual: "Contract",
  dataProtection: "Data",
  accessEndpoint: "Access",
  humanProtocols: "People",
  financial: "Insurance",
  workflow: "Workflow",
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function Tile({ value, label, note, filter }: { value: number; label: string; note?: string; filter: PortfolioFilter }) {
  return (
    <li>
      <Link className={styles.tile} href={vendorListHref(filter)} data-testid="dashboard-count">
        <span className={styles.tileNumber}>{value}</span>
        <span className={styles.tileLabel}>{label}</span>
        {note ? <span className={`${styles.tileNote} muted`}>{note}</span> : null}
      </Link>
    </li>
  );
}

/** The portfolio at a glance: every number and bar opens the vendor list filtered to exactly the vendors it counts. */
export default async function DashboardPage() {
  const actor = await requirePageActor("vendor.read");
  // The same freshness step as the vendor list, so a count and its list agree.
  const freshness = await refreshSummariesForListing();
  if (freshness?.pending) after(() => refreshOutdatedSummariesInBackground());
  const d = await getPortfolioDashboard({ actor });
  const scoredVendors = d.vendors - d.byBand.none;

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Dashboard</h1>
          <p className="muted">
            {plural(d.vendors, "vendor", "vendors")} in the portfolio. A vendor&rsquo;s rating and score are those of its latest assessment.
          </p>
        </div>
        <Link className="btn" href="/vendors">All vendors</Link>
      </div>

      {freshness?.pending ? (
        <div className="alert alert-info" role="status">
          Finding counts and SOC 2 states of {plural(freshness.pending, "vendor are", "vendors are")} being brought up to date; reload in a minute.
        </div>
      ) : null}

      <section className={styles.section} aria-labelledby="attention-heading">
        <h2 id="attention-heading">Needs attention</h2>
        <ul className={styles.tiles}>
          <Tile value={d.findings[0]!.vendors} label="Vendors with a blocker" note={plural(d.findings[0]!.findings, "blocker finding", "blocker findings")} filter={{ blocker: "yes" }} />
          <Tile value={d.soc2Stale} label="Stale SOC 2 reports" filter={{ soc2: "stale" }} />
          <Tile value={d.reassessmentOverdue} label="Reassessments overdue" filter={{ reassessment: "overdue" }} />
          <Tile value={d.remediationOverdue.vendors} label="Vendors with overdue remediation" note={plural(d.remediationOverdue.items, "item", "items")} filter={{ remediation: "overdue" }} />
          <Tile value={d.acceptanceLapsed} label="Risk acceptances lapsed" filter={{ acceptance: "lapsed" }} />
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="expiring-heading">
        <h2 id="expiring-heading">Evidence lapsing soon</h2>
        <p className="muted">Vendors with an ISO certificate or insurance policy expiring, or a SOC 2 report turning stale, from today on.</p>
        <ul className={styles.tiles}>
          {d.expiring.map((e) => (
            <Tile key={e.days} value={e.vendors} label={`Within ${e.days} days`} filter={{ expiring: e.days }} />
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="findings-heading">
        <h2 id="findings-heading">Open findings by severity</h2>
        <p className="muted">Each number counts the vendors with at least one open finding of that severity.</p>
        <ul className={styles.tiles}>
          {d.findings.map((f) => (
            <Tile key={f.severity} value={f.vendors} label={`${FINDING_SEVERITY_LABELS[f.severity]}`} note={plural(f.findings, "finding", "findings")} filter={{ finding: f.severity }} />
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="tier-heading">
        <h2 id="tier-heading">Vendors by tier</h2>
        <ul className={styles.tiles}>
          {TIERS.map((t) => (
            <Tile key={t} value={d.byTier[t]} label={TIER_LABELS[t]} filter={{ tier: t }} />
          ))}
        </ul>
      </section>

      <section className={styles.section} aria-labelledby="band-heading">
        <h2 id="band-heading">Vendors by rating band</h2>
        <ul className={styles.tiles}>
          {PORTFOLIO_BANDS.map((b) => (
            <Tile key={b} value={d.byBand[b]} label={PORTFOLIO_BAND_LABELS[b]} filter={{ band: b }} />
          ))}
        </ul>
      </section>

      <div className={styles.charts}>
        <section className={`card ${styles.chart}`} aria-labelledby="band-tier-heading">
          <h2 id="band-tier-heading">Rating band by tier</h2>
          <StackedBarChart
            series={PORTFOLIO_BANDS.map((b) => ({ key: b, label: PORTFOLIO_BAND_LABELS[b] }))}
            data={TIERS.map((t) => ({
              label: TIER_LABELS[t],
              values: Object.fromEntries(
                d.tierBand.filter((c) => c.tier === t).map((c) => [c.band, { value: c.vendors, href: vendorListHref({ tier: t, band: c.band }) }]),
              ),
            }))}
          />
          <ChartDataTable
            caption="Vendors by tier and rating band"
            columns={["Tier", ...PORTFOLIO_BANDS.map((b) => PORTFOLIO_BAND_LABELS[b])]}
            rows={TIERS.map((t) => ({
              header: TIER_LABELS[t],
              cells: PORTFOLIO_BANDS.map((b) => {
                const n = d.tierBand.find((c) => c.tier === t && c.band === b)?.vendors ?? 0;
                return { text: String(n), href: vendorListHref({ tier: t, band: b }) };
              }),
            }))}
          />
        </section>

        <section className={`card ${styles.chart}`} aria-labelledby="score-heading">
          <h2 id="score-heading">Score distribution</h2>
          <p className="muted">{plural(scoredVendors, "assessed vendor", "assessed vendors")} by the score of the latest assessment.</p>
          <CountBarChart
            valueLabel="Vendors"
            data={d.scoreDistribution.map((s) => ({ label: scoreBucketLabel(s.bucket), tick: String(s.bucket), value: s.vendors, href: vendorListHref({ score: s.bucket }) }))}
          />
          <ChartDataTable
            caption="Vendors by score of their latest assessment"
            columns={["Score", "Vendors"]}
            rows={d.scoreDistribution.map((s) => ({ header: scoreBucketLabel(s.bucket), cells: [{ text: String(s.vendors), href: vendorListHref({ score: s.bucket }) }] }))}
          />
        </section>

        <section className={`card ${styles.chart}`} aria-labelledby="domain-chart-heading">
          <h2 id="domain-chart-heading">Findings by domain</h2>
          <p className="muted">Vendors with at least one open finding in each scoring domain.</p>
          <CountBarChart
            valueLabel="Vendors"
            data={d.findingsByDomain.map((f) => ({ label: FINDING_DOMAIN_LABELS[f.domain], tick: FINDING_DOMAIN_TICKS[f.domain], value: f.vendors, href: vendorListHref({ domain: f.domain }) }))}
          />
          <ChartDataTable
            caption="Open findings and vendors by scoring domain"
            columns={["Domain", "Vendors", "Open findings"]}
            rows={d.findingsByDomain.map((f) => ({
              header: FINDING_DOMAIN_LABELS[f.domain],
              cells: [
                { text: String(f.vendors), href: vendorListHref({ domain: f.domain }) },
                { text: String(f.findings), href: vendorListHref({ domain: f.domain }) },
              ],
            }))}
          />
        </section>

        <section className={`card ${styles.chart}`} aria-labelledby="expiry-chart-heading">
          <h2 id="expiry-chart-heading">Expiries over the next {EXPIRY_MONTHS} months</h2>
          <p className="muted">Vendors with evidence lapsing in each month.</p>
          <CountBarChart
            valueLabel="Vendors"
            data={d.expiriesByMonth.map((m) => ({ label: monthLabel(m.month), value: m.vendors, href: vendorListHref({ lapses: m.month }) }))}
          />
          <ChartDataTable
            caption="Vendors with evidence lapsing per month"
            columns={["Month", "Vendors"]}
            rows={d.expiriesByMonth.map((m) => ({ header: monthLabel(m.month), cells: [{ text: String(m.vendors), href: vendorListHref({ lapses: m.month }) }] }))}
          />
        </section>

        <section className={`card ${styles.chart}`} aria-labelledby="trend-heading">
          <h2 id="trend-heading">Average score over time</h2>
          <p className="muted">Mean score of the assessments made each month, over the last {SCORE_TREND_MONTHS} months.</p>
          <TrendLineChart valueLabel="Average score" data={d.scoreTrend.map((m) => ({ label: monthLabel(m.month), value: m.average === null ? null : Number(formatScore(m.average)) }))} />
          <ChartDataTable
            caption="Average assessment score per month"
            columns={["Month", "Average score", "Assessments", "Vendors assessed"]}
            rows={d.scoreTrend.map((m) => ({
              header: monthLabel(m.month),
              cells: [
                { text: m.average === null ? "—" : formatScore(m.average) },
                { text: String(m.assessments) },
                { text: String(m.vendors), href: vendorListHref({ assessed: m.month }) },
              ],
            }))}
          />
        </section>
      </div>
    </>
  );
}
