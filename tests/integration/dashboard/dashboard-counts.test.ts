import { beforeAll, describe, expect, it } from "vitest";
import { EXPIRY_WINDOWS, PORTFOLIO_BANDS, SCORE_BUCKETS, daysAhead, monthDays, monthsEnding, monthsStarting, type DayRange, type PortfolioBand, type PortfolioFilter } from "@/lib/domain/vendors/portfolio";
import { addDaysToDay } from "@/lib/domain/dates";
import { listPortfolioDates } from "@/lib/server/services/portfolio-queries";
import { TIERS } from "@/lib/domain/vocabulary";
import { FINDING_DOMAINS, type FindingDomain } from "@/lib/domain/findings/finding-domains";
import type { Actor } from "@/lib/server/actor";
import { EXPIRY_MONTHS, getPortfolioDashboard, SCORE_TREND_MONTHS, type PortfolioDashboard } from "@/lib/server/services/dashboard";
import { listVendors, vendorListWhere } from "@/lib/server/services/vendors";
import { vendorListQuerySchema } from "@/lib/schemas/vendor";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

// Every dashboard number must equal the total of the vendor list it links to,
// and both must equal what the seeded portfolio says when counted by hand here
// (a second, independent reading of the rules in lib/domain/vendors/portfolio.ts).

const NOW = new Date("2026-06-15T10:00:00Z");
const TODAY = "2026-06-15";

interface Spec {
  name: string;
  tier: (typeof TIERS)[number];
  status: string;
  counts: { blocker: number; high: number; medium: number; low: number };
  soc2StaleFrom: string | null;
  nextAssessmentDue: Date | null;
  /** Oldest first: [overall, monthsAgo]. */
  assessments: [number, number][];
  /** [status, dueDate] */
  remediation: [string, string][];
  /** Oldest first (by createdAt): last day each holds. */
  acceptances: string[];
  /** Stored open findings: [domain, how many]. */
  domainFindings: [FindingDomain, number][];
}

const BANDS_OF = (overall: number): PortfolioBand => (overall >= 80 ? "low" : overall >= 60 ? "medium" : overall >= 40 ? "high" : "critical");

function portfolio(): Spec[] {
  const specs: Spec[] = [];
  for (let i = 0; i < 40; i++) {
    const assessments: [number, number][] = [];
    for (let k = 0; k < i % 3; k++) assessments.push([(i * 7 + k * 13) % 101, (i + 2 - k) % 14]);
    specs.push({
      name: `Portfolio vendor ${String(i).padStart(2, "0")}`,
      tier: TIERS[i % 4]!,
      status: i % 9 === 0 ? "offboarded" : "active",
      counts: { blocker: i % 5 === 0 ? 1 : 0, high: i % 3 === 0 ? 2 : 0, medium: i % 4 === 1 ? 1 : 0, low: i % 2 },
      soc2StaleFrom: i % 6 === 0 ? TODAY : i % 6 === 1 ? "2026-06-16" : null,
      nextAssessmentDue: i % 7 === 0 ? new Date("2026-06-14T00:00:00Z") : i % 7 === 1 ? new Date("2026-06-15T00:00:00Z") : null,
      assessments,
      remediation:
        i % 5 === 2
          ? [["open", "2026-06-14"], ["done", "2026-01-01"], ...(i % 10 === 2 ? ([["in_progress", "2026-05-01"]] as [string, string][]) : [])]
          : i % 5 === 3
            ? [["open", TODAY], ["waived", "2026-02-01"]]
            : [],
      acceptances: assessments.length === 0 ? [] : i % 4 === 1 ? ["2026-06-14"] : i % 4 === 2 ? ["2026-06-01", TODAY] : i % 4 === 3 ? ["2026-08-01", "2026-06-10"] : [],
      domainFindings: FINDING_DOMAINS.filter((_, k) => (i + k) % 3 === 0 && i % 8 !== 7).map((domain, k) => [domain, 1 + ((i + k) % 3)] as [FindingDomain, number]),
    });
  }
  // The edges of the score buckets and bands.
  specs.push({ ...specs[1]!, name: "Perfect score", assessments: [[100, 1]], acceptances: [], remediation: [] });
  specs.push({ ...specs[1]!, name: "Just under Low", assessments: [[79.96, 1]], acceptances: [], remediation: [] });
  specs.push({ ...specs[1]!, name: "Exactly ninety", assessments: [[90, 0]], acceptances: [], remediation: [] });
  return specs;
}

