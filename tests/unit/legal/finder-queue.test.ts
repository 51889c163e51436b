import { describe, expect, test } from "vitest";
import { FinderQueue } from "@/lib/server/contracts/finder-queue";
import { AppError } from "@/lib/server/errors";
import { handleRoute } from "@/lib/server/route-errors";

/** A run that finishes when the test says so. */
function held() {
  let finish!: (value: string) => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { work: () => done, finish, fail };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("the clause finder's queue", () => {
  test("no more than the limit read at once; the others start in the order they came, as places free up", async () => {
    const queue = new FinderQueue({ running: 2, waiting: 10, perUser: 5 });
    const started: string[] = [];
    const runs = ["a", "b", "c", "d"].map((name) => {
      const h = held();
      const result = queue.run(`user-${name}`, () => {
        started.push(name);
        return h.work();
      });
      return { ...h, result };
    });
    await settle();
    expect(started).toEqual(["a", "b"]);
    expect(queue.load).toEqual({ reading: 2, waiting: 2 });

    runs[1]!.finish("b done");
    await expect(runs[1]!.result).resolves.toBe("b done");
    await settle();
    expect(started).toEqual(["a", "b", "c"]);
    expect(queue.load).toEqual({ reading: 2, waiting: 1 });

    // A run that fails frees its place as one that succeeds does.
    runs[0]!.fail(new Error("unreadable"));
    await expect(runs[0]!.result).rejects.toThrow("unreadable");
    await settle();
    expect(started).toEqual(["a", "b", "c", "d"]);

    runs[2]!.finish("c done");
    runs[3]!.finish("d done");
    await expect(Promise.all([runs[2]!.result, runs[3]!.result])).resolves.toEqual(["c done", "d done"]);
    expect(queue.load).toEqual({ reading: 0, waiting: 0 });
  });

  test("one user cannot take every place: past their share they are refused at once, and others still get in", async () => {
    const queue = new FinderQueue({ running: 1, waiting: 10, perUser: 2 });
    const first = held();
    const second = held();
    const r1 = queue.run("legal-1", first.work);
    const r2 = queue.run("legal-1", second.work);
    const refused = queue.run("legal-1", async () => "never");
    await expect(refused).rejects.toMatchObject({ code: "BUSY", message: expect.stringContaining("2 of your contracts") });
    const other = held();
    const r3 = queue.run("legal-2", other.work);
    await settle();
    expect(queue.load).toEqual({ reading: 1, waiting: 2 });

    first.finish("1");
    second.finish("2");
    other.finish("3");
    await expect(Promise.all([r1, r2, r3])).resolves.toEqual(["1", "2", "3"]);
    // Their share comes back once their runs are over.
    await expect(queue.run("legal-1", async () => "again")).resolves.toBe("again");
  });

  test("one user reads one contract at a time, so another user's contract starts at once even when the first sent two", async () => {
    const queue = new FinderQueue({ running: 2, waiting: 10, perUser: 2 });
    const started: string[] = [];
    const a1 = held();
    const a2 = held();
    const b1 = held();
    const r1 = queue.run("a", () => (started.push("a1"), a1.work()));
    const r2 = queue.run("a", () => (started.push("a2"), a2.work()));
    const r3 = queue.run("b", () => (started.push("b1"), b1.work()));
    await settle();
    expect(started).toEqual(["a1", "b1"]);
    expect(queue.load).toEqual({ reading: 2, waiting: 1 });
    a1.finish("a1");
    await settle();
    expect(started).toEqual(["a1", "b1", "a2"]);
    a2.finish("a2");
    b1.finish("b1");
    await expect(Promise.all([r1, r2, r3])).resolves.toEqual(["a1", "a2", "b1"]);
    expect(queue.load).toEqual({ reading: 0, waiting: 0 });
  });

  test("a full queue refuses with a message to try again, and does nothing", async () => {
    const queue = new FinderQueue({ running: 1, waiting: 1, perUser: 5 });
    const reading = held();
    const waiting = held();
    const r1 = queue.run("u1", reading.work);
    const r2 = queue.run("u2", waiting.work);
    let ran = false;
    const refusal = await queue
      .run("u3", async () => {
        ran = true;
        return "never";
      })
      .catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: "BUSY", message: "The clause finder is reading many contracts right now. Try again in a minute." });
    expect(ran).toBe(false);
    reading.finish("1");
    waiting.finish("2");
    await expect(Promise.all([r1, r2])).resolves.toEqual(["1", "2"]);
  });

  test("a refusal reaches a route as 503 with the time to come back", async () => {
    const response = await handleRoute(async () => {
      throw new AppError("BUSY", "The clause finder is reading many contracts right now. Try again in a minute.");
    });
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ ok: false, code: "BUSY" });
  });
});
