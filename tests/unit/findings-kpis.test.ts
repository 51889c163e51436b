import { describe, expect, it } from "vitest";
import type { KpiPeriod } from "@/lib/schemas/dossier";
import { buildDossier, kpiPeriod } from "./helpers/dossier-builder";
import { findingsOf, summary } from "./helpers/run-findings";

// docs/rules.md §7 on the latest period. Clean periods: 2025-Q3 then 2025-Q4
// (escalation rate 88% → 92%).
const PREVIOUS = kpiPeriod({ id: "kpi-2025-q3", period: "2025-Q3", escalationRatePct: 88 });
const latest = (over: Partial<KpiPeriod>) => buildDossier({ kpis: [PREVIOUS, kpiPeriod(over)] });

describe("KPIs of the latest period", () => {
  it.each<[string, Partial<KpiPeriod>, string[]]>([
    // Phishing failure: good < 5%, watch 5-15%, > 15% immediate retraining.
    ["phishing 4.99%", { phishingFailurePct: 4.99 }, []],
    ["phishing 5%", { phishingFailurePct: 5 }, ["kpi.phishing_failure_watch:medium"]],
    ["phishing 15%", { phishingFailurePct: 15 }, ["kpi.phishing_failure_watch:medium"]],
    ["phishing 15.01%", { phishingFailurePct: 15.01 }, ["kpi.phishing_failure_high:high"]],
    // Verification bypass: any > 0 is a blocker.
    ["bypass 0", { verificationBypassCount: 0 }, []],
    ["bypass 1", { verificationBypassCount: 1 }, ["kpi.verification_bypass:blocker"]],
    // Mean time to escalate: >= 10 minutes.
    ["escalation 9.9 min", { meanTimeToEscalateMinutes: 9.9 }, []],
    ["escalation 10 min", { meanTimeToEscalateMinutes: 10 }, ["kpi.escalation_slow:medium"]],
    // Training completion: < 95%.
    ["training 95%", { trainingCompletionPct: 95 }, []],
    ["training 94.9%", { trainingCompletionPct: 94.9 }, ["kpi.training_incomplete:medium"]],
    // Privilege review ageing: older than 90 days.
    ["privilege review 90 days", { privilegeReviewAgeDays: 90 }, []],
    ["privilege review 91 days", { privilegeReviewAgeDays: 91 }, ["kpi.privilege_review_overdue:medium"]],
    // Escalation rate: falling against the previous period.
    ["escalation rate 88% (same)", { escalationRatePct: 88 }, []],
    ["escalation rate 87.5% (falling)", { escalationRatePct: 87.5 }, ["kpi.escalation_rate_falling:low"]],
  ])("%s → %j", (_label, over, expected) => {
    expect(summary(findingsOf(latest(over), "kpi."))).toEqual(expected);
  });

  it("quotes the value and threshold", () => {
    const [f] = findingsOf(latest({ phishingFailurePct: 22.5 }), "kpi.");
    expect(f?.observed).toBe("22.5%");
    expect(f?.threshold).toBe("at most 15% (good below 5%)");
    expect(f?.subject).toEqual({ kind: "kpi_period", id: "kpi-2025-q4", label: "KPIs 2025-Q4" });
  });

  it("takes the latest period whatever the record order", () => {
    const bad = kpiPeriod({ id: "kpi-2025-q2", period: "2025-Q2", verificationBypassCount: 3, escalationRatePct: 10 });
    expect(findingsOf(buildDossier({ kpis: [kpiPeriod(), bad] }), "kpi.")).toEqual([]);
    const findings = findingsOf(buildDossier({ kpis: [kpiPeriod({ verificationBypassCount: 2 }), PREVIOUS] }), "kpi.");
    expect(findings.map((f) => f.subject.id)).toEqual(["kpi-2025-q4"]);
  });

  it("compares the escalation rate with the last period that reported it", () => {
    const q2 = kpiPeriod({ id: "q2", period: "2025-Q2", escalationRatePct: 95 });
    const q3 = kpiPeriod({ id: "q3", period: "2025-Q3", escalationRatePct: undefined });
    const findings = findingsOf(buildDossier({ kpis: [q2, q3, kpiPeriod({ escalationRatePct: 92 })] }), "kpi.escalation_rate_falling");
    expect(findings[0]?.observed).toBe("92% (was 95%)");
    expect(findingsOf(buildDossier({ kpis: [kpiPeriod()] }), "kpi.")).toEqual([]); // nothing to compare with
  });

  it("lists KPIs the latest period does not report", () => {
    const findings = findingsOf(latest({ phishingFailurePct: undefined, privilegeReviewAgeDays: undefined }), "kpi.");
    expect(summary(findings)).toEqual(["kpi.not_reported:low"]);
    expect(findings[0]?.message).toContain("phishing failure rate and privilege review age");
    expect(findings[0]?.observed).toBe("2 of 6 KPIs unknown");
  });

  it("notes when no KPI period is recorded", () => {
    expect(summary(findingsOf(buildDossier({ kpis: [] }), "kpi."))).toEqual(["kpi.none_recorded:low"]);
  });
});
