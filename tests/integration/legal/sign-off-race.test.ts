// One sign-off per legal revision holds in the database: two legal users
// signing the same revision at once leave one sign-off, and the other gets
// the same answer as a sign-off of an already signed revision.
import fs from "node:fs";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import { getLegalSignOffState, signOffLegalReview } from "@/lib/server/services/legal-signoff";
import { createVendor } from "@/lib/server/services/vendors";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

const noPersonalData = { ...validVendor, industries: ["saas"], dataCategories: [], accessLevel: "read_only" };

forEachProvider("legal sign-off races", (t) => {
  beforeAll(async () => {
    await ensureSettings();
  });

  it("two concurrent sign-offs of one revision leave one; the other is told it is already signed off", async () => {
    for (let round = 0; round < 5; round++) {
      const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...noPersonalData, name: `Race sign-off ${round}` } });
      const [first, second] = [await makeActor("legal"), await makeActor("legal")];
      const { legalRevision } = await getLegalSignOffState({ actor: first, vendorId: vendor.id });
      const sign = (actor: typeof first) => signOffLegalReview({ actor, input: { vendorId: vendor.id, legalRevision, comment: "Reviewed." } });
      const results = await Promise.allSettled([sign(first), sign(second)]);
      expect(await t.db.legalSignOff.count({ where: { vendorId: vendor.id } })).toBe(1);
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect(rejected[0]!.reason).toMatchObject({ code: "INVALID_STATE", message: "This revision of the legal review is already signed off. Nothing changed since." });
      expect(await t.db.auditEvent.count({ where: { vendorId: vendor.id, action: "legal.signoff" } })).toBe(1);
    }
  });

  it("the migration's backfill keys existing sign-offs, keeping the oldest of a duplicate an earlier race left", async () => {
    const legal = await makeActor("legal");
    const vendor = await createVendor({ actor: await makeActor("procurement"), input: { ...noPersonalData, name: "Backfilled sign-offs" } });
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    // As before the migration: no index yet (it is created after the backfill).
    await t.db.$executeRawUnsafe(`DROP INDEX "LegalSignOff_vendorId_uniqueRevision_key"`);
    for (const [revision, second] of [[1, 1], [1, 2], [2, 3]] as const) {
      await t.db.legalSignOff.create({ data: { vendorId: vendor.id, signedById: legal.id, comment: "", legalRevision: revision, signedAt: at(second) } });
    }
    for (const statement of migrationFromBackfill(t.provider)) await t.db.$executeRawUnsafe(statement);
    const rows = await t.db.legalSignOff.findMany({ where: { vendorId: vendor.id }, orderBy: { signedAt: "asc" }, select: { uniqueRevision: true } });
    expect(rows.map((r) => r.uniqueRevision)).toEqual([1, null, 2]);
  });
});

/** The committed migration that added LegalSignOff.uniqueRevision, from its backfill on (the index included). */
function migrationFromBackfill(provider: "sqlite" | "postgresql"): string[] {
  const dir = path.join("prisma", "migrations", provider);
  const folder = fs.readdirSync(dir).find((name) => name.endsWith("_legal_signoff_unique_revision"));
  const sql = fs.readFileSync(path.join(dir, folder!, "migration.sql"), "utf8");
  return sql
    .slice(sql.indexOf("-- Backfill"))
    .split(";")
    .map((s) => s.replace(/^--.*$/gm, "").trim())
    .filter(Boolean);
}
