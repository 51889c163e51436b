// /api/health (liveness) and /api/ready (database reachable, migrations
// current, storage writable), through the real route handlers on each
// provider's real database. They answer only "ok"/"fail" per check.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { forEachProvider } from "../helpers/test-database";

forEachProvider("health and readiness probes", (t) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "assay-ready-test-"));
  const previousDataDir = process.env.ASSAY_DATA_DIR;
  beforeAll(() => {
    process.env.ASSAY_DATA_DIR = path.join(scratch, "data");
  });
  afterAll(() => {
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("health is a bare ok", async () => {
    const response = health();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("ready is 200 with every check ok on a migrated database and a writable data directory", async () => {
    const response = await ready();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok", storage: "ok" } });
    // The probe file does not stay behind.
    expect(fs.readdirSync(process.env.ASSAY_DATA_DIR!).filter((f) => f.startsWith(".ready-probe"))).toEqual([]);
  });

  it("ready is 503 naming the storage check when the data directory cannot be written", async () => {
    // A file where the directory should be: no process (root included) can write under it.
    const blocked = path.join(scratch, "not-a-dir");
    fs.writeFileSync(blocked, "");
    process.env.ASSAY_DATA_DIR = path.join(blocked, "data");
    try {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "not_ready", checks: { database: "ok", migrations: "ok", storage: "fail" } });
    } finally {
      process.env.ASSAY_DATA_DIR = path.join(scratch, "data");
    }
  });

  it("ready is 503 naming the migrations check when a shipped migration is not applied", async () => {
    const [last] = await t.db.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`);
    await t.db.$executeRawUnsafe(`DELETE FROM _prisma_migrations WHERE migration_name = '${last!.migration_name}'`);
    const response = await ready();
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toEqual({ status: "not_ready", checks: { database: "ok", migrations: "fail", storage: "ok" } });
  });
});
