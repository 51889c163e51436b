// Child process for the crash tests: uploads one text file through the real
// evidence service and store (ASSAY_EVIDENCE_STORE, ASSAY_DATA_DIR,
// DATABASE_URL from the environment). ASSAY_CRASH_AT makes it SIGKILL itself
// at that step (lib/server/storage/crash-point.ts); otherwise it exits 0.
//   node --import tsx upload-evidence.ts <actor.json> <vendorId> <bytes>
import { Readable } from "node:stream";
import type { Actor } from "@/lib/server/actor";
import { disconnectDb } from "@/lib/server/db";
import { uploadEvidence } from "@/lib/server/services/evidence";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

async function main() {
  const [actorJson, vendorId, bytes] = process.argv.slice(2);
  const actor = JSON.parse(actorJson!) as Actor;
  const size = Number(bytes);
  // Text that differs per run, so no upload is a duplicate of an earlier one.
  const line = Buffer.from(`evidence line ${process.pid} ${Date.now()} ${"x".repeat(40)}\n`);
  async function* body() {
    for (let sent = 0; sent < size; sent += 64 * 1024) {
      const chunk = Buffer.alloc(Math.min(64 * 1024, size - sent));
      for (let i = 0; i < chunk.length; i += line.length) line.copy(chunk, i, 0, Math.min(line.length, chunk.length - i));
      yield chunk;
    }
  }
  const { document } = await uploadEvidence({
    actor,
    input: { vendorId, kind: "other", effectiveDate: "2026-01-01" },
    stream: Readable.from(body()),
    declaredName: "crash-notes.txt",
    store: evidenceStore(),
  });
  process.stdout.write(`${JSON.stringify({ documentId: document.id, sha256: document.sha256 })}\n`);
  await disconnectDb();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
