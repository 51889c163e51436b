// Portfolio questions answered in SQL over the typed dossier tables must agree
// with the rules applied record by record: each answer is checked against a
// brute-force walk over every loaded dossier, using the domain's own
// functions day by day, on the demo portfolio.
import { addDays, format, parseISO } from "date-fns";
import { beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import { isRemediationOpen, isRemediationOverdue } from "@/lib/domain/assessments/remediation";
import { isRiskAcceptanceExpired } from "@/lib/domain/assessments/risk-acceptance";
import { pentestRecordState, planRecordState } from "@/lib/domain/assurance/record-states";
import { soc2CurrencyState, soc2Status } from "@/lib/domain/assurance/soc2-status";
import { CALENDAR_KINDS } from "@/lib/domain/calendar/obligations";
import { makeRuleContext, latestBy } from "@/lib/domain/findings/rules/context";
import { reviewRules } from "@/lib/domain/findings/rules/review-rules";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS, type Settings } from "@/lib/schemas/settings";
import { loadDossier } from "@/lib/server/dossier/load-dossier";
import { portfolioDates, portfolioDatesPage, vendorsWithStaleSoc2, type PortfolioDate } from "@/lib/server/services/portfolio-queries";
import { forEachProvider } from "../helpers/test-database";

const NOW = new Date("2026-12-06T10:00:00Z");
const FROM = "2026-09-01";
const TO = "2027-12-31";

const day = (d: string, n = 0) => format(addDays(parseISO(d), n), "yyyy-MM-dd");
const at = (d: string) => new Date(`${d}T12:00:00Z`);
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = day(d, 1)) out.push(d);
  return out;
}

