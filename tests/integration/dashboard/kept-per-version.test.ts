// Answers read from the whole portfolio are kept per portfolio version
// (lib/server/services/kept-per-version.ts): served again while nothing moved,
// computed anew after an audited change, a summary write or midnight, and
// computed once for requests that arrive together.
import { beforeAll, beforeEach, expect, it } from "vitest";
import { createAssessment } from "@/lib/server/services/assessments/create";
import { getProcurementOverview } from "@/lib/server/services/assessments/procurement-overview";
import { getAssessmentView } from "@/lib/server/services/assessments/view";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { ensureControlCatalogue } from "@/lib/server/dossier/control-catalogue";
import { getPortfolioDashboard } from "@/lib/server/services/dashboard";
import { forgetKeptAnswers } from "@/lib/server/services/kept-per-version";
import { listLegalQueue } from "@/lib/server/services/legal-queue";
import { createVendor } from "@/lib/server/services/vendors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { buildAssessedVendor } from "../assessments/build-vendor";

const NOW = new Date("2026-06-15T10:00:00Z");
const portfolioDashboard = getPortfolioDashboard;
const blockers = (d: Awaited<ReturnType<typeof getPortfolioDashboard>>) => d.findings.find((f) => f.severity === "blocker")!.findings;

forEachProvider("answers kept per portfolio version", (t) => {
  let procurement: Awaited<ReturnType<typeof makeActor>>;
  let vendorId: string;

  beforeAll(async () => {
    await ensureSettings();
    procurement = await makeActor("procurement");
    vendorId = (await createVendor({ actor: procurement, input: { ...validVendor, name: "Kept Figures BPO" } })).id;
  });
  beforeEach(() => forgetKeptAnswers());

  it("serves the kept figures while nothing that moves them has changed", async () => {
    const first = await portfolioDashboard({ actor: procurement, now: NOW });
    // A write that neither commits an audit event nor moves a summary: the figures are kept, proving they are not recomputed.
    await t.db.vendor.update({ where: { id: vendorId }, data: { blockerCount: 9 } });
    try {
      const again = await portfolioDashboard({ actor: procurement, now: NOW });
      expect(again).toBe(first);
      expect(blockers(again)).toBe(blockers(first));
    } finally {
      await t.db.vendor.update({ where: { id: vendorId }, data: { blockerCount: 0 } });
    }
  });

  it("computes them anew after an audited change", async () => {
    const before = await portfolioDashboard({ actor: procurement, now: NOW });
    await createVendor({ actor: procurement, input: { ...validVendor, name: "Audited Newcomer BPO" } });
    const after = await portfolioDashboard({ actor: procurement, now: NOW });
    expect(after.vendors).toBe(before.vendors + 1);
  });

  it("computes them anew after a summary write, which is not audited", async () => {
    const before = await portfolioDashboard({ actor: procurement, now: NOW });
    const newest = (await t.db.vendor.aggregate({ _max: { findingsAt: true } }))._max.findingsAt ?? NOW;
    await t.db.vendor.update({ where: { id: vendorId }, data: { blockerCount: 3, findingsAt: new Date(newest.getTime() + 1_000) } });
    const after = await portfolioDashboard({ actor: procurement, now: NOW });
    expect(blockers(after)).toBe(blockers(before) + 3);
  });

  it("computes them anew on the next day", async () => {
    const today = await portfolioDashboard({ actor: procurement, now: NOW });
    const tomorrow = await portfolioDashboard({ actor: procurement, now: new Date(NOW.getTime() + 86_400_000) });
    expect(tomorrow).not.toBe(today);
    expect(tomorrow.expiriesByMonth[0]!.month >= today.expiriesByMonth[0]!.month).toBe(true);
  });

  it("computes once for requests that arrive together", async () => {
    const together = await Promise.all(Array.from({ length: 10 }, () => portfolioDashboard({ actor: procurement, now: NOW })));
    for (const d of together) expect(d).toBe(together[0]);
  });

  it("keeps the legal queue's count and order until an audited change moves them", async () => {
    const legal = await makeActor("legal");
    const before = await listLegalQueue({ actor: legal, query: { pageSize: 100 } });
    expect(before.rows.map((r) => r.vendor.id)).toContain(vendorId);
    // Offboarding written without an audit event or a summary time is not seen: the kept count and order are served.
    await t.db.vendor.update({ where: { id: vendorId }, data: { status: "offboarded" } });
    try {
      const kept = await listLegalQueue({ actor: legal, query: { pageSize: 100 } });
      expect(kept.total).toBe(before.total);
      expect(kept.rows.map((r) => r.vendor.id)).toEqual(before.rows.map((r) => r.vendor.id));
    } finally {
      await t.db.vendor.update({ where: { id: vendorId }, data: { status: validVendor.status } });
    }
    // A new vendor, never signed off, joins the queue as soon as it is created (audited).
    const newcomer = await createVendor({ actor: procurement, input: { ...validVendor, name: "Queue Newcomer BPO" } });
    const after = await listLegalQueue({ actor: legal, query: { pageSize: 100 } });
    expect(after.total).toBe(before.total + 1);
    expect(after.rows.map((r) => r.vendor.id)).toContain(newcomer.id);
  });

  it("keeps procurement's overview until an audited change moves it", async () => {
    const before = await getProcurementOverview({ actor: procurement, now: NOW });
    // A due date written without an audit event is not seen: the kept overview is served.
    const { nextAssessmentDue } = await t.db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { nextAssessmentDue: true } });
    await t.db.vendor.update({ where: { id: vendorId }, data: { nextAssessmentDue: new Date("2026-06-01T00:00:00Z") } });
    try {
      expect(await getProcurementOverview({ actor: procurement, now: NOW })).toBe(before);
    } finally {
      await t.db.vendor.update({ where: { id: vendorId }, data: { nextAssessmentDue } });
    }
    const newcomer = await createVendor({ actor: procurement, input: { ...validVendor, name: "Never Assessed Newcomer BPO" } });
    const after = await getProcurementOverview({ actor: procurement, now: NOW });
    expect(after.neverAssessed.total).toBe(before.neverAssessed.total + 1);
    expect(after.neverAssessed.rows.map((v) => v.id)).toContain(newcomer.id);
  });

  it("keeps an assessment's comparison with the live dossier until an audited change moves it", async () => {
    await t.db.$transaction((tx) => ensureControlCatalogue(tx));
    const security = await makeActor("security");
    const { vendor } = await buildAssessedVendor({ procurement, security }, "Kept Freshness BPO");
    const draft = await createAssessment({ actor: procurement, input: { vendorId: vendor.id } });
    expect((await getAssessmentView({ actor: procurement, assessmentId: draft.id })).freshness?.stale).toBe(false);
    // A delivery site written without an audit event is not seen: the kept comparison is served.
    await t.db.deliverySite.create({ data: { vendorId: vendor.id, country: "IN", city: "Pune", mode: "onsite", headcount: 30 } });
    expect((await getAssessmentView({ actor: procurement, assessmentId: draft.id })).freshness?.stale).toBe(false);
    await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "IN", city: "Mumbai", mode: "onsite", headcount: 12 } } });
    expect((await getAssessmentView({ actor: procurement, assessmentId: draft.id })).freshness).toMatchObject({ stale: true, changedSections: ["Delivery sites"] });
  });
});
