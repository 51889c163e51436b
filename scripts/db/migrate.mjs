#!/usr/bin/env node
// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the
// SQLite file in the data dir when it is unset.
import { migrateDatabase } from "./migrations.mjs";
import { defaultDatabaseUrl, providerFromUrl, sqlitePathFromUrl } from "./providers.mjs";

/** Where, without the password a PostgreSQL URL may carry. */
function describe(/** @type {string} */ url) {
  if (providerFromUrl(url) === "sqlite") return `SQLite ${sqlitePathFromUrl(url)}`;
  const parsed = new URL(url);
  return `PostgreSQL ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}${parsed.pathname}`;
}

async function main() {
  const url = process.env.DATABASE_URL || defaultDatabaseUrl();
  const started = performance.now();
  const applied = await migrateDatabase(url);
  const elapsed = `${Math.round(performance.now() - started)} ms`;
  if (applied.length === 0) {
    console.log(`db:migrate: ${describe(url)} is up to date (${elapsed})`);
    return;
  }
  for (const name of applied) console.log(`db:migrate: applied ${name}`);
  console.log(`db:migrate: ${describe(url)} migrated (${elapsed})`);
}

main().catch((error) => {
  console.error(`db:migrate failed: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
