import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir } from "../data-dir";
import { databaseProvider, databaseUrl, db, type DatabaseProvider } from "../db";
import { logger } from "../logger";

// What /api/ready reports: whether this server can do its work now. Each
// check answers only "ok" or "fail"; the reason goes to the log, never to the
// (unauthenticated) caller.

export type CheckResult = "ok" | "fail";
export interface Readiness {
  ready: boolean;
  checks: { database: CheckResult; migrations: CheckResult; storage: CheckResult };
}

/** Migration folders shipped with this build (prisma/migrations/<provider>/<name>/migration.sql). */
export async function shippedMigrations(provider: DatabaseProvider, root: string = process.cwd()): Promise<string[]> {
  const dir = path.join(/*turbopackIgnore: true*/ root, "prisma", "migrations", provider);
  const entries = await fs.readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** Names of the migrations the database has applied (Prisma's own table, as `npm run db:migrate` writes it). */
async function appliedMigrations(): Promise<Set<string>> {
  const rows = await db().$queryRawUnsafe<{ migration_name: string }[]>(
    `SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Set(rows.map((r) => r.migration_name));
}

async function check(name: string, probe: () => Promise<boolean>): Promise<CheckResult> {
  try {
    if (await probe()) return "ok";
    logger.warn({ check: name }, "readiness check failed");
  } catch (error) {
    logger.warn({ check: name, err: error }, "readiness check failed");
  }
  return "fail";
}

export async function readiness(): Promise<Readiness> {
  const database = await check("database", async () => {
    await db().$queryRawUnsafe("SELECT 1");
    return true;
  });
  const migrations =
    database === "ok"
      ? await check("migrations", async () => {
          const [shipped, applied] = await Promise.all([shippedMigrations(databaseProvider(databaseUrl())), appliedMigrations()]);
          return shipped.every((name) => applied.has(name));
        })
      : "fail";
  const storage = await check("storage", async () => {
    // The data directory holds the evidence store, the packs and the keys: a
    // full or read-only disk shows here before an upload fails.
    const probe = path.join(dataDir(), `.ready-probe-${process.pid}-${randomUUID()}`);
    await fs.writeFile(probe, "ok");
    await fs.unlink(probe);
    return true;
  });
  return { ready: database === "ok" && migrations === "ok" && storage === "ok", checks: { database, migrations, storage } };
}
