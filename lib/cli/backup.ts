// `backup <dir>` and `restore <dir>`: see lib/server/ops/backup.ts and
// restore.ts. Both work on the configured installation: DATABASE_URL (or the
// SQLite file) and ASSAY_DATA_DIR (or ./data).
import path from "node:path";
import { dataDir } from "@/lib/server/data-dir";
import { databaseUrl, disconnectDb } from "@/lib/server/db";
import { takeBackup } from "@/lib/server/ops/backup";
import { restoreBackup } from "@/lib/server/ops/restore";

export async function backupCommand(args: string[]): Promise<number> {
  const [dir] = args;
  if (!dir) {
    console.error("usage: npm run cli -- backup <new-or-empty-dir>");
    return 2;
  }
  const target = path.resolve(dir);
  const manifest = await takeBackup(target, {
    databaseUrl: databaseUrl(),
    dataDir: dataDir(),
    evidenceStore: process.env.ASSAY_EVIDENCE_STORE === "database" ? "database" : "filesystem",
  });
  console.log(
    `Backed up to ${target}: ${manifest.provider} database (${manifest.auditEvents} audit events, ${manifest.documents} documents), ` +
      `${manifest.evidence.length} evidence files, ${manifest.secrets.length} secret/key files.`,
  );
  if (process.env.AUTH_SECRET || process.env.NEXTAUTH_SECRET || process.env.ASSAY_SIGNING_KEY_PEM || process.env.ASSAY_SIGNING_KEY_FILE) {
    console.log("Note: the auth secret or signing key set through the environment is not in the backup; keep it with your secrets.");
  }
  return 0;
}

export async function restoreCommand(args: string[]): Promise<number> {
  const [dir] = args;
  if (!dir) {
    console.error("usage: npm run cli -- restore <backup-dir>   (into an empty ASSAY_DATA_DIR and an empty DATABASE_URL database)");
    return 2;
  }
  try {
    const report = await restoreBackup(path.resolve(dir), { databaseUrl: databaseUrl(), dataDir: dataDir() });
    console.log(
      `Restored and verified: audit chain OK (${report.auditEvents} events, head ${report.chainHead}), ` +
        `${report.documents} documents with ${report.evidenceFiles} evidence files, ${report.secrets} secret/key files.`,
    );
    return 0;
  } finally {
    await disconnectDb();
  }
}
