import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONTROL_STATUSES } from "@/lib/domain/dossier-vocabulary";
import { ratingFor } from "@/lib/domain/scoring/rating";
import { scoreVendor } from "@/lib/domain/scoring/score-vendor";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { SEVERITIES } from "@/lib/domain/vocabulary";
import type { ScoreCheck } from "@/lib/domain/scoring/types";
import type { Dossier } from "@/lib/schemas/dossier";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import {
  CATALOGUE,
  insurancePolicy,
  isoCertificate,
  kpiPeriod,
  LOW_PROFILE,
  MODERATE_PROFILE,
  NOW,
  pentest,
  soc2Report,
} from "../helpers/dossier-builder";
import { cleanLegal, score, scoringDossier } from "../helpers/scoring-builder";

// Properties of the score over arbitrary dossiers, built by degrading the
// clean dossier in random ways (docs/rules.md §8): the score stays in 0-100, a
// blocker never raises it, and fixing a failing check never lowers it.

const CLAUSE_CODES = cleanLegal().clauseReviews.map((r) => r.clauseCode);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });

const degradation = fc.record({
  tier: fc.constantFrom("critical", "moderate", "low"),
  soc2: fc.constantFrom("clean", "missing", "stale", "type1", "due", "qualified", "adverse", "exceptions", "gap"),
  iso: fc.constantFrom("clean", "missing", "expired", "2013", "unaccredited", "partialScope", "noScope"),
  pentest: fc.constantFrom("clean", "missing", "stale", "open"),
  policy: fc.boolean(),
  irp: fc.constantFrom("clean", "missing", "never", "overdue"),
  bcp: fc.boolean(),
  insurance: fc.constantFrom("clean", "missing", "expired", "below", "eur"),
  controls: fc.array(fc.tuple(fc.nat(CATALOGUE.length - 1), fc.constantFrom(...CONTROL_STATUSES, "unassessed" as const)), { maxLength: 12 }),
  kpis: fc.oneof(
    fc.constant(null),
    fc.record({
      phishingFailurePct: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
      escalationRatePct: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
      verificationBypassCount: maybe(fc.nat(3)),
      meanTimeToEscalateMinutes: maybe(fc.double({ min: 0, max: 60, noNaN: true })),
      trainingCompletionPct: maybe(fc.double({ min: 0, max: 100, noNaN: true })),
      privilegeReviewAgeDays: maybe(fc.nat(400)),
    }),
  ),
  sites: fc.constantFrom("clean", "noVdi", "noMfa", "onsiteOnly", "none"),
  incidents: fc.constantFrom("clean", "late", "unnotified", "none"),
  reviews: fc.constantFrom("clean", "overdue", "none"),
  msa: fc.constantFrom("clean", "draft", "ended", "notice", "none"),
  clauses: fc.array(fc.tuple(fc.nat(CLAUSE_CODES.length - 1), fc.constantFrom("missing", "not_applicable", "absent", "deviating")), { maxLength: 10 }),
  dpa: fc.constantFrom("signed", "draft", "none"),
  transfers: fc.constantFrom("clean", "noTia", "none"),
  subProcessors: fc.constantFrom("clean", "unauthorised", "none"),
  noLegal: fc.boolean(),
});
type Degradation = typeof degradation extends fc.Arbitrary<infer T> ? T : never;

