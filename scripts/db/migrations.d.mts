// Types for migrations.mjs, which stays plain JS so it runs without a build.
import type { MigrationList } from "@prisma/schema-engine-wasm";

export type Provider = "sqlite" | "postgresql";

/** The exact migration_lock.toml text the native Prisma CLI writes. */
export function lockfileContent(provider: Provider): string;

/** The committed migrations of one provider, in the schema engine's input format. */
export function readMigrationsList(provider: Provider): MigrationList;

/**
 * Applies the pending migrations of the provider named by the URL
 * (`file:...` or `postgresql://...`). Idempotent.
 * `upTo` stops at that migration folder (inclusive), as an older release left the database.
 * @returns names of the migrations applied by this call
 */
export function migrateDatabase(url: string, options?: { upTo?: string }): Promise<string[]>;

/**
 * SQL from the committed history of `provider` to the current schema, or ""
 * when they agree. PostgreSQL needs `serverUrl` for its shadow database.
 * `source` replaces prisma/schema.prisma (tests).
 */
export function pendingSchemaSql(provider: Provider, options?: { serverUrl?: string; source?: string }): Promise<string>;

/** Global search's SQLite FTS5 tables, which Prisma's diff must leave alone. */
export const SEARCH_FTS_TABLES: readonly string[];

/** What the schema engine treats as managed outside prisma/schema.prisma (SQLite: bare table names). */
export function schemaFiltersFor(provider: Provider): { externalTables: string[]; externalEnums: string[] };
