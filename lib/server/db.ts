// The one way to the database. No Next imports (and no "server-only"): the
// CLI, the seed and vitest import this too.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import { PrismaClient as PostgresPrismaClient } from "../generated/prisma/postgresql/client";
import { Prisma, PrismaClient } from "../generated/prisma/sqlite/client";
import { dataDir } from "./data-dir";
import { serializeSqliteAdapter } from "./serialize-sqlite-adapter";

export { Prisma, PrismaClient };

/** A transaction client, or the client itself: services accept either. */
export type Tx = Prisma.TransactionClient;

export type DatabaseProvider = "sqlite" | "postgresql";

/** How long a SQLite statement waits for another process's write lock. */
const SQLITE_BUSY_TIMEOUT_MS = 5000;

/** DATABASE_URL, or the SQLite file in the data directory. */
export function databaseUrl(): string {
  return process.env.DATABASE_URL || `file:${path.join(dataDir(), "assay.db")}`;
}

export function databaseProvider(url: string): DatabaseProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgresql://") || url.startsWith("postgres://")) return "postgresql";
  // Never echo the URL: it may carry a password.
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
}

/** Same rules as scripts/db/providers.mjs, which migrates the same file. */
export function sqlitePath(url: string): string {
  const withoutQuery = url.replace(/\?.*$/, "");
  return withoutQuery.startsWith("file://")
    ? fileURLToPath(withoutQuery)
    : path.resolve(withoutQuery.slice("file:".length));
}

/**
 * A client for `url` with the matching driver adapter. Typed as the SQLite
 * client on both providers: the models are generated from one source, and the
 * SQLite types leave out PostgreSQL-only options (`mode: "insensitive"`,
 * `skipDuplicates`). One trap remains: Json `path` filters take a string on
 * SQLite and an array on PostgreSQL, so do not filter on Json paths.
 */
export function createPrismaClient(url: string): PrismaClient {
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    // Same models, same runtime; only the provider-specific type extras differ.
    return client as unknown as PrismaClient;
  }
  const file = sqlitePath(url);
  ensureWal(file);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return new PrismaClient({ adapter: serializeSqliteAdapter(adapter) });
}

/**
 * WAL lets readers proceed while one request writes. The migrator already sets
 * it (it is stored in the file); this covers a file created some other way,
 * and refuses to create an empty database that would fail on the first query.
 */
function ensureWal(file: string) {
  let connection: Database.Database;
  try {
    connection = new Database(file, { fileMustExist: true, timeout: SQLITE_BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new Error(`No database at ${file}: run \`npm run db:migrate\` first.`, { cause: error });
  }
  try {
    if (connection.pragma("journal_mode", { simple: true }) !== "wal") connection.pragma("journal_mode = WAL");
  } finally {
    connection.close();
  }
}

const cache = globalThis as unknown as { assayDb?: { url: string; client: PrismaClient } };

/**
 * The process-wide client for databaseUrl(). Kept on globalThis so Next's dev
 * hot reload does not open a new pool per edit. A changed DATABASE_URL (tests
 * point each suite at its own database) gets a new client; the old one is
 * left to whoever changed the URL to disconnect.
 */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (cache.assayDb?.url !== url) cache.assayDb = { url, client: createPrismaClient(url) };
  return cache.assayDb.client;
}

/** Closes the process-wide client, if any; the next db() opens a new one. */
export async function disconnectDb(): Promise<void> {
  const current = cache.assayDb;
  cache.assayDb = undefined;
  await current?.client.$disconnect();
}
