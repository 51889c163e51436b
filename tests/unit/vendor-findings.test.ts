import { describe, expect, it } from "vitest";
import { acceptedFindingOf } from "@/lib/domain/assessments/risk-acceptance";
import { findingsFor } from "@/lib/domain/findings/dossier-findings";
import { vendorFindingsFor } from "@/lib/domain/findings/vendor-findings";
import { DEFAULT_SETTINGS } from "@/lib/schemas/settings";
import { buildDossier, cleanDossier, NOW, soc2Report } from "./helpers/dossier-builder";

// vendorFindingsFor is the one entry point for a vendor's findings: the
// dossier rules plus the workflow findings the caller loads (docs/assessments.md,
// "Overdue items feed the findings" and "An expired acceptance is a high finding").

// NOW is 15 Mar 2026. A Type II report whose period ended on 31 Dec 2024 is
// more than 14 months old: "soc2.stale", a high finding for the default (high) tier.
const staleSoc2 = () => buildDossier({ soc2Reports: [soc2Report({ id: "t2", periodStart: "2024-01-01", periodEnd: "2024-12-31", issueDate: "2025-02-01" })] });
const overdueItem = { id: "r1", title: "Sign the DPA", status: "open", dueDate: "2026-03-01", findingCode: "legal.dpa.missing" };
const doneItem = { ...overdueItem, id: "r2", status: "done" };

describe("vendorFindingsFor (the vendor's findings, workflow included)", () => {
  it("without workflow data gives exactly the dossier rules' findings", () => {
    const dossier = staleSoc2();
    expect(vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW)).toEqual(findingsFor(dossier, DEFAULT_SETTINGS, NOW));
    expect(vendorFindingsFor(cleanDossier(), DEFAULT_SETTINGS, NOW, { remediation: [], acceptances: [] })).toEqual([]);
  });

  it("adds remediation.overdue for an open item past its due day, and nothing for a closed one", () => {
    expect(vendorFindingsFor(cleanDossier(), DEFAULT_SETTINGS, NOW, { remediation: [overdueItem, doneItem] }).map((f) => `${f.code}:${f.subject.id}`)).toEqual(["remediation.overdue:r1"]);
  });

  it("adds risk_acceptance.expired when the latest acceptance lapsed while a finding it accepted is still open", () => {
    const dossier = staleSoc2();
    const stale = findingsFor(dossier, DEFAULT_SETTINGS, NOW).find((f) => f.code === "soc2.stale")!;
    const acceptance = { id: "ra1", acceptedByName: "Sam Security", reason: "Bridge letter received", findings: [acceptedFindingOf(stale)], expiresOn: "2026-03-14", createdAt: "2026-01-10T09:00:00Z" };
    const codes = vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW, { acceptances: [acceptance] }).map((f) => f.code);
    expect(codes).toContain("risk_acceptance.expired");
    // The same acceptance on its last day still holds.
    expect(vendorFindingsFor(dossier, DEFAULT_SETTINGS, NOW, { acceptances: [{ ...acceptance, expiresOn: "2026-03-15" }] }).map((f) => f.code)).not.toContain("risk_acceptance.expired");
    // Once the accepted finding is fixed, the lapse raises nothing.
    expect(vendorFindingsFor(cleanDossier(), DEFAULT_SETTINGS, NOW, { acceptances: [acceptance] })).toEqual([]);
  });

  it("keeps the list most severe first with the workflow findings merged in", () => {
    const findings = vendorFindingsFor(staleSoc2(), DEFAULT_SETTINGS, NOW, { remediation: [overdueItem] });
    const rank = { blocker: 0, high: 1, medium: 2, low: 3 } as const;
    const ranks = findings.map((f) => rank[f.severity]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const highs = findings.filter((f) => f.severity === "high").map((f) => f.code);
    expect(highs).toContain("remediation.overdue");
    expect(highs).toEqual([...highs].sort());
  });
});
