// Writes rows straight into tables with the driver, encoded as Prisma's
// adapters store them, in batches: the bench seeds 10,000 vendors this way,
// and the upgrade tests rebuild a database as an older release left it
// (tables the current client no longer has a model for).
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider } from "@/lib/server/db";
import { sqlitePathFromUrl } from "./providers.mjs";

type Row = Record<string, unknown>;

export interface RowWriter {
  insert(table: string, rows: Row[]): Promise<void>;
  close(): Promise<void>;
}

/** Same encoding as Prisma's adapters: on SQLite JSON as text and instants as ISO text; on PostgreSQL jsonb and timestamps. */
export async function rowWriter(url: string): Promise<RowWriter> {
  if (databaseProvider(url) === "sqlite") {
    const sqlite = new Database(sqlitePathFromUrl(url));
    const encode = (v: unknown) => (v instanceof Date ? v.toISOString().replace("Z", "+00:00") : typeof v === "object" && v !== null ? JSON.stringify(v) : typeof v === "boolean" ? Number(v) : v);
    return {
      async insert(table, rows) {
        if (rows.length === 0) return;
        const cols = Object.keys(rows[0]!);
        const stmt = sqlite.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`);
        sqlite.transaction(() => {
          for (const row of rows) stmt.run(...cols.map((c) => encode(row[c]) ?? null));
        })();
      },
      async close() {
        sqlite.close();
      },
    };
  }
  const pgClient = new pg.Client({ connectionString: url });
  await pgClient.connect();
  const encode = (v: unknown) => (typeof v === "bigint" ? v.toString() : v instanceof Date || v === null || typeof v !== "object" ? v : JSON.stringify(v));
  return {
    async insert(table, rows) {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0]!);
      const perStatement = Math.floor(60_000 / cols.length); // PostgreSQL allows 65,535 parameters
      for (let i = 0; i < rows.length; i += perStatement) {
        const chunk = rows.slice(i, i + perStatement);
        const values = chunk.map((_, r) => `(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(",")})`).join(",");
        await pgClient.query(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES ${values}`, chunk.flatMap((row) => cols.map((c) => encode(row[c]) ?? null)));
      }
    },
    async close() {
      await pgClient.end();
    },
  };
}
