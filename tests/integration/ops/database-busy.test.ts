// Under load a write that cannot get the database in time is answered "busy,
// try again" (503 + Retry-After for route handlers, code BUSY for server
// actions), never a generic 500; a transaction that lost a serialization race
// is run again and succeeds.
import { afterAll, beforeAll, expect, it } from "vitest";
import { runAction } from "@/lib/server/action-result";
import { db, disconnectDb } from "@/lib/server/db";
import { handleRoute } from "@/lib/server/route-errors";
import { forEachProvider } from "../helpers/test-database";
import { ensureSettings, makeActor } from "../helpers/fixtures";

const TINY_POOL = { ASSAY_DB_POOL_SIZE: "1", ASSAY_DB_POOL_TIMEOUT_MS: "300", ASSAY_DB_TX_MAX_WAIT_MS: "300" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

forEachProvider("database busy and retried transactions", (t) => {
  const saved: Record<string, string | undefined> = {};
  beforeAll(async () => {
    await ensureSettings();
    for (const [name, value] of Object.entries(TINY_POOL)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    // The next db() is built with the tiny pool.
    await disconnectDb();
  });
  afterAll(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  /** Holds the only connection (PostgreSQL) or the write turn (SQLite) for `ms`. */
  async function saturated<T>(ms: number, during: () => Promise<T>): Promise<T> {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const hold = db().$transaction(
      async (tx) => {
        await tx.orgSettings.findUnique({ where: { id: 1 } });
        entered();
        await sleep(ms);
      },
      { timeout: ms + 5000 },
    );
    await inside;
    try {
      return await during();
    } finally {
      await hold;
    }
  }

  const write = () => db().$transaction((tx) => tx.orgSettings.update({ where: { id: 1 }, data: { updatedAt: new Date() } }));

  it("a route handler whose transaction cannot start in time answers 503 with Retry-After, not 500", async () => {
    const response = await saturated(1500, () =>
      handleRoute(async () => {
        await write();
        return Response.json({ ok: true });
      }),
    );
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
    expect(await response.json()).toMatchObject({ ok: false, code: "BUSY" });
  });

  it("a server action whose transaction cannot start in time answers BUSY with a retry hint", async () => {
    const result = await saturated(1500, () => runAction(() => write()));
    expect(result).toMatchObject({ ok: false, code: "BUSY", retryAfterSeconds: 5 });
    // Once the load is gone, the same write goes through.
    expect(await runAction(() => write())).toMatchObject({ ok: true });
  });

  it.runIf(t.provider === "postgresql")("a plain query that gets no pool connection in time answers 503 too", async () => {
    const response = await saturated(1500, () =>
      handleRoute(async () => Response.json({ users: await db().user.count() })),
    );
    expect(response.status).toBe(503);
  });

  it.runIf(t.provider === "postgresql")("two serializable transactions that collide both commit: the loser is retried", async () => {
    // A pool of two so both can run at once.
    process.env.ASSAY_DB_POOL_SIZE = "2";
    await disconnectDb();
    try {
      const actor = await makeActor("admin");
      let attempts = 0;
      let arrived = 0;
      let bothRead!: () => void;
      const barrier = new Promise<void>((resolve) => (bothRead = resolve));
      const increment = () =>
        db().$transaction(
          async (tx) => {
            attempts += 1;
            const user = await tx.user.findUniqueOrThrow({ where: { id: actor.id } });
            // First attempts wait for each other, so both read the same value before either writes.
            if (++arrived <= 2) {
              if (arrived === 2) bothRead();
              await barrier;
            }
            await tx.user.update({ where: { id: actor.id }, data: { name: `${user.name}+` } });
          },
          { isolationLevel: "Serializable" },
        );
      await Promise.all([increment(), increment()]);
      const user = await t.db.user.findUniqueOrThrow({ where: { id: actor.id } });
      expect(user.name).toBe(`${actor.name}++`);
      expect(attempts).toBe(3);
    } finally {
      process.env.ASSAY_DB_POOL_SIZE = TINY_POOL.ASSAY_DB_POOL_SIZE;
      await disconnectDb();
    }
  });
});
