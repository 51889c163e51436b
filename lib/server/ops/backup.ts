import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqlitePath, type DatabaseProvider } from "../db";
import { filesystemStoreIn } from "../storage/filesystem-store";
import { findPgTool, pgConnection } from "./pg-tools";

// `npm run cli -- backup <dir>`: a consistent copy of a running Assay.
//
// The database is copied from one snapshot while the server keeps writing:
// SQLite through its online backup API (never `cp assay.db`, which can copy a
// file half-way through a write and lose committed events), PostgreSQL
// through pg_dump from an exported snapshot. The evidence files copied are
// exactly those the snapshot's documents point at: blobs are immutable and
// named by their SHA-256, so a file stored after the snapshot is not needed
// and every document in the copy has its bytes. The session secret and the
// pack signing key of the data directory come along, so a restored server
// keeps its sessions and its packs still verify against the same key.
// backup.json, written last, lists every file with its SHA-256: a folder
// without it is an interrupted backup.

export const MANIFEST = "backup.json";
const SQLITE_FILE = "assay.db";
const PG_DUMP_FILE = "assay.pgdump";
const SECRET_FILES = ["auth-secret"];
const KEYS_DIR = "keys";

export interface BackupFile {
  /** Path inside the backup folder, with forward slashes. */
  path: string;
  sha256: string;
  sizeBytes: number;
}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  provider: DatabaseProvider;
  database: BackupFile;
  /** "database" when evidence bytes live in the database (ASSAY_EVIDENCE_STORE=database): the dump holds them. */
  evidenceStore: "filesystem" | "database";
  evidence: BackupFile[];
  /** The auth secret and signing keys of the data directory (absent when set through the environment). */
  secrets: BackupFile[];
  auditEvents: number;
  documents: number;
}

export interface BackupSource {
  databaseUrl: string;
  dataDir: string;
  evidenceStore: "filesystem" | "database";
}

/** What one snapshot of the database holds that the rest of the backup depends on. */
interface SnapshotFacts {
  evidenceSha256: string[];
  auditEvents: number;
  documents: number;
}