function monthOf(monthsAgo: number): string {
  const d = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() - monthsAgo, 10, 12));
  return d.toISOString().slice(0, 7);
}

/** The vendors each group holds, by name, counted from the specs. */
function expectedGroups(specs: Spec[]) {
  const latest = (s: Spec) => s.assessments.at(-1)?.[0];
  const band = (s: Spec): PortfolioBand => (latest(s) === undefined ? "none" : BANDS_OF(latest(s)!));
  const names = (pick: (s: Spec) => boolean) => specs.filter(pick).map((s) => s.name).sort();
  const groups: { label: string; filter: PortfolioFilter; value: (d: PortfolioDashboard) => number; vendors: string[] }[] = [];
  for (const tier of TIERS) groups.push({ label: `tier ${tier}`, filter: { tier }, value: (d) => d.byTier[tier], vendors: names((s) => s.tier === tier) });
  for (const b of PORTFOLIO_BANDS) groups.push({ label: `band ${b}`, filter: { band: b }, value: (d) => d.byBand[b], vendors: names((s) => band(s) === b) });
  for (const tier of TIERS)
    for (const b of PORTFOLIO_BANDS)
      groups.push({ label: `${tier} × ${b}`, filter: { tier, band: b }, value: (d) => d.tierBand.find((c) => c.tier === tier && c.band === b)!.vendors, vendors: names((s) => s.tier === tier && band(s) === b) });
  for (const sev of ["blocker", "high", "medium", "low"] as const)
    groups.push({ label: `finding ${sev}`, filter: { finding: sev }, value: (d) => d.findings.find((f) => f.severity === sev)!.vendors, vendors: names((s) => s.counts[sev] > 0) });
  groups.push({ label: "blockers", filter: { blocker: "yes" }, value: (d) => d.findings[0]!.vendors, vendors: names((s) => s.counts.blocker > 0) });
  groups.push({ label: "SOC 2 stale", filter: { soc2: "stale" }, value: (d) => d.soc2Stale, vendors: names((s) => s.soc2StaleFrom !== null && s.soc2StaleFrom <= TODAY) });
  groups.push({
    label: "reassessment overdue",
    filter: { reassessment: "overdue" },
    value: (d) => d.reassessmentOverdue,
    vendors: names((s) => s.status !== "offboarded" && s.nextAssessmentDue !== null && s.nextAssessmentDue < new Date(`${TODAY}T00:00:00Z`)),
  });
  groups.push({ label: "remediation overdue", filter: { remediation: "overdue" }, value: (d) => d.remediationOverdue.vendors, vendors: names((s) => s.remediation.some(([st, due]) => (st === "open" || st === "in_progress") && due < TODAY)) });
  groups.push({ label: "acceptance lapsed", filter: { acceptance: "lapsed" }, value: (d) => d.acceptanceLapsed, vendors: names((s) => s.acceptances.length > 0 && s.acceptances.at(-1)! < TODAY) });
  for (const bucket of SCORE_BUCKETS)
    groups.push({
      label: `score ${bucket}`,
      filter: { score: bucket },
      value: (d) => d.scoreDistribution.find((b) => b.bucket === bucket)!.vendors,
      vendors: names((s) => latest(s) !== undefined && latest(s)! >= bucket && (bucket === 90 ? latest(s)! <= 100 : latest(s)! < bucket + 10)),
    });
  for (const domain of FINDING_DOMAINS)
    groups.push({ label: `findings in ${domain}`, filter: { domain }, value: (d) => d.findingsByDomain.find((f) => f.domain === domain)!.vendors, vendors: names((s) => s.domainFindings.some(([dom]) => dom === domain)) });
  for (const month of monthsEnding(NOW, SCORE_TREND_MONTHS))
    groups.push({ label: `assessed ${month}`, filter: { assessed: month }, value: (d) => d.scoreTrend.find((m) => m.month === month)!.vendors, vendors: names((s) => s.assessments.some(([, ago]) => monthOf(ago) === month)) });
  return groups;
}

