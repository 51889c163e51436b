import { describe, expect, it } from "vitest";
import { nextAssessmentDue, dueDayInstant } from "@/lib/domain/assessments/next-due";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, insurancePolicy, isoCertificate, LOW_PROFILE, MODERATE_PROFILE, NOW, pentest, soc2Report } from "../helpers/dossier-builder";
import { withSettings } from "../helpers/run-findings";

// NOW is 15 Mar 2026. The clean dossier is Critical (quarterly cadence) with:
// SOC 2 period end 2025-12-31 (+14 months = 2027-02-28), ISO expiry
// 2027-06-30, insurance expiry 2026-12-31, pen test 2025-11-10 (+12 months =
// 2026-11-10). Each row changes one thing and names the date and rule it expects.

type Row = {
  name: string;
  dossier: ReturnType<typeof buildDossier>;
  now?: Date;
  settings?: typeof DEFAULT_SETTINGS;
  date: string;
  basis: string;
};

const LOW = { profile: LOW_PROFILE };

const rows: Row[] = [
  { name: "Critical vendor, nothing lapses within a quarter: the cadence", dossier: buildDossier(), date: "2026-06-15", basis: "cadence" },
  { name: "Moderate vendor: annual cadence, pulled to the pen test's last current day", dossier: buildDossier({ profile: MODERATE_PROFILE }), date: "2026-11-10", basis: "pentest_age" },
  { name: "Low vendor, no evidence at all: annual cadence", dossier: buildDossier({ ...LOW, soc2Reports: [], isoCertificates: [], insurancePolicies: [], pentests: [] }), date: "2027-03-15", basis: "cadence" },
  { name: "insurance expiring before the cadence pulls the date to the expiry day", dossier: buildDossier({ ...LOW, insurancePolicies: [insurancePolicy({ expiryDate: "2026-04-30" })] }), date: "2026-04-30", basis: "insurance_expiry" },
  { name: "only the policy the findings judge counts (the one expiring last)", dossier: buildDossier({ ...LOW, pentests: [], insurancePolicies: [insurancePolicy({ id: "old", expiryDate: "2026-04-30" }), insurancePolicy({ id: "new", expiryDate: "2027-01-31" })] }), date: "2027-01-31", basis: "insurance_expiry" },
  { name: "ISO certificate expiring inside the quarter", dossier: buildDossier({ isoCertificates: [isoCertificate({ expiryDate: "2026-05-01" })] }), date: "2026-05-01", basis: "iso_expiry" },
  { name: "an expired ISO certificate does not pull (it is already a finding)", dossier: buildDossier({ ...LOW, pentests: [], insurancePolicies: [], isoCertificates: [isoCertificate({ expiryDate: "2026-03-14" })] }), date: "2027-02-28", basis: "soc2_stale" },
  { name: "SOC 2 whose period ended 2025-02-10 is current until 2026-04-10", dossier: buildDossier({ soc2Reports: [soc2Report({ periodStart: "2024-02-11", periodEnd: "2025-02-10", issueDate: "2025-03-01" })] }), date: "2026-04-10", basis: "soc2_stale" },
  { name: "an already stale SOC 2 report does not pull", dossier: buildDossier({ soc2Reports: [soc2Report({ periodStart: "2023-12-01", periodEnd: "2024-11-30", issueDate: "2025-01-10" })] }), date: "2026-06-15", basis: "cadence" },
  { name: "pen test: the latest test decides (an older one is ignored)", dossier: buildDossier({ ...LOW, insurancePolicies: [], pentests: [pentest({ id: "p-old", performedOn: "2025-04-01" }), pentest({ id: "p-new", performedOn: "2025-12-01" })] }), date: "2026-12-01", basis: "pentest_age" },
  { name: "evidence lapsing today still counts: due today", dossier: buildDossier({ insurancePolicies: [insurancePolicy({ expiryDate: "2026-03-15" })] }), date: "2026-03-15", basis: "insurance_expiry" },
  { name: "a lapse on the cadence day itself keeps the cadence as the reason", dossier: buildDossier({ insurancePolicies: [insurancePolicy({ expiryDate: "2026-06-15" })] }), date: "2026-06-15", basis: "cadence" },
  { name: "the cadence is a setting", dossier: buildDossier(), settings: withSettings((s) => (s.reviews.cadenceElevatedMonths = 1)), date: "2026-04-15", basis: "cadence" },
  { name: "a tier override to Low applies the annual cadence", dossier: buildDossier({ profile: { tierOverride: { tier: "low", reason: "Only a pilot with synthetic data for now, reviewed by the CISO" } }, pentests: [], insurancePolicies: [] }), date: "2027-02-28", basis: "soc2_stale" },
  { name: "month-end clamping: 31 Jan + 3 months is 30 Apr", dossier: buildDossier({ soc2Reports: [], isoCertificates: [], insurancePolicies: [], pentests: [] }), now: new Date("2026-01-31T18:00:00Z"), date: "2026-04-30", basis: "cadence" },
];

describe("nextAssessmentDue", () => {
  for (const row of rows) {
    it(row.name, () => {
      const due = nextAssessmentDue(row.dossier, row.settings ?? DEFAULT_SETTINGS, row.now ?? NOW);
      expect({ date: due.date, basis: due.basis }).toEqual({ date: row.date, basis: row.basis });
      // The answer is always the earliest candidate, and every candidate is today or later.
      expect(due.candidates[0]!.date).toBe(due.date);
      for (const c of due.candidates) expect(c.date >= due.candidates[0]!.date).toBe(true);
    });
  }

  it("names the record and the rule in the reason", () => {
    const due = nextAssessmentDue(buildDossier({ ...LOW, insurancePolicies: [insurancePolicy({ expiryDate: "2026-04-30" })] }), DEFAULT_SETTINGS, NOW);
    expect(due.reason).toBe("Cyber insurance policy CY-2026-001 (Example Mutual) expires on 30 Apr 2026");
    expect(due.subject).toEqual({ kind: "insurance_policy", id: "ins-1" });
    expect(due.tier).toBe("low");
    expect(due.cadenceMonths).toBe(12);
  });

  it("lists every candidate considered, cadence included", () => {
    const due = nextAssessmentDue(buildDossier(), DEFAULT_SETTINGS, NOW);
    expect(due.candidates.map((c) => c.basis).sort()).toEqual(["cadence", "insurance_expiry", "iso_expiry", "pentest_age", "soc2_stale"]);
  });

  it("stores the due day as UTC midnight", () => {
    expect(dueDayInstant("2026-06-15").toISOString()).toBe("2026-06-15T00:00:00.000Z");
  });
});
