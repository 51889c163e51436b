import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describeVerification, verifyAuditChain } from "../audit-log/verify-chain";
import { createPrismaClient, databaseProvider, sqlitePath } from "../db";
import { filesystemStoreIn } from "../storage/filesystem-store";
import { describeFile, MANIFEST, run, type BackupFile, type BackupManifest } from "./backup";
import { findPgTool, pgConnection } from "./pg-tools";

// `npm run cli -- restore <dir>`: puts a backup (backup.ts) into an empty data
// directory and an empty database, then proves it: every file matches the
// manifest before anything is written, and afterwards the audit chain
// verifies, the event count is the one backed up, and every document's
// evidence file is in the store with its hash. Restoring into a scratch data
// directory and database is the rehearsal; nothing existing is overwritten.

export interface RestoreTarget {
  databaseUrl: string;
  dataDir: string;
}

export interface RestoreReport {
  auditEvents: number;
  chainHead: string;
  documents: number;
  evidenceFiles: number;
  secrets: number;
}

export async function restoreBackup(source: string, target: RestoreTarget): Promise<RestoreReport> {
  const manifest = await readManifest(source);
  const provider = databaseProvider(target.databaseUrl);
  if (provider !== manifest.provider) throw new Error(`This backup is of a ${manifest.provider} database; DATABASE_URL points at ${provider}.`);
  for (const file of [manifest.database, ...manifest.evidence, ...manifest.secrets]) await checkFile(source, file);

  await fs.mkdir(target.dataDir, { recursive: true, mode: 0o700 });
  if (provider === "sqlite") await restoreSqlite(path.join(source, manifest.database.path), sqlitePath(target.databaseUrl));
  else await restorePostgres(path.join(source, manifest.database.path), target.databaseUrl);
  const evidenceFiles = await restoreEvidence(source, target.dataDir, manifest.evidence);
  for (const secret of manifest.secrets) await restoreSecret(source, target.dataDir, secret);
  return { ...(await verifyRestored(target, manifest)), evidenceFiles, secrets: manifest.secrets.length };
}

async function readManifest(source: string): Promise<BackupManifest> {
  const text = await fs.readFile(path.join(source, MANIFEST), "utf8").catch(() => {
    throw new Error(`${source} has no ${MANIFEST}: it is not a backup, or the backup did not finish.`);
  });
  const manifest = JSON.parse(text) as BackupManifest;
  if (manifest.format !== 1) throw new Error(`Unknown backup format ${String(manifest.format)}.`);
  return manifest;
}

async function checkFile(root: string, expected: BackupFile) {
  if (expected.path.split("/").includes("..") || path.isAbsolute(expected.path)) throw new Error(`Backup lists an unsafe path: ${expected.path}`);
  const actual = await describeFile(root, expected.path).catch(() => null);
  if (!actual) throw new Error(`Backup file ${expected.path} is missing.`);
  if (actual.sha256 !== expected.sha256 || actual.sizeBytes !== expected.sizeBytes) throw new Error(`Backup file ${expected.path} does not match the manifest: the backup is damaged.`);
}

async function restoreSqlite(from: string, to: string) {
  const existing = await fs.stat(to).catch(() => null);
  // An empty file is what a fresh install leaves; anything else is someone's data.
  if (existing && existing.size > 0) throw new Error(`${to} already exists: restore into an empty data directory (move the old one aside first).`);
  await fs.mkdir(path.dirname(to), { recursive: true, mode: 0o700 });
  const handle = await fs.open(to, "w", 0o600);
  try {
    await handle.writeFile(await fs.readFile(from));
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function restorePostgres(from: string, url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(`SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    if (Number(rows[0]!.n) > 0) throw new Error("The database DATABASE_URL points at is not empty: restore into a new, empty database.");
  } finally {
    await client.end();
  }
  const connection = pgConnection(url);
  await run(findPgTool("pg_restore"), ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", ...connection.args, from], connection.env);
}

async function restoreEvidence(source: string, dataDir: string, files: BackupFile[]): Promise<number> {
  const store = filesystemStoreIn(dataDir);
  for (const file of files) {
    const put = await store.put(createReadStream(path.join(source, file.path)), { maxBytes: file.sizeBytes });
    if (put.sha256 !== file.sha256) throw new Error(`Evidence file ${file.path} changed while restoring.`);
  }
  return files.length;
}

async function restoreSecret(source: string, dataDir: string, file: BackupFile) {
  const relative = file.path.replace(/^secrets\//, "");
  const dest = path.join(dataDir, relative);
  const content = await fs.readFile(path.join(source, file.path));
  const existing = await fs.readFile(dest).catch(() => null);
  if (existing && !existing.equals(content)) throw new Error(`${dest} exists and differs from the backup's copy; move it aside to restore.`);
  if (existing) return;
  await fs.mkdir(path.dirname(dest), { recursive: true, mode: 0o700 });
  await fs.writeFile(dest, content, { mode: 0o600, flag: "wx" });
}

async function verifyRestored(target: RestoreTarget, manifest: BackupManifest) {
  const client = createPrismaClient(target.databaseUrl);
  try {
    const chain = await verifyAuditChain(client);
    if (!chain.ok) throw new Error(`The restored audit chain does not verify: ${describeVerification(chain)}`);
    const auditEvents = await client.auditEvent.count();
    if (auditEvents !== manifest.auditEvents) throw new Error(`The restored database holds ${auditEvents} audit events; the backup recorded ${manifest.auditEvents}.`);
    const documents = await client.evidenceDocument.findMany({ select: { sha256: true } });
    if (manifest.evidenceStore === "filesystem") {
      const store = filesystemStoreIn(target.dataDir);
      for (const { sha256 } of documents) {
        if (!(await store.has(sha256))) throw new Error(`Evidence file ${sha256} of a restored document is missing.`);
      }
    }
    return { auditEvents, chainHead: chain.headHash, documents: documents.length };
  } finally {
    await client.$disconnect();
  }
}
