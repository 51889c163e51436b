// bulkInsert (lib/server/bulk-insert.ts) writes rows that are indistinguishable
// from Prisma's createMany: same values read back through Prisma, same stored
// text (dates, booleans, JSON) read back raw, on both providers.
import { expect, it } from "vitest";
import { bulkInsert } from "@/lib/server/bulk-insert";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("bulk insert", (t) => {
  const at = new Date("2026-03-04T05:06:07.089Z");
  const vendor = (id: string) => ({
    id,
    name: `Vendor ${id}`,
    searchName: `vendor ${id}`,
    legalName: `Vendor ${id} "Quoted" Ltd; DROP TABLE x`,
    website: null,
    country: "PH",
    accessLevel: "trigger_resets",
    tier: "high",
    tierRank: 3,
    computedTier: "high",
    status: "active",
    ownerId: null,
    isDemo: true,
    tierOverriddenAt: at,
    createdAt: at,
    updatedAt: at,
  });

  /** The stored text of typed columns, as the database holds it (the driver would parse dates and JSON back). */
  async function storedText(table: string, columns: string[], id: string | number) {
    const placeholder = t.provider === "postgresql" ? "$1" : "?";
    const select = columns.map((c) => `CAST("${c}" AS TEXT) AS "${c}"`).join(", ");
    const [row] = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT ${select} FROM "${table}" WHERE "id" = ${placeholder}`, id);
    return row!;
  }

  it("stores vendors exactly as createMany does, defaults included", async () => {
    await t.db.vendor.createMany({ data: [vendor("by-prisma")] });
    await t.db.$transaction((tx) => bulkInsert(tx, "Vendor", [vendor("by-bulk"), vendor("by-bulk-2")]));
    const [prisma, bulk] = await Promise.all(["by-prisma", "by-bulk"].map((id) => t.db.vendor.findUniqueOrThrow({ where: { id } })));
    expect({ ...bulk, id: "", name: "", searchName: "", legalName: "" }).toEqual({ ...prisma, id: "", name: "", searchName: "", legalName: "" });
    expect(bulk).toMatchObject({ legalName: 'Vendor by-bulk "Quoted" Ltd; DROP TABLE x', isDemo: true, createdAt: at, blockerCount: 0, soc2State: "missing", version: 1 });
    const typed = ["createdAt", "updatedAt", "tierOverriddenAt", "isDemo", "tierRank", "website"];
    const [rawPrisma, rawBulk] = await Promise.all(["by-prisma", "by-bulk"].map((id) => storedText("Vendor", typed, id)));
    expect(rawBulk).toEqual(rawPrisma);
  });

  it("stores JSON columns (objects and nulls) exactly as createMany does, for more rows than one statement takes", async () => {
    const event = (id: number) => ({
      id,
      at,
      action: "vendor.create",
      entityType: "vendor",
      entityId: `e${id}`,
      before: undefined,
      after: { name: "Ünïcode ✓", nested: { list: [1, "two", null] } },
      prevHash: null,
      hash: null,
    });
    await t.db.auditEvent.createMany({ data: [event(900_000)] });
    // 9 columns: 111 rows a statement, so 250 rows take three.
    const inserted = await t.db.$transaction((tx) => bulkInsert(tx, "AuditEvent", Array.from({ length: 250 }, (_, i) => event(900_001 + i)), { json: ["before", "after"] }));
    expect(inserted).toBe(250);
    expect(await t.db.auditEvent.count({ where: { id: { gt: 900_000 } } })).toBe(250);
    const [prisma, bulk] = await Promise.all([900_000, 900_001].map((id) => t.db.auditEvent.findUniqueOrThrow({ where: { id } })));
    expect({ ...bulk, id: 0, entityId: "" }).toEqual({ ...prisma, id: 0, entityId: "" });
    expect(bulk!.before).toBeNull();
    const [rawPrisma, rawBulk] = await Promise.all([900_000, 900_001].map((id) => storedText("AuditEvent", ["at", "before", "after", "hash"], id)));
    expect(rawBulk).toEqual(rawPrisma);
  });

  it("refuses a table or column name that is not a plain identifier", async () => {
    await expect(t.db.$transaction((tx) => bulkInsert(tx, 'Vendor" --', [{ id: "x" }]))).rejects.toThrow(/identifier/);
    await expect(t.db.$transaction((tx) => bulkInsert(tx, "Vendor", [{ 'id") --': "x" }]))).rejects.toThrow(/identifier/);
  });
});
