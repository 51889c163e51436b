import { describe, expect, it } from "vitest";
import { isRemediationOverdue, remediationFindings } from "@/lib/domain/assessments/remediation";
import { compareSnapshotWithLive, snapshotFingerprint } from "@/lib/domain/assessments/snapshot-freshness";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, insurancePolicy, NOW } from "../helpers/dossier-builder";
import { withSettings } from "../helpers/run-findings";

// NOW is 15 Mar 2026 (midday UTC).
const item = (dueDate: string, status = "open") => ({ id: `r-${dueDate}-${status}`, title: "Sign the DPA", status, dueDate, findingCode: "legal.dpa.missing" });

describe("remediation.overdue", () => {
  const table: [string, string, boolean][] = [
    ["2026-03-14", "open", true],
    ["2026-03-14", "in_progress", true],
    ["2026-03-15", "open", false], // the due day itself is still in time
    ["2026-04-01", "open", false],
    ["2026-01-01", "done", false],
    ["2026-01-01", "waived", false],
  ];
  for (const [due, status, overdue] of table) {
    it(`${status} item due ${due} is ${overdue ? "" : "not "}overdue`, () => {
      expect(isRemediationOverdue(item(due, status), NOW)).toBe(overdue);
      expect(remediationFindings([item(due, status)], NOW)).toHaveLength(overdue ? 1 : 0);
    });
  }

  it("says which item, its due day and how late it is, and names the rule", () => {
    const [finding] = remediationFindings([item("2026-02-10")], NOW);
    expect(finding).toMatchObject({
      code: "remediation.overdue",
      severity: "high",
      threshold: "done or waived by 10 Feb 2026",
      subject: { kind: "remediation", id: "r-2026-02-10-open", label: "Sign the DPA" },
    });
    expect(finding!.message).toBe('Remediation "Sign the DPA" was due on 10 Feb 2026 and is overdue by 1 month (still open).');
    expect(finding!.source).toMatch(/^organisation policy \(conditions of approval/);
  });
});

describe("snapshot freshness", () => {
  const dossier = buildDossier();

  it("a snapshot equal to the live data is fresh, even after a JSON round trip and key reordering", () => {
    const stored = JSON.parse(JSON.stringify(dossier));
    const reordered = Object.fromEntries(Object.entries(stored).reverse());
    const result = compareSnapshotWithLive({ dossier: reordered, settings: DEFAULT_SETTINGS }, { dossier, settings: DEFAULT_SETTINGS });
    expect(result).toMatchObject({ stale: false, changedSections: [], settingsChanged: false });
    expect(result.snapshotFingerprint).toBe(result.liveFingerprint);
  });

  it("names the dossier sections that changed", () => {
    const live = buildDossier({ insurancePolicies: [insurancePolicy({ expiryDate: "2027-12-31" })], profile: { name: "Northwind Support Global" } });
    const result = compareSnapshotWithLive({ dossier, settings: DEFAULT_SETTINGS }, { dossier: live, settings: DEFAULT_SETTINGS });
    expect(result.stale).toBe(true);
    expect(result.changedSections).toEqual(["Profile", "Insurance"]);
    expect(result.snapshotFingerprint).not.toBe(result.liveFingerprint);
  });

  it("a settings change makes the snapshot stale too", () => {
    const result = compareSnapshotWithLive(
      { dossier, settings: DEFAULT_SETTINGS },
      { dossier, settings: withSettings((s) => (s.scoring.caps.blocker = 45)) },
    );
    expect(result).toMatchObject({ stale: true, changedSections: [], settingsChanged: true });
  });

  it("an undefined field and an absent one hash the same", () => {
    expect(snapshotFingerprint({ a: 1, b: undefined })).toBe(snapshotFingerprint({ a: 1 }));
  });
});