function degrade(spec: Degradation): Dossier {
  const d = structuredClone(scoringDossier());
  if (spec.tier === "moderate") Object.assign(d.profile, MODERATE_PROFILE);
  if (spec.tier === "low") Object.assign(d.profile, LOW_PROFILE);
  const soc2 = d.soc2Reports[0]!;
  switch (spec.soc2) {
    case "missing": d.soc2Reports = []; break;
    case "stale": Object.assign(soc2, { periodStart: "2023-07-01", periodEnd: "2024-06-30", issueDate: "2024-08-01" }); break;
    case "type1": soc2.type = "type1"; break;
    case "due": Object.assign(soc2, { periodStart: "2024-03-01", periodEnd: "2025-02-28", issueDate: "2025-04-01" }); break;
    case "qualified": soc2.opinion = "qualified"; break;
    case "adverse": soc2.opinion = "adverse"; break;
    case "exceptions": soc2.exceptionCount = 3; break;
    case "gap": Object.assign(soc2, { periodStart: "2024-11-01", periodEnd: "2025-10-31", issueDate: "2025-12-01" }); break;
  }
  const iso = d.isoCertificates[0]!;
  switch (spec.iso) {
    case "missing": d.isoCertificates = []; break;
    case "expired": iso.expiryDate = "2026-02-01"; break;
    case "2013": iso.standardVersion = "2013"; break;
    case "unaccredited": iso.accredited = false; break;
    case "partialScope": iso.coveredSiteIds = ["site-manila"]; break;
    case "noScope": iso.coveredSiteIds = []; break;
  }
  if (spec.pentest === "missing") d.pentests = [];
  if (spec.pentest === "stale") d.pentests[0]!.performedOn = "2024-06-01";
  if (spec.pentest === "open") d.pentests[0]!.openCriticalHigh = 2;
  if (!spec.policy) d.securityPolicies = [];
  if (spec.irp === "missing") d.incidentResponsePlans = [];
  if (spec.irp === "never") delete d.incidentResponsePlans[0]!.lastTestedOn;
  if (spec.irp === "overdue") d.incidentResponsePlans[0]!.lastTestedOn = "2024-01-01";
  if (!spec.bcp) d.continuityPlans = [];
  const policy = d.insurancePolicies[0]!;
  if (spec.insurance === "missing") d.insurancePolicies = [];
  if (spec.insurance === "expired") policy.expiryDate = "2026-01-01";
  if (spec.insurance === "below") policy.perOccurrenceMinor = 100_000_00;
  if (spec.insurance === "eur") policy.currency = "EUR";
  for (const [index, status] of spec.controls) {
    const code = CATALOGUE[index]!.code;
    d.controls = status === "unassessed" ? d.controls.filter((c) => c.code !== code) : d.controls.map((c) => (c.code === code ? { ...c, status } : c));
  }
  if (spec.kpis === null) d.kpis = [];
  else {
    const latest = d.kpis[d.kpis.length - 1]!;
    for (const [key, value] of Object.entries(spec.kpis)) {
      if (value === undefined) delete (latest as Record<string, unknown>)[key];
      else (latest as Record<string, unknown>)[key] = value;
    }
  }
  if (spec.sites === "noVdi") d.sites[1]!.vdi = false;
  if (spec.sites === "noMfa") delete d.sites[1]!.mfa;
  if (spec.sites === "onsiteOnly") d.sites = [d.sites[0]!];
  if (spec.sites === "none") d.sites = [];
  if (spec.incidents === "late") d.incidents[0]!.notifiedAt = "2025-10-04T08:00:00Z";
  if (spec.incidents === "unnotified") delete d.incidents[0]!.notifiedAt;
  if (spec.incidents === "none") d.incidents = [];
  if (spec.reviews === "overdue") d.securityReviews[0]!.heldOn = "2025-09-01";
  if (spec.reviews === "none") d.securityReviews = [];
  const msa = d.legal.contracts[0]!;
  if (spec.msa === "draft") msa.status = "draft";
  if (spec.msa === "ended") Object.assign(msa, { renewal: "manual", termEnd: "2026-01-31" });
  if (spec.msa === "notice") Object.assign(msa, { renewal: "manual", termEnd: "2026-04-30" });
  if (spec.msa === "none") d.legal.contracts = d.legal.contracts.filter((c) => c.type !== "msa");
  for (const [index, state] of spec.clauses) {
    const code = CLAUSE_CODES[index]!;
    const row = d.legal.clauseReviews.find((r) => r.clauseCode === code);
    if (state === "absent") d.legal.clauseReviews = d.legal.clauseReviews.filter((r) => r.clauseCode !== code);
    else if (row && state === "deviating") Object.assign(row, { hours: 72, days: 120, months: 24, amountMinor: 1_00, auditScope: "reports_only" });
    else if (row) row.presence = state as "missing" | "not_applicable";
  }
  if (spec.dpa !== "signed") d.legal.dpa = { status: spec.dpa };
  if (spec.transfers === "noTia") for (const t of d.legal.transferMechanisms) delete t.tiaDate;
  if (spec.transfers === "none") d.legal.transferMechanisms = [];
  if (spec.subProcessors === "unauthorised") Object.assign(d.legal.subProcessors[0]!, { consented: false, notified: false });
  if (spec.subProcessors === "none") d.legal.subProcessors = [];
  if (spec.noLegal) delete (d as Partial<Dossier>).legal;
  return d;
}

