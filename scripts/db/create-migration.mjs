#!/usr/bin/env node
// `npm run db:migration -- <name>`: writes the SQL that takes each provider's
// committed history to the current prisma/schema.prisma, as
// prisma/migrations/<provider>/<timestamp>_<name>/migration.sql.
//
// Every provider gets a folder with the same name, or none does: histories
// that drift apart would mean the two databases no longer hold the same models.
// Runs under tsx (see package.json) because the PostgreSQL shadow server comes
// from the test harness, which is TypeScript.
import fs from "node:fs";
import path from "node:path";
import { PROVIDERS, migrationsDirFor, repoRoot } from "./providers.mjs";
import { lockfileContent, pendingSchemaSql } from "./migrations.mjs";

function migrationName() {
  const raw = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
  const name = (raw ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
  if (!name) {
    console.error("usage: npm run db:migration -- <name>   (e.g. add_vendor_contacts)");
    process.exit(2);
  }
  return name;
}

/** Like Prisma's own folder names: UTC, to the second. */
function timestamp(now = new Date()) {
  return now.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

/**
 * A PostgreSQL server to replay the history on. The adapter creates its own
 * temporary shadow database there, so any server where we may CREATE DATABASE
 * will do.
 * @returns {Promise<{ url: string, stop: () => Promise<void> }>}
 */
async function postgresServer() {
  const given = process.env.SHADOW_DATABASE_URL || process.env.TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const { findPostgresBinaries, startPostgresCluster } = await import(
    "../../tests/integration/helpers/postgres-cluster.ts"
  );
  const binaries = findPostgresBinaries();
  if ("missing" in binaries) {
    throw new Error(
      `PostgreSQL is needed to write its migration too: ${binaries.missing}. ` +
        "Set SHADOW_DATABASE_URL to a server where you may CREATE DATABASE.",
    );
  }
  return startPostgresCluster(binaries.binDir);
}

async function main() {
  const name = migrationName();
  const folder = `${timestamp()}_${name}`;

  /** @type {Map<string, string>} */
  const sqlByProvider = new Map();
  for (const provider of PROVIDERS) {
    if (provider === "sqlite") {
      sqlByProvider.set(provider, await pendingSchemaSql(provider));
      continue;
    }
    const server = await postgresServer();
    try {
      sqlByProvider.set(provider, await pendingSchemaSql(provider, { serverUrl: server.url }));
    } finally {
      await server.stop();
    }
  }

  for (const [provider, sql] of sqlByProvider) {
    if (!sql) {
      console.log(`${provider}: no changes`);
      continue;
    }
    const baseDir = migrationsDirFor(/** @type {"sqlite" | "postgresql"} */ (provider));
    const dir = path.join(baseDir, folder);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "migration.sql"), sql.endsWith("\n") ? sql : `${sql}\n`);
    fs.writeFileSync(path.join(baseDir, "migration_lock.toml"), lockfileContent(/** @type {any} */ (provider)));
    console.log(`${provider}: wrote ${path.relative(repoRoot, path.join(dir, "migration.sql"))}`);
  }
  const changed = [...sqlByProvider.values()].filter(Boolean).length;
  if (changed > 0 && changed < sqlByProvider.size) {
    // Possible after someone hand-edited one provider's history; say so.
    console.warn("warning: only some providers changed; check that the histories still describe the same schema");
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
