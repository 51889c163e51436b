// Gives each integration suite its own fresh database on every provider the
// global setup made available, so suites cannot see each other's rows.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { db, disconnectDb, type DatabaseProvider, type PrismaClient } from "@/lib/server/db";
import { stopJobQueue } from "@/lib/server/jobs/job-queue";
import { migrateDatabase } from "../../../scripts/db/migrations.mjs";
import type { DatabaseTarget } from "../global-setup";

export interface TestDatabase {
  readonly provider: DatabaseProvider;
  /** This suite's database. DATABASE_URL points here while the suite runs. */
  readonly url: string;
  /** The client for it, which is also what `db()` returns meanwhile. */
  readonly db: PrismaClient;
}

export interface CreatedDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** An empty (or migrated) database of its own on `target`. */
export async function createTestDatabase(
  target: DatabaseTarget,
  { migrate = true }: { migrate?: boolean } = {},
): Promise<CreatedDatabase> {
  const created = target.provider === "sqlite" ? createSqliteDatabase() : await createPostgresDatabase(target.serverUrl);
  try {
    if (migrate) await migrateDatabase(created.url);
    return created;
  } catch (error) {
    await created.drop();
    throw error;
  }
}

function createSqliteDatabase(): CreatedDatabase {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "assay-test-db-"));
  const file = path.join(dir, "assay.db");
  // The app refuses to invent a missing database; an empty file is a database.
  fs.writeFileSync(file, "");
  return {
    url: `file:${file}`,
    drop: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

async function createPostgresDatabase(serverUrl: string): Promise<CreatedDatabase> {
  const name = `assay_test_${randomBytes(6).toString("hex")}`;
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function onServer(serverUrl: string, fn: (client: pg.Client) => Promise<unknown>) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Declares `describe(name)` once per available provider. Each gets a fresh
 * database (migrated unless `migrate: false`), DATABASE_URL pointing at it so
 * services that call `db()` use it, and everything is dropped afterwards.
 * An unavailable provider shows up as a skipped suite, with the reason.
 *
 *   forEachProvider("vendors", (t) => {
 *     it("creates one", async () => {
 *       await createVendor({ actor, ...input });
 *       expect(await t.db.vendor.count()).toBe(1);
 *     });
 *   });
 */
export function forEachProvider(
  name: string,
  fn: (t: TestDatabase) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const target of inject("databaseTargets")) {
    describe(`${name} [${target.provider}]`, () => {
      let created: CreatedDatabase | undefined;
      const previousUrl = process.env.DATABASE_URL;

      beforeAll(async () => {
        created = await createTestDatabase(target, options);
        process.env.DATABASE_URL = created.url;
      });

      afterAll(async () => {
        // Services reached this database through db(); close that client, and the job queue's.
        await stopJobQueue();
        await disconnectDb();
        if (previousUrl === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = previousUrl;
        await created?.drop();
      });

      fn({
        provider: target.provider,
        get url() {
          if (!created) throw new Error("the test database exists only inside hooks and tests");
          return created.url;
        },
        get db() {
          if (!created) throw new Error("the test database exists only inside hooks and tests");
          return db();
        },
      });
    });
  }

  for (const skipped of inject("skippedProviders")) {
    describe.skip(`${name} [${skipped.provider}] SKIPPED: ${skipped.reason}`, () => {
      fn({
        provider: skipped.provider,
        get url(): string {
          throw new Error(skipped.reason);
        },
        get db(): PrismaClient {
          throw new Error(skipped.reason);
        },
      });
    });
  }
}
