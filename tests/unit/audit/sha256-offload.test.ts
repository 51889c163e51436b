// The off-thread SHA-256 used by audit packs: same digests as node:crypto on
// one thread, whatever the chunking, the number of hashes running at once,
// hashes abandoned half-way, or a worker that dies.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { OFFLOAD_MIN_BYTES, Sha256Worker, sha256Stream, type Sha256Stream } from "@/lib/server/pack/sha256-offload";

const MiB = 1024 * 1024;
const reference = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** Splits data into chunks of the given sizes, cycling through them. */
function chunked(data: Buffer, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0, i = 0; at < data.length; i++) {
    const n = sizes[i % sizes.length]!;
    out.push(data.subarray(at, at + n));
    at += n;
  }
  return out;
}

async function hashAll(stream: Sha256Stream, chunks: Uint8Array[]): Promise<string> {
  for (const chunk of chunks) await stream.update(chunk);
  return stream.digest();
}

const workers: Sha256Worker[] = [];
function ownWorker(): Sha256Worker {
  const worker = new Sha256Worker();
  workers.push(worker);
  return worker;
}
afterAll(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
});

describe("sha256Stream", () => {
  const cases: [string, number, number[]][] = [
    ["empty", 0, [1]],
    ["one byte", 1, [1]],
    ["just under the off-thread threshold", OFFLOAD_MIN_BYTES - 1, [4096]],
    ["exactly the threshold", OFFLOAD_MIN_BYTES, [OFFLOAD_MIN_BYTES]],
    ["5 MiB in odd chunks that straddle slot edges", 5 * MiB + 17, [1, 333_333, MiB + 1, 7]],
    ["3 MiB in one chunk, larger than a slot", 3 * MiB, [3 * MiB]],
  ];
  it.each(cases)("matches node:crypto: %s", async (_name, size, sizes) => {
    const data = randomBytes(size);
    expect(await hashAll(sha256Stream(), chunked(data, sizes))).toBe(reference(data));
  });

  it("keeps many hashes apart when they run at once and share the worker's slots", async () => {
    const inputs = Array.from({ length: 6 }, (_, i) => randomBytes(2 * MiB + i * 1000));
    const streams = inputs.map(() => sha256Stream());
    const parts = inputs.map((data) => chunked(data, [300_000, 1_000_001]));
    // Interleave: chunk 0 of every stream, then chunk 1 of every stream, ...
    for (let round = 0; parts.some((p) => round < p.length); round++) {
      await Promise.all(parts.map((p, i) => (round < p.length ? streams[i]!.update(p[round]!) : undefined)));
    }
    const digests = await Promise.all(streams.map((s) => s.digest()));
    expect(digests).toEqual(inputs.map(reference));
  });

  it("does not copy-and-forget: a source that reuses its buffer still hashes what was passed", async () => {
    const buffer = Buffer.alloc(64 * 1024);
    const expected = createHash("sha256");
    const stream = sha256Stream();
    for (let i = 0; i < 40; i++) {
      buffer.fill(i);
      expected.update(buffer);
      await stream.update(buffer);
    }
    expect(await stream.digest()).toBe(expected.digest("hex"));
  });

  it("gives back the slots of abandoned hashes, so later hashes still complete", async () => {
    const worker = ownWorker();
    // More abandoned hashes than the ring has slots, each holding a part-filled slot.
    for (let i = 0; i < 20; i++) {
      const stream = sha256Stream(() => worker);
      await stream.update(randomBytes(OFFLOAD_MIN_BYTES + 1000));
      stream.abandon();
    }
    const data = randomBytes(12 * MiB);
    expect(await hashAll(sha256Stream(() => worker), chunked(data, [MiB]))).toBe(reference(data));
  });

  it("fails the hash, not the process, when its worker dies; a new worker takes over", async () => {
    const worker = ownWorker();
    const stream = sha256Stream(() => worker);
    await stream.update(randomBytes(2 * MiB));
    await worker.terminate();
    await expect(stream.digest()).rejects.toThrow(/SHA-256 worker stopped/);
    expect(worker.failed).toBe(true);

    const data = randomBytes(MiB);
    expect(await hashAll(sha256Stream(), [data])).toBe(reference(data));
  });

  it("hashes on the calling thread where no worker can start", async () => {
    const data = randomBytes(2 * MiB);
    expect(await hashAll(sha256Stream(() => null), chunked(data, [700_000]))).toBe(reference(data));
  });

  it("refuses a second digest", async () => {
    const stream = sha256Stream();
    await stream.update(Buffer.from("x"));
    await stream.digest();
    await expect(stream.digest()).rejects.toThrow(/twice/);
  });
});
