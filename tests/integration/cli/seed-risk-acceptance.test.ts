// The demo seed leaves one vendor with a risk acceptance that lapsed while
// the finding it accepted is still open, so the demo shows the
// "risk_acceptance.expired" finding on the dossier and in the list's counts.
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemoData } from "@/lib/cli/seed";
import { DEMO_EXPIRED_ACCEPTANCE_VENDOR } from "@/lib/cli/seed-risk-acceptance";
import { formatIsoDay } from "@/lib/domain/dates";
import { isRole } from "@/lib/domain/accounts/roles";
import { getVendorDossierView } from "@/lib/server/services/dossier-view";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("demo seed: an expired risk acceptance", (t) => {
  let tmp: string;
  let previousDataDir: string | undefined;
  const now = new Date();

  beforeAll(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), "assay-seed-ra-"));
    previousDataDir = process.env.ASSAY_DATA_DIR;
    process.env.ASSAY_DATA_DIR = path.join(tmp, "data");
    expect(await seedDemoData({ now })).toBe("seeded");
  }, 180_000);

  afterAll(async () => {
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    if (tmp) await fs.rm(tmp, { recursive: true, force: true });
  });

  it("records it through the services, already expired, and the vendor shows the finding", async () => {
    const vendor = await t.db.vendor.findFirstOrThrow({ where: { name: DEMO_EXPIRED_ACCEPTANCE_VENDOR, isDemo: true } });
    const acceptances = await t.db.riskAcceptance.findMany({ where: { vendorId: vendor.id } });
    expect(acceptances).toHaveLength(1);
    expect(acceptances[0]!.expiresOn < formatIsoDay(now)).toBe(true);
    // Recorded as a user would: audited, by the demo security user, on a draft assessment.
    expect(await t.db.auditEvent.count({ where: { action: "risk_acceptance.create", entityId: acceptances[0]!.id } })).toBe(1);
    const security = await t.db.user.findUniqueOrThrow({ where: { email: "security@assay.demo" } });
    expect(acceptances[0]!.acceptedById).toBe(security.id);
    expect((await t.db.assessment.findUniqueOrThrow({ where: { id: acceptances[0]!.assessmentId } })).state).toBe("draft");

    const viewer = await t.db.user.findUniqueOrThrow({ where: { email: "viewer@assay.demo" } });
    if (!isRole(viewer.role)) throw new Error("bad role");
    const view = await getVendorDossierView({ actor: { id: viewer.id, email: viewer.email, name: viewer.name, role: viewer.role }, vendorId: vendor.id, now });
    const expired = view.findings.filter((f) => f.code === "risk_acceptance.expired");
    expect(expired).toHaveLength(1);
    expect(expired[0]!.severity).toBe("high");
    // The stored summary the vendor list filters on counts it too.
    const highs = view.findings.filter((f) => f.severity === "high").length;
    expect((await t.db.vendor.findUniqueOrThrow({ where: { id: vendor.id } })).highCount).toBe(highs);

    // Only that vendor carries one.
    expect(await t.db.riskAcceptance.count()).toBe(1);
  });
});
