// One throwaway PostgreSQL database for a bench: a fresh cluster on loopback
// (the test harness's), one empty database in it, stopped afterwards. Null when
// the PostgreSQL binaries are not installed; the caller says it skipped.
import pg from "pg";
import { findPostgresBinaries, startPostgresCluster } from "../../tests/integration/helpers/postgres-cluster";

export async function withPostgresDatabase<T>(name: string, run: (url: string) => Promise<T>): Promise<{ skipped: string } | { result: T }> {
  const binaries = findPostgresBinaries();
  if ("missing" in binaries) return { skipped: binaries.missing };
  const cluster = await startPostgresCluster(binaries.binDir);
  try {
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = `/${name}`;
    return { result: await run(url.toString()) };
  } finally {
    await cluster.stop();
  }
}
