// Decides which databases the integration tests run on: SQLite always,
// PostgreSQL from TEST_DATABASE_URL or a throwaway cluster started here.
// Without PostgreSQL a local run says so loudly and goes on; CI fails, because
// a green CI run that never touched PostgreSQL would be a lie.
import type { TestProject } from "vitest/node";
import { findPostgresBinaries, startPostgresCluster, type PostgresCluster } from "./helpers/postgres-cluster";

export type DatabaseTarget =
  | { provider: "sqlite" }
  /** serverUrl: a database on a server where the tests may CREATE DATABASE. */
  | { provider: "postgresql"; serverUrl: string };

export interface SkippedProvider {
  provider: "postgresql";
  reason: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTargets: DatabaseTarget[];
    skippedProviders: SkippedProvider[];
  }
}

export default async function setup(project: TestProject) {
  const targets: DatabaseTarget[] = [{ provider: "sqlite" }];
  const skipped: SkippedProvider[] = [];
  let cluster: PostgresCluster | undefined;

  if (process.env.TEST_DATABASE_URL) {
    targets.push({ provider: "postgresql", serverUrl: process.env.TEST_DATABASE_URL });
  } else {
    const binaries = findPostgresBinaries();
    if ("binDir" in binaries) {
      // Binaries that exist but fail to start are a broken machine, not an
      // absent database: that fails the run everywhere.
      cluster = await startPostgresCluster(binaries.binDir);
      targets.push({ provider: "postgresql", serverUrl: cluster.url });
    } else {
      skipped.push({ provider: "postgresql", reason: binaries.missing });
    }
  }

  for (const { reason } of skipped) {
    if (process.env.CI === "true") {
      throw new Error(`PostgreSQL integration tests cannot run in CI: ${reason}`);
    }
    const line = `PostgreSQL integration tests SKIPPED: ${reason}`;
    console.warn(`\n${"!".repeat(line.length)}\n${line}\n${"!".repeat(line.length)}\n`);
  }

  project.provide("databaseTargets", targets);
  project.provide("skippedProviders", skipped);

  return async () => {
    await cluster?.stop();
  };
}