forEachProvider("portfolio dashboard", (t) => {
  const specs = portfolio();
  let viewer: Actor;
  let dashboard: PortfolioDashboard;

  beforeAll(async () => {
    await ensureSettings();
    viewer = await makeActor("viewer");
    for (const s of specs) {
      const v = await t.db.vendor.create({
        data: {
          name: s.name,
          searchName: s.name.toLowerCase(),
          legalName: s.name,
          country: "GB",
          tier: s.tier,
          tierRank: TIERS.indexOf(s.tier),
          status: s.status,
          blockerCount: s.counts.blocker,
          highCount: s.counts.high,
          mediumCount: s.counts.medium,
          lowCount: s.counts.low,
          soc2StaleFrom: s.soc2StaleFrom,
          soc2State: s.soc2StaleFrom ? "current" : "missing",
          nextAssessmentDue: s.nextAssessmentDue,
          findingsAt: NOW,
        },
      });
      let assessmentId: string | undefined;
      for (const [k, [overall, ago]] of s.assessments.entries()) {
        const a = await t.db.assessment.create({
          data: {
            vendorId: v.id,
            version: k + 1,
            dossier: {},
            settings: {},
            findings: [],
            score: {},
            overall,
            rating: BANDS_OF(overall),
            createdById: viewer.id,
            createdAt: new Date(`${monthOf(ago)}-10T12:00:00Z`),
          },
        });
        assessmentId = a.id;
      }
      // Evidence lapsing at days spread over the next fifteen months, and some already lapsed.
      if (specs.indexOf(s) % 4 === 0) {
        await t.db.isoCertificate.create({ data: { vendorId: v.id, certificateNumber: `ISO-${v.id}`, certificationBody: "Example Cert", accredited: true, standardVersion: "2022", issueDate: "2024-01-01", expiryDate: addDaysToDay(TODAY, (specs.indexOf(s) * 13) % 460 - 20), scopeText: "All sites" } });
      }
      if (specs.indexOf(s) % 5 === 1) {
        await t.db.insurancePolicy.create({ data: { vendorId: v.id, carrier: "Harbour Mutual", policyNumber: `P-${v.id}`, perOccurrenceMinor: 100_000_000n, aggregateMinor: 500_000_000n, currency: "USD", expiryDate: addDaysToDay(TODAY, (specs.indexOf(s) * 29) % 420 - 10), additionalInsured: false } });
      }
      if (specs.indexOf(s) % 3 === 2) {
        const periodEnd = addDaysToDay(TODAY, -400 + ((specs.indexOf(s) * 17) % 380));
        await t.db.soc2Report.create({ data: { vendorId: v.id, type: "type2", periodStart: addDaysToDay(periodEnd, -365), periodEnd, issueDate: addDaysToDay(periodEnd, 30) < TODAY ? addDaysToDay(periodEnd, 30) : periodEnd, auditor: "Example LLP", opinion: "unqualified", exceptionCount: 0, carvedOutSubservices: [] } });
      }
      let position = 0;
      for (const [domain, n] of s.domainFindings) {
        for (let k = 0; k < n; k++) {
          await t.db.vendorFinding.create({ data: { vendorId: v.id, code: `test.${domain}`, severity: "medium", domain, message: `Finding ${k} in ${domain}`, subjectKind: "test", position: position++, computedAt: NOW } });
        }
      }
      for (const [status, dueDate] of s.remediation) await t.db.remediationItem.create({ data: { vendorId: v.id, title: "Fix it", status, dueDate } });
      for (const [k, expiresOn] of s.acceptances.entries()) {
        await t.db.riskAcceptance.create({
          data: { vendorId: v.id, assessmentId: assessmentId!, acceptedById: viewer.id, reason: "Accepted for the test", findings: [], expiresOn, createdAt: new Date(Date.UTC(2026, 4, 1 + k)) },
        });
      }
    }
    dashboard = await getPortfolioDashboard({ actor: viewer, now: NOW });
  });

  it("counts the whole portfolio and every overdue remediation item", () => {
    expect(dashboard.vendors).toBe(specs.length);
    const overdueItems = specs.flatMap((s) => s.remediation).filter(([st, due]) => (st === "open" || st === "in_progress") && due < TODAY).length;
    expect(dashboard.remediationOverdue.items).toBe(overdueItems);
    for (const sev of ["blocker", "high", "medium", "low"] as const) {
      expect(dashboard.findings.find((f) => f.severity === sev)!.findings, sev).toBe(specs.reduce((n, s) => n + s.counts[sev], 0));
    }
  });

  it("counts every open finding of each domain", () => {
    for (const domain of FINDING_DOMAINS) {
      const expected = specs.reduce((n, s) => n + s.domainFindings.filter(([dom]) => dom === domain).reduce((m, [, k]) => m + k, 0), 0);
      expect(dashboard.findingsByDomain.find((f) => f.domain === domain)!.findings, domain).toBe(expected);
    }
    expect(dashboard.findingsByDomain.map((f) => f.domain)).toEqual([...FINDING_DOMAINS]);
  });

  it("averages each month's assessments", () => {
    for (const m of dashboard.scoreTrend) {
      const scores = specs.flatMap((s) => s.assessments.filter(([, ago]) => monthOf(ago) === m.month).map(([overall]) => overall));
      expect(m.assessments, m.month).toBe(scores.length);
      if (scores.length === 0) expect(m.average, m.month).toBeNull();
      else expect(m.average, m.month).toBeCloseTo(scores.reduce((a, b) => a + b, 0) / scores.length, 6);
    }
    expect(dashboard.scoreTrend.map((m) => m.month)).toEqual(monthsEnding(NOW, SCORE_TREND_MONTHS));
  });

  describe("each number equals the vendor list it links to", () => {
    for (const group of expectedGroups(specs)) {
      it(group.label, async () => {
        expect(group.value(dashboard), "dashboard").toBe(group.vendors.length);
        const query = vendorListQuerySchema.parse({ ...Object.fromEntries(Object.entries(group.filter).map(([k, v]) => [k, String(v)])), pageSize: "100" });
        const list = await listVendors({ actor: viewer, query, now: NOW });
        expect(list.total, "list total").toBe(group.vendors.length);
        expect(list.rows.map((r) => r.name).sort(), "list rows").toEqual(group.vendors);
      });
    }
  });

  it("the list keeps its sort and pages over the SQL filter", async () => {
    const query = vendorListQuerySchema.parse({ sort: "tier", dir: "desc", pageSize: "5", page: "2" });
    const list = await listVendors({ actor: viewer, query, now: NOW });
    const expected = [...specs].sort((a, b) => TIERS.indexOf(b.tier) - TIERS.indexOf(a.tier) || a.name.toLowerCase().localeCompare(b.name.toLowerCase())).slice(5, 10).map((s) => s.name);
    expect(list.total).toBe(specs.length);
    expect(list.rows.map((r) => r.name)).toEqual(expected);
  });

  it("audit packs' Prisma filter picks the same vendors as the list's SQL", async () => {
    const filters = [{}, { tier: "high" }, { soc2: "stale" }, { soc2: "current" }, { soc2: "missing" }, { blocker: "yes" }, { blocker: "no", status: "offboarded" }, { q: "vendor 1" }];
    for (const f of filters) {
      const query = vendorListQuerySchema.parse({ ...f, pageSize: "100" });
      const list = await listVendors({ actor: viewer, query, now: NOW });
      const packed = await t.db.vendor.findMany({ where: vendorListWhere(query, NOW), select: { name: true } });
      expect(list.rows.map((r) => r.name).sort(), JSON.stringify(f)).toEqual(packed.map((v) => v.name).sort());
    }
  });

  describe("evidence lapsing: each number equals its list and the portfolio calendar's dates", () => {
    const cases: { label: string; filter: PortfolioFilter; range: DayRange; value: (d: PortfolioDashboard) => number }[] = [
      ...EXPIRY_WINDOWS.map((days) => ({ label: `within ${days} days`, filter: { expiring: days }, range: daysAhead(NOW, days), value: (d: PortfolioDashboard) => d.expiring.find((e) => e.days === days)!.vendors })),
      ...monthsStarting(NOW, EXPIRY_MONTHS).map((month) => ({ label: `in ${month}`, filter: { lapses: month }, range: monthDays(month), value: (d: PortfolioDashboard) => d.expiriesByMonth.find((m) => m.month === month)!.vendors })),
    ];
    for (const c of cases) {
      it(c.label, async () => {
        const dates = await listPortfolioDates({ actor: viewer, range: c.range, kinds: ["iso_expiry", "insurance_expiry", "soc2_stale"] });
        const expected = [...new Set(dates.map((x) => x.vendorName))].sort();
        expect(c.value(dashboard), "dashboard").toBe(expected.length);
        const query = vendorListQuerySchema.parse({ ...Object.fromEntries(Object.entries(c.filter).map(([k, v]) => [k, String(v)])), pageSize: "100" });
        const list = await listVendors({ actor: viewer, query, now: NOW });
        expect(list.rows.map((r) => r.name).sort(), "list rows").toEqual(expected);
        expect(list.total).toBe(expected.length);
      });
    }

    it("the seeded evidence lapses in most of these windows (the checks above are not all zero)", () => {
      expect(dashboard.expiring.at(-1)!.vendors).toBeGreaterThan(3);
      expect(dashboard.expiriesByMonth.filter((m) => m.vendors > 0).length).toBeGreaterThan(6);
    });
  });
});
