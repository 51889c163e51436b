// The chain check's two read paths (through Prisma on every provider; the
// SQLite snapshot fast path the CLI and admin page use) give the same verdict,
// appends by the app while a check runs are not a false alarm, and a row
// slipped in after the recorded head is reported.
import { beforeAll, expect, it } from "vitest";
import { recordAudit } from "@/lib/server/audit";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { sqlitePath } from "@/lib/server/db";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("audit chain check: read paths, concurrency, rows past the head", (t) => {
  // A few writers at a time: each waits for the chain head's lock.
  const write = async (n: number, tag: string) => {
    for (let start = 0; start < n; start += 5) {
      await Promise.all(
        Array.from({ length: Math.min(5, n - start) }, (_, k) =>
          t.db.$transaction((tx) => recordAudit(tx, null, { action: "organisation.rename", entityType: "settings", entityId: `${tag}-${start + k}`, before: { name: `Org ${start + k}` }, after: { name: `Zürich ${start + k + 1}` } })),
        ),
      );
    }
  };
  const paths = () =>
    t.provider === "sqlite"
      ? ([["prisma", () => verifyAuditChain(t.db)], ["sqlite snapshot", () => verifyAuditChain(t.db, { sqliteFile: sqlitePath(t.url) })]] as const)
      : ([["prisma", () => verifyAuditChain(t.db)]] as const);

  beforeAll(() => write(40, "setup"));

  it("every path says OK with the same count and head", async () => {
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    for (const [name, check] of paths()) {
      expect(await check(), name).toEqual({ ok: true, count: 40, headHash: head.lastHash, headId: head.lastId });
    }
  });

  it("events appended while a check runs are not a break", async () => {
    for (const [name, check] of paths()) {
      const [result] = await Promise.all([check(), write(30, `during-${name}`)]);
      expect(result, name).toMatchObject({ ok: true });
    }
    for (const [name, check] of paths()) expect((await check()).ok, name).toBe(true);
  });

  it("an edited row is reported identically by every path", async () => {
    const row = await t.db.auditEvent.findFirstOrThrow({ where: { action: "organisation.rename" }, orderBy: { id: "asc" }, skip: 7 });
    await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "entityId" = 'forged' WHERE "id" = ${row.id}`);
    try {
      const verdicts = await Promise.all(paths().map(([, check]) => check()));
      for (const v of verdicts) {
        expect(v).toMatchObject({ ok: false, brokenAt: { id: row.id, reason: "hash-mismatch" } });
        expect(v).toEqual(verdicts[0]);
      }
    } finally {
      await t.db.$executeRawUnsafe(`UPDATE "AuditEvent" SET "entityId" = '${row.entityId}' WHERE "id" = ${row.id}`);
    }
  });

  it("a row added after the recorded head (outside the app) is reported", async () => {
    const head = await t.db.auditChainHead.findUniqueOrThrow({ where: { id: 1 } });
    const last = await t.db.auditEvent.findUniqueOrThrow({ where: { id: head.lastId } });
    const forgedId = head.lastId + 5;
    await t.db.$executeRaw`INSERT INTO "AuditEvent" ("id","at","action","entityType","prevHash","hash") VALUES (${forgedId}, ${new Date()}, 'test.forged', 'test', ${last.hash}, ${"f".repeat(64)})`;
    try {
      for (const [name, check] of paths()) {
        expect(await check(), name).toMatchObject({ ok: false, brokenAt: { id: forgedId, reason: "head-mismatch" } });
      }
    } finally {
      await t.db.$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = ${forgedId}`);
    }
  });
});
