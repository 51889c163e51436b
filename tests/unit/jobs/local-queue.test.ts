// The SQLite job runner: a job runs after send returns, a throwing handler is
// retried with doubling delays up to LOCAL_RETRIES times, and a job already
// queued or running under the same key is not started twice.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { defineJob } from "@/lib/server/jobs/job-queue";
import { LOCAL_RETRIES, LocalQueue } from "@/lib/server/jobs/local-queue";
import { retryDelaySeconds } from "@/lib/server/jobs/retry-delay";

async function until(check: () => boolean, ms = 2_000) {
  for (const deadline = Date.now() + ms; !check(); ) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(5);
  }
}

describe("LocalQueue", () => {
  let queue: LocalQueue;
  afterEach(() => queue?.stop());

  it("runs the job after send has returned", async () => {
    const ran: string[] = [];
    defineJob("pack.build", async ({ id }) => void ran.push(id));
    queue = new LocalQueue(0.01);
    await queue.send("pack.build", { id: "a" });
    expect(ran).toEqual([]);
    await until(() => ran.length === 1);
    expect(ran).toEqual(["a"]);
  });

  it("retries a throwing handler until it succeeds, with growing delays", async () => {
    const at: number[] = [];
    defineJob("pack.build", async () => {
      at.push(Date.now());
      if (at.length < 3) throw new Error("passing fault");
    });
    queue = new LocalQueue(0.05);
    await queue.send("pack.build", { id: "b" });
    await until(() => at.length === 3);
    await sleep(200);
    expect(at).toHaveLength(3);
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(45);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(95);
  });

  it(`gives up after ${LOCAL_RETRIES} retries`, async () => {
    let calls = 0;
    defineJob("pack.build", async () => {
      calls++;
      throw new Error("always");
    });
    queue = new LocalQueue(0.01);
    await queue.send("pack.build", { id: "c" });
    await until(() => calls === LOCAL_RETRIES + 1);
    await sleep(300);
    expect(calls).toBe(LOCAL_RETRIES + 1);
  });

  it("does not start a second run of a key that is still queued or running", async () => {
    let calls = 0;
    let finish!: () => void;
    defineJob("pack.build", () => {
      calls++;
      return new Promise<void>((r) => (finish = r));
    });
    queue = new LocalQueue(0.01);
    await queue.send("pack.build", { id: "d" });
    await queue.send("pack.build", { id: "d" });
    await until(() => calls === 1);
    await queue.send("pack.build", { id: "d" });
    finish();
    await sleep(50);
    expect(calls).toBe(1);
    // Once finished, the same key may run again (a later attempt).
    await queue.send("pack.build", { id: "d" });
    await until(() => calls === 2);
  });
});

describe("retryDelaySeconds", () => {
  it("doubles from the base and stops at the cap", () => {
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, 5, 300))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(20, 5, 300)).toBe(300);
  });
});
