// kill -9 at every step of an upload, on both providers and both evidence
// stores: afterwards the orphan sweep and check-store must leave either
// nothing at all or one complete document whose bytes match its hash.
// The upload runs in a child process through the real service
// (children/upload-evidence.ts) and SIGKILLs itself at the named step.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/actor";
import { createVendor } from "@/lib/server/services/vendors";
import { checkStore, storeProblems } from "@/lib/server/storage/check-store";
import type { CrashPoint } from "@/lib/server/storage/crash-point";
import { evidenceStore } from "@/lib/server/storage/evidence-store";
import { sweepOrphans } from "@/lib/server/storage/sweep-orphans";
import { ROOT, runCli } from "../cli/run-cli";
import { ensureSettings, makeActor, validVendor } from "../helpers/fixtures";
import { forEachProvider } from "../helpers/test-database";

/** Three 1 MiB database chunks, so "staged" is mid-upload on the database store too. */
const UPLOAD_BYTES = 2 * 1024 * 1024 + 4321;
const POINTS: CrashPoint[] = ["upload.staged", "upload.blob-committed", "upload.document-committed"];
const STORES = ["filesystem", "database"] as const;

function runChild(env: Record<string, string>, args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "tests/integration/storage/children/upload-evidence.ts"), ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "test", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

forEachProvider("upload crash points", (t) => {
  let sandbox: string;
  let actor: Actor;
  let vendorId: string;
  const saved = { store: process.env.ASSAY_EVIDENCE_STORE, dataDir: process.env.ASSAY_DATA_DIR };

  beforeAll(async () => {
    sandbox = await mkdtemp(path.join(tmpdir(), "assay-upload-crash-"));
    await ensureSettings();
    actor = await makeActor("security");
    const procurement = await makeActor("procurement");
    vendorId = (await createVendor({ actor: procurement, input: { ...validVendor, name: "Crash Test Vendor" } })).id;
  });

  afterAll(async () => {
    for (const [key, value] of [["ASSAY_EVIDENCE_STORE", saved.store], ["ASSAY_DATA_DIR", saved.dataDir]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    await rm(sandbox, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await t.db.evidenceDocument.deleteMany({});
    await t.db.evidenceBlob.deleteMany({});
    await t.db.evidenceBlobChunk.deleteMany({});
  });

  for (const storeKind of STORES) {
    describe(`${storeKind} store`, () => {
      for (const point of POINTS) {
        it(`kill -9 at ${point} leaves nothing or a complete document once swept`, async () => {
          const dataDir = await mkdtemp(path.join(sandbox, `${storeKind}-`));
          const env = { DATABASE_URL: t.url, ASSAY_DATA_DIR: dataDir, ASSAY_EVIDENCE_STORE: storeKind === "database" ? "database" : "filesystem" };
          process.env.ASSAY_DATA_DIR = env.ASSAY_DATA_DIR;
          process.env.ASSAY_EVIDENCE_STORE = env.ASSAY_EVIDENCE_STORE;

          const child = await runChild({ ...env, ASSAY_CRASH_AT: point }, [JSON.stringify(actor), vendorId, String(UPLOAD_BYTES)]);
          // The child really died at the step, rather than finishing or failing.
          expect(child.signal, child.stderr).toBe("SIGKILL");

          const store = evidenceStore();
          const before = await checkStore({ store, client: t.db });
          const staged = storeKind === "database" ? await t.db.evidenceBlobChunk.count() : (await readdir(path.join(dataDir, "evidence", "tmp")).catch(() => [])).length;
          if (point === "upload.staged") {
            // Bytes were written somewhere, but nothing anyone can see.
            expect(staged).toBeGreaterThan(0);
            expect(before).toMatchObject({ documents: 0, blobs: 0 });
          } else if (point === "upload.blob-committed") {
            // The window the sweeper exists for: bytes no row points at, reported by check-store.
            expect(before.documents).toBe(0);
            expect(before.bytesWithoutRows).toHaveLength(1);
            const cli = await runCli(["check-store"], env);
            expect(cli.code, cli.stderr).toBe(1);
            expect(cli.stdout).toContain("bytes without rows: 1");
          } else {
            expect(storeProblems(before)).toBe(0);
            expect(before).toMatchObject({ documents: 1, blobs: 1 });
          }

          // The sweep with the grace period already over (a later run of the schedule).
          await sweepOrphans({ store, client: t.db, graceMs: 0, now: new Date(Date.now() + 1000), scratchDir: sandbox });

          const after = await checkStore({ store, client: t.db });
          expect(storeProblems(after), JSON.stringify(after)).toBe(0);
          const documents = await t.db.evidenceDocument.findMany({ where: { vendorId } });
          if (point === "upload.document-committed") {
            expect(documents).toHaveLength(1);
            expect(documents[0]).toMatchObject({ sizeBytes: UPLOAD_BYTES, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
            expect(after).toMatchObject({ documents: 1, blobs: 1 });
            expect(await t.db.auditEvent.count({ where: { action: "evidence.upload", entityId: documents[0]!.id } })).toBe(1);
          } else {
            expect(documents).toHaveLength(0);
            expect(after).toMatchObject({ documents: 0, blobs: 0 });
          }
          // No staging left: no temp files, no chunk rows that no blob names.
          expect((await readdir(path.join(dataDir, "evidence", "tmp")).catch(() => [])).length).toBe(0);
          const blobs = await t.db.evidenceBlob.findMany({ select: { chunkSetId: true } });
          expect(await t.db.evidenceBlobChunk.count({ where: { chunkSetId: { notIn: blobs.map((b) => b.chunkSetId) } } })).toBe(0);

          const cli = await runCli(["check-store"], env);
          expect(cli.code, cli.stdout + cli.stderr).toBe(0);
          expect(cli.stdout).toContain("OK: the store matches the document rows.");
        });
      }
    });
  }
});