export async function takeBackup(target: string, source: BackupSource, now = new Date()): Promise<BackupManifest> {
  await prepareEmptyDir(target);
  const provider = databaseProvider(source.databaseUrl);
  const facts = provider === "sqlite" ? await backupSqlite(source.databaseUrl, path.join(target, SQLITE_FILE)) : await backupPostgres(source.databaseUrl, path.join(target, PG_DUMP_FILE));
  const database = await describeFile(target, provider === "sqlite" ? SQLITE_FILE : PG_DUMP_FILE);
  const evidence = source.evidenceStore === "filesystem" ? await copyEvidence(source.dataDir, target, facts.evidenceSha256) : [];
  const secrets = await copySecrets(source.dataDir, target);
  const manifest: BackupManifest = {
    format: 1,
    createdAt: now.toISOString(),
    provider,
    database,
    evidenceStore: source.evidenceStore,
    evidence,
    secrets,
    auditEvents: facts.auditEvents,
    documents: facts.documents,
  };
  await writePrivate(path.join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function prepareEmptyDir(dir: string) {
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const entries = await fs.readdir(dir);
  if (entries.length > 0) throw new Error(`${dir} is not empty: back up into a new folder, so an older backup is never mixed in.`);
}

/** One step of SQLite's online backup API: the whole file from one read snapshot, while writers carry on (WAL). */
async function backupSqlite(url: string, file: string): Promise<SnapshotFacts> {
  const source = new Database(sqlitePath(url), { readonly: true, fileMustExist: true, timeout: 5000 });
  try {
    // Every page in one step: a multi-step backup restarts whenever a writer commits, and could chase a busy server for ever.
    await source.backup(file, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  await fs.chmod(file, 0o600);
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      evidenceSha256: copy.prepare(`SELECT DISTINCT "sha256" FROM "EvidenceDocument"`).pluck().all() as string[],
      auditEvents: copy.prepare(`SELECT COUNT(*) FROM "AuditEvent"`).pluck().get() as number,
      documents: copy.prepare(`SELECT COUNT(*) FROM "EvidenceDocument"`).pluck().get() as number,
    };
  } finally {
    copy.close();
  }
}

/**
 * pg_dump of a snapshot this connection exports and holds open, so the list
 * of evidence files is read from exactly the state the dump contains.
 */
async function backupPostgres(url: string, file: string): Promise<SnapshotFacts> {
  const pgDump = findPgTool("pg_dump");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const snapshot = (await client.query<{ id: string }>("SELECT pg_export_snapshot() AS id")).rows[0]!.id;
    const shas = await client.query<{ sha256: string }>(`SELECT DISTINCT "sha256" FROM "EvidenceDocument"`);
    const counts = await client.query<{ events: string; documents: string }>(
      `SELECT (SELECT COUNT(*) FROM "AuditEvent") AS events, (SELECT COUNT(*) FROM "EvidenceDocument") AS documents`,
    );
    const connection = pgConnection(url);
    await run(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--snapshot=${snapshot}`, `--file=${file}`, ...connection.args], connection.env);
    await client.query("COMMIT");
    await fs.chmod(file, 0o600);
    return { evidenceSha256: shas.rows.map((r) => r.sha256), auditEvents: Number(counts.rows[0]!.events), documents: Number(counts.rows[0]!.documents) };
  } finally {
    await client.end();
  }
}

/** Copies each blob out of the store, checking its bytes against its name on the way. */
async function copyEvidence(dataDir: string, target: string, shas: string[]): Promise<BackupFile[]> {
  const store = filesystemStoreIn(dataDir);
  const files: BackupFile[] = [];
  const missing: string[] = [];
  for (const sha256 of [...shas].sort()) {
    const relative = evidencePath(sha256);
    if (!(await store.has(sha256))) {
      missing.push(sha256);
      continue;
    }
    const dest = path.join(target, relative);
    await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
    const hash = createHash("sha256");
    let sizeBytes = 0;
    const source = await store.get(sha256);
    await pipeline(
      source,
      async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          sizeBytes += chunk.length;
          yield chunk;
        }
      },
      (await fs.open(dest, "wx", 0o600)).createWriteStream(),
    );
    const actual = hash.digest("hex");
    if (actual !== sha256) throw new Error(`Evidence file ${sha256} does not match its hash (read ${actual}); run check-store before backing up.`);
    files.push({ path: relative, sha256, sizeBytes });
  }
  if (missing.length > 0) {
    throw new Error(`${missing.length} evidence file(s) that documents point at are missing from the store (first: ${missing[0]}); the backup is incomplete.`);
  }
  return files;
}

/** Where a blob sits inside a backup folder (the same layout as the filesystem store). */
export function evidencePath(sha256: string): string {
  return `evidence/${sha256.slice(0, 2)}/${sha256}`;
}

async function copySecrets(dataDir: string, target: string): Promise<BackupFile[]> {
  const names = [...SECRET_FILES];
  const keyNames = await fs.readdir(path.join(dataDir, KEYS_DIR)).catch(() => [] as string[]);
  names.push(...keyNames.sort().map((name) => `${KEYS_DIR}/${name}`));
  const files: BackupFile[] = [];
  for (const name of names) {
    const from = path.join(dataDir, name);
    const stat = await fs.stat(from).catch(() => null);
    if (!stat?.isFile()) continue;
    const dest = path.join(target, "secrets", name);
    await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
    await fs.copyFile(from, dest);
    await fs.chmod(dest, 0o600);
    files.push(await describeFile(target, `secrets/${name}`));
  }
  return files;
}

export async function describeFile(root: string, relative: string): Promise<BackupFile> {
  const file = path.join(root, relative);
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  const { size } = await fs.stat(file);
  return { path: relative, sha256: hash.digest("hex"), sizeBytes: size };
}

async function writePrivate(file: string, content: string) {
  const handle = await fs.open(file, "wx", 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Runs a tool, failing with its stderr; arguments never go through a shell. */
export function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}): ${stderr.trim()}`))));
  });
}
