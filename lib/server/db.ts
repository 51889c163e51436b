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
import { isRetryableTransactionError } from "./db-errors";
import { dbSettings, type DbSettings } from "./db-settings";
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
export function createPrismaClient(url: string, settings: DbSettings = dbSettings()): PrismaClient {
  const transactionOptions = { maxWait: settings.txMaxWaitMs, timeout: settings.txTimeoutMs };
  if (databaseProvider(url) === "postgresql") {
    const adapter = new PrismaPg({ connectionString: url, max: settings.poolSize, connectionTimeoutMillis: settings.poolTimeoutMs });
    const client = new PostgresPrismaClient({ adapter, transactionOptions });
    // Same models, same runtime; only the provider-specific type extras differ.
    return retryingTransactions(client as unknown as PrismaClient, settings.txRetries);
  }
  const file = sqlitePath(url);
  ensureWal(file);
  const adapter = new PrismaBetterSqlite3({ url: file, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return retryingTransactions(new PrismaClient({ adapter: serializeSqliteAdapter(adapter), transactionOptions }), settings.txRetries);
}

/**
 * Makes `client.$transaction(fn)` run `fn` again, after a short random pause,
 * when the transaction lost a serialization or lock race (db-errors.ts).
 * Every call site gets it, so no service can forget it. The function must
 * touch nothing but `tx` (the services' rule anyway): a rolled-back attempt
 * leaves no trace. Batch transactions (`$transaction([...])`) are not retried:
 * their queries cannot be issued twice.
 */
function retryingTransactions(client: PrismaClient, retries: number): PrismaClient {
  const original = client.$transaction.bind(client) as (arg: unknown, options?: unknown) => Promise<unknown>;
  const retrying = async (arg: unknown, options?: unknown) => {
    if (typeof arg !== "function") return original(arg, options);
    for (let attempt = 0; ; attempt++) {
      try {
        return await original(arg, options);
      } catch (error) {
        if (attempt >= retries || !isRetryableTransactionError(error)) throw error;
        await sleep(retryDelayMs(attempt));
      }
    }
  };
  Object.defineProperty(client, "$transaction", { value: retrying, configurable: true, writable: true });
  return client;
}

/** Exponential backoff with full jitter: racers that collided once do not collide again in lockstep. */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(1000, 25 * 2 ** attempt);
  return Math.round(random() * ceiling);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
