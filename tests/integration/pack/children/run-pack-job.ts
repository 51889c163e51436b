// Child process for the pack-job crash test: starts a bulk export through the
// real service and works the queue itself, with an evidence store whose downloads stall after the first
// chunk, so the job stays "running" with a partial archive on disk. Prints
// `ready <jobId>` once both are true, then waits to be killed.
//   node --import tsx run-pack-job.ts <actor.json>
import { readdir } from "node:fs/promises";
import { Readable } from "node:stream";
import { setTimeout as sleep } from "node:timers/promises";
import type { Actor } from "@/lib/server/actor";
import { db } from "@/lib/server/db";
import { jobQueue } from "@/lib/server/jobs/job-queue";
import { packsDir, startPackJob } from "@/lib/server/services/pack-jobs";
import type { BlobStore } from "@/lib/server/storage/blob-store";
import { evidenceStore } from "@/lib/server/storage/evidence-store";

const real = evidenceStore();
const stalling: BlobStore = {
  put: (source, opts) => real.put(source, opts),
  has: (key) => real.has(key),
  stat: (key) => real.stat(key),
  delete: (key) => real.delete(key),
  async get(key) {
    const body = await real.get(key);
    return Readable.from(
      (async function* () {
        for await (const chunk of body as AsyncIterable<Buffer>) {
          yield chunk.subarray(0, 1024);
          break;
        }
        body.destroy();
        await new Promise(() => undefined); // never finishes: the job hangs mid-archive
      })(),
    );
  },
};

async function main() {
  const actor = JSON.parse(process.argv[2]!) as Actor;
  const { id } = await startPackJob({ actor, input: { filter: {}, pdfs: "latest" }, options: { store: stalling, renderPdf: null } });
  // With PostgreSQL the job waits for a worker: this process is the only one.
  await jobQueue().work("pack.build");
  for (;;) {
    const job = await db().packJob.findUniqueOrThrow({ where: { id } });
    const partial = (await readdir(packsDir())).some((n) => n.endsWith(".partial"));
    if (job.status === "running" && partial) break;
    if (job.status === "failed" || job.status === "done") throw new Error(`job ended early: ${job.status} ${job.error ?? ""}`);
    await sleep(50);
  }
  process.stdout.write(`ready ${id}\n`);
  setInterval(() => undefined, 60_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
