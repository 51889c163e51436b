// `npm run cli -- backup` taken while the app keeps writing (audited record
// saves and evidence uploads), then `restore` into an empty data directory
// and database: every audit event of the snapshot survives with its hash,
// the restored chain verifies, and every restored document has its evidence
// file with the right bytes. Runs the real CLI in a child process, like an
// operator would, against the real database of each provider.
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { verifyAuditChain } from "@/lib/server/audit-log/verify-chain";
import { createPrismaClient } from "@/lib/server/db";
import { saveDossierRecord } from "@/lib/server/services/dossier-records";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { createVendor } from "@/lib/server/services/vendors";
import { filesystemStoreIn } from "@/lib/server/storage/filesystem-store";
import { runCli } from "../cli/run-cli";
import { createTestDatabase, forEachProvider, type CreatedDatabase } from "../helpers/test-database";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";

const sha256 = (bytes: Buffer | string) => createHash("sha256").update(bytes).digest("hex");

forEachProvider("backup under write load, then restore", (t) => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "assay-backup-test-"));
  const dataDir = path.join(scratch, "data");
  const previousDataDir = process.env.ASSAY_DATA_DIR;
  let restoredDb: CreatedDatabase | undefined;

  beforeAll(async () => {
    process.env.ASSAY_DATA_DIR = dataDir;
    // As the first start writes it (auth-secret.ts).
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dataDir, "auth-secret"), randomBytes(48).toString("base64url"), { mode: 0o600 });
    await ensureSettings();
  });
  afterAll(async () => {
    if (previousDataDir === undefined) delete process.env.ASSAY_DATA_DIR;
    else process.env.ASSAY_DATA_DIR = previousDataDir;
    await restoredDb?.drop();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("keeps every event and evidence file of its snapshot, and the restored chain verifies", async () => {
    const procurement = await makeActor("procurement");
    const security = await makeActor("security");
    const vendor = await createVendor({ actor: procurement, input: { ...validVendor, name: "Backed up" } });
    const store = filesystemStoreIn(dataDir);
    let uploads = 0;
    const upload = () =>
      uploadEvidence({
        actor: security,
        input: { vendorId: vendor.id, kind: "other", effectiveDate: "2026-01-15", title: `Note ${++uploads}` },
        stream: Readable.from([Buffer.from(`evidence note ${uploads} ${"x".repeat(5000)}\n`)]),
        declaredName: `note-${uploads}.txt`,
        store,
      });
    for (let i = 0; i < 5; i++) await upload();

    // Writes keep landing while the backup runs in another process.
    let writing = true;
    let writes = 0;
    const load = (async () => {
      while (writing) {
        await saveDossierRecord({ actor: procurement, input: { vendorId: vendor.id, kind: "site", data: { country: "PH", city: `City ${writes}`, mode: "onsite", headcount: 10 + writes } } });
        if (writes % 3 === 0) await upload();
        writes += 1;
      }
    })();
    await waitFor(() => writes >= 3);
    const backupDir = path.join(scratch, "backup");
    const backup = await runCli(["backup", backupDir], { DATABASE_URL: t.url, ASSAY_DATA_DIR: dataDir });
    const writesDuringBackup = writes;
    await waitFor(() => writes >= writesDuringBackup + 3);
    writing = false;
    await load;
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, "backup.json"), "utf8"));
    const sourceEvents = await t.db.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true } });
    // The source kept writing after the snapshot: the backup is a strict prefix of it.
    expect(manifest.auditEvents).toBeGreaterThan(5);
    expect(sourceEvents.length).toBeGreaterThan(manifest.auditEvents);
    expect(manifest.secrets.map((s: { path: string }) => s.path)).toEqual(expect.arrayContaining(["secrets/auth-secret"]));

    const target = inject("databaseTargets").find((d) => d.provider === t.provider)!;
    restoredDb = await createTestDatabase(target, { migrate: false });
    const restoredDataDir = path.join(scratch, "restored");
    const restore = await runCli(["restore", backupDir], { DATABASE_URL: restoredDb.url, ASSAY_DATA_DIR: restoredDataDir });
    expect(restore.stderr).toBe("");
    expect(restore.code).toBe(0);
    expect(restore.stdout).toMatch(/audit chain OK/);

    const restored = createPrismaClient(restoredDb.url);
    try {
      const events = await restored.auditEvent.findMany({ orderBy: { id: "asc" }, select: { id: true, hash: true } });
      expect(events).toEqual(sourceEvents.slice(0, manifest.auditEvents));
      expect((await verifyAuditChain(restored)).ok).toBe(true);
      const documents = await restored.evidenceDocument.findMany({ select: { sha256: true } });
      expect(documents.length).toBe(manifest.documents);
      expect(documents.length).toBeGreaterThan(5);
      for (const { sha256: sha } of documents) {
        const file = path.join(restoredDataDir, "evidence", sha.slice(0, 2), sha);
        expect(sha256(fs.readFileSync(file))).toBe(sha);
      }
      expect(fs.readFileSync(path.join(restoredDataDir, "auth-secret"), "utf8")).toBe(fs.readFileSync(path.join(dataDir, "auth-secret"), "utf8"));
    } finally {
      await restored.$disconnect();
    }

    // Restoring over existing data is refused, and nothing is touched.
    const again = await runCli(["restore", backupDir], { DATABASE_URL: restoredDb.url, ASSAY_DATA_DIR: restoredDataDir });
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/already exists|not empty/);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 30_000) {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