// ---------------------------------------------------------------- mutations

/** Ways to add a blocker finding (docs/rules.md §8), each only ever making facts worse. */
const BLOCKERS: Record<string, (d: Dossier) => void> = {
  verificationBypass: (d) => {
    if (d.kpis.length === 0) d.kpis = [{ id: "kpi-new", period: "2026-Q1", verificationBypassCount: 2 }];
    else d.kpis[d.kpis.length - 1]!.verificationBypassCount = Math.max(1, d.kpis[d.kpis.length - 1]!.verificationBypassCount ?? 0);
  },
  chapterV: (d) => {
    if (d.legal) d.legal.transferMechanisms = [];
  },
  noDpa: (d) => {
    if (d.legal) d.legal.dpa = { status: "none" };
  },
  notificationMissing: (d) => {
    const row = d.legal?.clauseReviews.find((r) => r.clauseCode === "incident_notification");
    if (row) row.presence = "missing";
  },
};

const CLEAN = scoringDossier();

/** Makes the facts behind one check good, touching nothing that another check could score worse. */
function fix(d: Dossier, check: ScoreCheck): void {
  const [family, ...rest] = check.code.split(".");
  const name = rest.join(".");
  const latestKpi = () => {
    if (d.kpis.length === 0) d.kpis = [kpiPeriod()];
    return d.kpis[d.kpis.length - 1]!;
  };
  switch (family) {
    case "control": {
      const existing = d.controls.find((c) => c.code === name);
      if (existing) existing.status = "in_place";
      else d.controls.push({ id: `fixed-${name}`, code: name, status: "in_place" });
      return;
    }
    case "kpi": {
      const k = latestKpi();
      const good = kpiPeriod();
      if (name === "phishing_failure") k.phishingFailurePct = good.phishingFailurePct;
      if (name === "verification_bypass") k.verificationBypassCount = 0;
      if (name === "mean_time_to_escalate") k.meanTimeToEscalateMinutes = good.meanTimeToEscalateMinutes;
      if (name === "training_completion") k.trainingCompletionPct = 100;
      if (name === "privilege_review_age") k.privilegeReviewAgeDays = 10;
      if (name === "escalation_rate_trend") k.escalationRatePct = 100;
      return;
    }
    case "assurance":
      if (name.startsWith("soc2")) d.soc2Reports = [soc2Report()];
      if (name.startsWith("iso27001")) d.isoCertificates = [isoCertificate({ coveredSiteIds: d.sites.map((s) => s.id) })];
      if (name === "pentest") d.pentests = [pentest()];
      if (name === "security_policy") d.securityPolicies = CLEAN.securityPolicies;
      if (name === "incident_response_plan") d.incidentResponsePlans = CLEAN.incidentResponsePlans;
      if (name === "continuity_plan") d.continuityPlans = CLEAN.continuityPlans;
      return;
    case "insurance":
      d.insurancePolicies = [insurancePolicy()];
      return;
    case "access":
      for (const s of d.sites) if (s.mode === "remote") Object.assign(s, { edr: true, vpn: true, mfa: true, vdi: true });
      return;
    case "reviews":
      d.securityReviews = [...d.securityReviews, { id: "review-fixed", heldOn: "2026-03-01", attendees: ["Vendor CISO"], followUps: [] }];
      return;
    case "incidents":
      d.incidents = d.incidents.map((i) => ({ ...i, notifiedAt: new Date(Date.parse(i.detectedAt) + 3_600_000).toISOString() }));
      return;
  }
  d.legal ??= cleanLegal();
  const legal = d.legal;
  if (family === "contract") legal.contracts = [...legal.contracts.filter((c) => c.type !== "msa"), cleanLegal().contracts[0]!];
  if (family === "clause") {
    const good = cleanLegal().clauseReviews.find((r) => r.clauseCode === name)!;
    legal.clauseReviews = [...legal.clauseReviews.filter((r) => r.clauseCode !== name), good];
    if (!legal.contracts.some((c) => c.id === "contract-msa")) legal.contracts.push(cleanLegal().contracts[0]!);
  }
  if (check.code === "data.dpa_signed") legal.dpa = cleanLegal().dpa;
  if (check.code === "data.transfer_mechanisms") legal.transferMechanisms = cleanLegal().transferMechanisms;
  if (check.code === "data.subprocessors_authorised") legal.subProcessors = legal.subProcessors.map((s) => ({ ...s, consented: true }));
}