forEachProvider("portfolio queries in SQL", (t) => {
  type Loaded = {
    id: string;
    name: string;
    tier: string;
    ownerId: string | null;
    status: string;
    nextAssessmentDue: Date | null;
    dossier: Dossier;
    remediation: { id: string; status: string; dueDate: string }[];
    acceptances: { id: string; expiresOn: string; createdAt: Date }[];
  };
  const dossiers: Loaded[] = [];
  beforeAll(async () => {
    expect(await seedDemoData({ now: NOW })).toBe("seeded");
    // The demo has no decided assessment yet: give two vendors a reassessment
    // due day and remediation items, one of them closed (not an obligation).
    const [first, second] = await t.db.vendor.findMany({ orderBy: { id: "asc" }, take: 2, select: { id: true } });
    await t.db.vendor.update({ where: { id: first!.id }, data: { nextAssessmentDue: new Date("2027-03-01T00:00:00Z") } });
    await t.db.vendor.update({ where: { id: second!.id }, data: { nextAssessmentDue: new Date("2026-08-31T00:00:00Z") } });
    await t.db.remediationItem.createMany({
      data: [
        { vendorId: first!.id, title: "Enable MFA on the agent VPN", dueDate: "2027-01-15", status: "open" },
        { vendorId: second!.id, title: "Retest the payment flow", dueDate: "2026-12-20", status: "in_progress" },
        { vendorId: second!.id, title: "Rotate shared credentials", dueDate: "2026-12-22", status: "done" },
      ],
    });
    const vendors = await t.db.vendor.findMany({
      select: { id: true, name: true, tier: true, ownerId: true, status: true, nextAssessmentDue: true, remediations: { select: { id: true, status: true, dueDate: true } }, riskAcceptances: { select: { id: true, expiresOn: true, createdAt: true } } },
    });
    for (const { remediations, riskAcceptances, ...v } of vendors) {
      const loaded = await t.db.$transaction((tx) => loadDossier(tx, v.id));
      dossiers.push({ ...v, dossier: loaded!.dossier, remediation: remediations, acceptances: riskAcceptances });
    }
  });

  // Each kind's date as its rule decides it, found by walking the days: the
  // first day a state holds (stale) or the last day before it does (due, expiry).
  function bruteForce(settings: Settings): PortfolioDate[] {
    const out: PortfolioDate[] = [];
    const push = (kind: PortfolioDate["kind"], date: string | undefined, v: Loaded, recordId: string) => {
      if (date !== undefined && date >= FROM && date <= TO) out.push({ kind, date, vendorId: v.id, vendorName: v.name, recordId, vendorTier: v.tier, ownerId: v.ownerId });
    };
    const days = daysBetween(day(FROM, -1), day(TO, 1));
    const firstDay = (holds: (d: string) => boolean) => days.find((d, i) => i > 0 && holds(d) && !holds(days[i - 1]!));
    const lastDayBefore = (holds: (d: string) => boolean) => days.find((d, i) => i < days.length - 1 && !holds(d) && holds(days[i + 1]!));
    for (const v of dossiers) {
      for (const c of v.dossier.isoCertificates) push("iso_expiry", c.expiryDate, v, c.id);
      for (const p of v.dossier.insurancePolicies) push("insurance_expiry", p.expiryDate, v, p.id);
      for (const r of v.dossier.soc2Reports) {
        push("soc2_stale", firstDay((d) => soc2CurrencyState(r, settings, at(d)) === "stale"), v, r.id);
      }
      for (const c of v.dossier.legal.contracts.filter((c) => c.status === "signed")) {
        push("contract_term_end", c.termEnd, v, c.id);
        if (c.termEnd) push("contract_notice", day(c.termEnd, -(c.noticePeriodDays ?? 0)), v, c.id);
      }
      // The rules judge the latest pen test, plan test and review.
      const pentest = latestBy(v.dossier.pentests, (p) => p.performedOn);
      if (pentest) push("pentest_stale", firstDay((d) => pentestRecordState(pentest, settings, at(d)).state === "stale"), v, pentest.id);
      const plan = latestBy(v.dossier.incidentResponsePlans, (p) => p.lastTestedOn);
      if (plan) push("ir_plan_test_due", lastDayBefore((d) => planRecordState("ir_plan", plan, settings, at(d)).state === "stale"), v, plan.id);
      const review = latestBy(v.dossier.securityReviews, (r) => r.heldOn);
      const overdue = (d: string) => reviewRules(makeRuleContext(v.dossier, settings, at(d))).some((f) => f.code === "review.overdue");
      if (review && (v.tier === "critical" || v.tier === "high")) push("security_review_due", lastDayBefore(overdue), v, review.id);
      if (v.nextAssessmentDue && v.status !== "offboarded") push("reassessment_due", v.nextAssessmentDue.toISOString().slice(0, 10), v, v.id);
      for (const item of v.remediation.filter(isRemediationOpen)) push("remediation_due", lastDayBefore((d) => isRemediationOverdue(item, at(d))), v, item.id);
      const acceptance = v.acceptances.reduce<Loaded["acceptances"][number] | undefined>((best, a) => (!best || a.createdAt > best.createdAt ? a : best), undefined);
      if (acceptance) push("risk_acceptance_expiry", lastDayBefore((d) => isRiskAcceptanceExpired(acceptance, at(d))), v, acceptance.id);
    }
    return out;
  }
  const key = (d: PortfolioDate) => `${d.date} ${d.kind} ${d.recordId}`;

  it("lists every dated obligation in a range, as the rules date them", async () => {
    const expected = bruteForce(DEFAULT_SETTINGS);
    expect([...new Set(expected.map((d) => d.kind))].sort(), "the demo portfolio has dates of every kind in the range").toEqual([...CALENDAR_KINDS].sort());
    const actual = await portfolioDates(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS);
    expect(actual.map(key)).toEqual(expected.map(key).sort());
    expect(actual).toEqual(expect.arrayContaining(expected));
  });

  it("dates the rules that depend on a setting by that setting", async () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      assurance: { ...DEFAULT_SETTINGS.assurance, pentestMaxAgeMonths: 7, incidentResponseTestMaxAgeMonths: 5, soc2StaleMonths: 13 },
      reviews: { ...DEFAULT_SETTINGS.reviews, cadenceElevatedMonths: 2 },
    };
    const kinds = ["pentest_stale", "ir_plan_test_due", "security_review_due", "soc2_stale"] as const;
    const expected = bruteForce(settings).filter((d) => (kinds as readonly string[]).includes(d.kind));
    expect(expected.length).toBeGreaterThan(0);
    expect((await portfolioDates(t.db, { from: FROM, to: TO }, settings, { kinds })).map(key)).toEqual(expected.map(key).sort());
  });

  it("filters by owner and tier, and pages through the same order", async () => {
    const all = await portfolioDates(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS);
    const owner = all.find((d) => d.ownerId)!.ownerId!;
    const owned = await portfolioDates(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS, { ownerId: owner });
    expect(owned.map(key)).toEqual(all.filter((d) => d.ownerId === owner).map(key));
    const elevated = await portfolioDates(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS, { tiers: ["critical", "high"] });
    expect(elevated.length).toBeGreaterThan(0);
    expect(elevated.map(key)).toEqual(all.filter((d) => d.vendorTier === "critical" || d.vendorTier === "high").map(key));
    const pages: PortfolioDate[] = [];
    for (let page = 1; ; page++) {
      const { items, hasMore } = await portfolioDatesPage(t.db, { from: FROM, to: TO }, DEFAULT_SETTINGS, { page, pageSize: 7 });
      pages.push(...items);
      if (!hasMore) break;
    }
    expect(pages.map(key)).toEqual(all.map(key));
  });

  it("answers 'SOC 2 stale as of a date' exactly as the SOC 2 rules judge each vendor", async () => {
    for (const asOf of ["2026-06-30", "2026-12-06", "2027-03-31", "2027-09-15"]) {
      const expected = dossiers.filter((v) => soc2Status(v.dossier, DEFAULT_SETTINGS, at(asOf)).state === "stale").map((v) => v.id).sort();
      expect(await vendorsWithStaleSoc2(t.db, asOf, DEFAULT_SETTINGS), asOf).toEqual(expected);
    }
  });
});

