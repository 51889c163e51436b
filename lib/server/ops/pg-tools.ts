import fs from "node:fs";
import path from "node:path";

// pg_dump and pg_restore for backups. They come with PostgreSQL's client
// package; backing up a PostgreSQL Assay needs them installed (Debian:
// postgresql-client, matching or newer than the server's major version).

/** PG_BIN, then the PATH, then Debian's versioned folders (newest first). */
export function findPgTool(name: "pg_dump" | "pg_restore"): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(path.join(process.env.PG_BIN, name));
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) if (dir) candidates.push(path.join(dir, name));
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const versions = fs.readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => path.join(debian, v, "bin", name)));
  }
  const found = candidates.find((file) => fs.existsSync(file));
  if (!found) throw new Error(`${name} was not found (install PostgreSQL's client tools, e.g. Debian's postgresql-client, or set PG_BIN).`);
  return found;
}

/**
 * Connection arguments for a PostgreSQL tool. The password goes through the
 * environment (PGPASSWORD), never the command line, where `ps` would show it.
 */
export function pgConnection(url: string): { args: string[]; env: Record<string, string> } {
  const parsed = new URL(url);
  const env: Record<string, string> = {};
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = "";
  return { args: [`--dbname=${parsed.toString()}`], env };
}