const FAILING = new Set(["fail", "unknown", "partial"]);

describe("score properties", () => {
  it("the score, every domain score and the overall are within 0-100, and the rating matches the final score", () => {
    fc.assert(
      fc.property(degradation, (spec) => {
        const result = score(degrade(spec));
        expect(result.final).toBeGreaterThanOrEqual(0);
        expect(result.final).toBeLessThanOrEqual(100);
        expect(result.final).toBeLessThanOrEqual(result.overall);
        expect(result.overall).toBeLessThanOrEqual(100);
        for (const domain of result.domains) {
          if (domain.score !== null) {
            expect(domain.score).toBeGreaterThanOrEqual(0);
            expect(domain.score).toBeLessThanOrEqual(100);
          }
        }
        expect(result.rating.band).toBe(ratingFor(result.final, DEFAULT_SETTINGS.scoring.bands).band);
      }),
      { numRuns: 300 },
    );
  });

  it("adding a blocker never raises the score, and the blocker cap then holds", () => {
    fc.assert(
      fc.property(degradation, fc.constantFrom(...Object.keys(BLOCKERS)), (spec, blocker) => {
        const before = degrade(spec);
        const after = structuredClone(before);
        BLOCKERS[blocker]!(after);
        const [a, b] = [score(before), score(after)];
        expect(b.final).toBeLessThanOrEqual(a.final + 1e-9);
        expect(b.overall).toBeLessThanOrEqual(a.overall + 1e-9);
        if (blocker === "verificationBypass") {
          expect(b.caps.find((c) => c.code === "blocker")!.triggered).toBe(true);
          expect(b.final).toBeLessThanOrEqual(DEFAULT_SETTINGS.scoring.caps.blocker);
        }
      }),
      { numRuns: 300 },
    );
  });

  // docs/scoring.md, "Ceilings": the ceilings only ever lower the score, so one
  // more open finding of any severity can never raise it or improve the band.
  it("adding any finding never raises the score nor improves the band", () => {
    const BAND_ORDER = ["critical", "high", "medium", "low"];
    const finding = fc.record({
      code: fc.constantFrom("soc2.stale", "kpi.verification_bypass", "remediation.overdue", "risk_acceptance.expired", "test.any"),
      severity: fc.constantFrom(...SEVERITIES),
      message: fc.string({ maxLength: 40 }),
      source: fc.constant("test"),
      subject: fc.record({ kind: fc.constantFrom("soc2", "kpi", "remediation", "test"), id: fc.string({ maxLength: 8 }) }),
    });
    fc.assert(
      fc.property(degradation, fc.array(finding, { minLength: 1, maxLength: 3 }), (spec, added) => {
        const d = degrade(spec);
        const findings = vendorFindingsFor(d, DEFAULT_SETTINGS, NOW);
        const a = scoreVendor(d, DEFAULT_SETTINGS, NOW, { findings });
        const b = scoreVendor(d, DEFAULT_SETTINGS, NOW, { findings: [...findings, ...added] });
        expect(b.final).toBeLessThanOrEqual(a.final + 1e-9);
        expect(BAND_ORDER.indexOf(b.rating.band)).toBeLessThanOrEqual(BAND_ORDER.indexOf(a.rating.band));
      }),
      { numRuns: 300 },
    );
  });

  it("fixing a failing, unknown or partial check never lowers the score", () => {
    fc.assert(
      fc.property(degradation, fc.nat(), (spec, pick) => {
        const before = degrade(spec);
        const scored = score(before);
        const failing = scored.checks.filter((c) => FAILING.has(c.result));
        fc.pre(failing.length > 0);
        const target = failing[pick % failing.length]!;
        const after = structuredClone(before);
        fix(after, target);
        const rescored = score(after);
        const fixed = rescored.checks.find((c) => c.code === target.code)!;
        // The fix really fixed it (pass), unless only part of it can be repaired (e.g. scope with no sites).
        expect(fixed.points ?? 1).toBeGreaterThanOrEqual(target.points ?? 0);
        expect(rescored.final).toBeGreaterThanOrEqual(scored.final - 1e-9);
        expect(rescored.overall).toBeGreaterThanOrEqual(scored.overall - 1e-9);
      }),
      { numRuns: 400 },
    );
  });
});
