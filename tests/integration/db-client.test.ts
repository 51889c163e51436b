// The client from lib/server/db.ts behaves the same on every provider in the
// ways services rely on: transactions, isolation from concurrent requests,
// foreign keys, Json and instants.
import { expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { forEachProvider } from "./helpers/test-database";

const vendorInput = (name: string) => ({
  name,
  searchName: name.toLowerCase(),
  legalName: `${name} Ltd`,
  country: "PT",
  tier: "high",
  tierRank: 1,
});

forEachProvider("database client", (t) => {
  it("is what db() returns while the suite runs", () => {
    expect(db()).toBe(t.db);
  });

  it("commits an interactive transaction", async () => {
    await t.db.$transaction(async (tx) => {
      await tx.rateLimit.create({ data: { key: "commit@example.test", points: 0 } });
      await tx.rateLimit.update({ where: { key: "commit@example.test" }, data: { points: 2 } });
    });
    expect(await t.db.rateLimit.findUnique({ where: { key: "commit@example.test" } })).toMatchObject({
      points: 2,
    });
  });

  it("rolls an interactive transaction back when its callback throws", async () => {
    await expect(
      t.db.$transaction(async (tx) => {
        await tx.rateLimit.create({ data: { key: "rollback@example.test", points: 0 } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await t.db.rateLimit.findUnique({ where: { key: "rollback@example.test" } })).toBeNull();
  });

  it("isolates another request from an open transaction: no dirty reads, no shared fate", async () => {
    await t.db.rateLimit.create({ data: { key: "counter@example.test", points: 0 } });
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let markInside!: () => void;
    const inside = new Promise<void>((resolve) => (markInside = resolve));

    const failing = t.db.$transaction(
      async (tx) => {
        await tx.rateLimit.create({ data: { key: "in-tx@example.test", points: 0 } });
        markInside();
        await gate;
        throw new Error("abort");
      },
      { timeout: 10_000 },
    );
    await inside;
    // What other requests do meanwhile: on one SQLite connection these would
    // run inside the open transaction unless the client keeps them apart.
    const read = t.db.rateLimit.findUnique({ where: { key: "in-tx@example.test" } });
    const count = t.db.rateLimit.count({ where: { key: "in-tx@example.test" } });
    const rawRead = t.db.$queryRaw<{ key: string }[]>`SELECT "key" FROM "RateLimit" WHERE "key" = 'in-tx@example.test'`;
    const update = t.db.rateLimit.updateMany({
      where: { key: "counter@example.test" },
      data: { points: { increment: 1 } },
    });
    const raw = t.db.$executeRaw`UPDATE "RateLimit" SET "points" = "points" + 10 WHERE "key" = 'counter@example.test'`;
    // Give them every chance to run now: they finish at once where nothing
    // keeps them apart, and must wait for the gate where something does.
    await Promise.race([
      Promise.allSettled([read, count, rawRead, update, raw]),
      new Promise((resolve) => setTimeout(resolve, 500)),
    ]);
    openGate();

    await expect(failing).rejects.toThrow("abort");
    expect(await read).toBeNull();
    expect(await count).toBe(0);
    expect(await rawRead).toEqual([]);
    await Promise.all([update, raw]);
    expect(await t.db.rateLimit.findUnique({ where: { key: "counter@example.test" } })).toMatchObject({
      points: 11,
    });
    expect(await t.db.rateLimit.findUnique({ where: { key: "in-tx@example.test" } })).toBeNull();
  });

  it("runs batch transactions", async () => {
    const [created, count] = await t.db.$transaction([
      t.db.rateLimit.create({ data: { key: "batch@example.test", points: 0 } }),
      t.db.rateLimit.count({ where: { key: "batch@example.test" } }),
    ]);
    expect(created.key).toBe("batch@example.test");
    expect(count).toBe(1);
  });

  it("enforces foreign keys (owner deleted -> vendor owner set to null)", async () => {
    const owner = await t.db.user.create({
      data: { email: "owner@example.test", name: "Owner", role: "procurement", passwordHash: "x" },
    });
    const vendor = await t.db.vendor.create({ data: { ...vendorInput("Owned"), ownerId: owner.id } });
    await expect(
      t.db.vendor.create({ data: { ...vendorInput("Orphan"), ownerId: "no-such-user" } }),
    ).rejects.toThrow();
    await t.db.user.delete({ where: { id: owner.id } });
    expect(await t.db.vendor.findUnique({ where: { id: vendor.id } })).toMatchObject({ ownerId: null });
  });

  it("round-trips Json and instants exactly", async () => {
    const at = new Date("2024-02-29T23:59:58.123Z");
    const event = await t.db.auditEvent.create({
      data: { at, action: "probe", entityType: "vendor", after: { list: ["a", "b"], n: 1, nested: { ok: true } } },
    });
    const read = await t.db.auditEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(read.at.toISOString()).toBe(at.toISOString());
    expect(read.after).toEqual({ list: ["a", "b"], n: 1, nested: { ok: true } });
  });
});
