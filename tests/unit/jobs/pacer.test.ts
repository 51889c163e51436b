import { describe, expect, it } from "vitest";
import { pacer } from "@/lib/server/jobs/pacer";

/** A clock the test moves by hand, and a wait that records what it was asked for and moves the clock by it. */
function fakeTime() {
  const state = { t: 0, waits: [] as number[] };
  return {
    state,
    now: () => state.t,
    wait: async (ms: number) => {
      state.waits.push(ms);
      state.t += ms;
    },
    work: (ms: number) => (state.t += ms),
  };
}

describe("pacer", () => {
  it("rests `rest` times as long as the work since the last rest took", async () => {
    const time = fakeTime();
    const pause = pacer({ rest: 3, now: time.now, wait: time.wait });
    time.work(40);
    await pause();
    time.work(10);
    await pause();
    expect(time.state.waits).toEqual([120, 30]);
  });

  it("counts the work from the end of the last rest, not from its start", async () => {
    const time = fakeTime();
    const pause = pacer({ rest: 1, now: time.now, wait: time.wait });
    time.work(50);
    await pause(); // rests 50
    time.work(5);
    await pause();
    expect(time.state.waits).toEqual([50, 5]);
  });

  it("never rests longer than maxRestMs, so one slow step does not park the job", async () => {
    const time = fakeTime();
    const pause = pacer({ rest: 3, maxRestMs: 200, now: time.now, wait: time.wait });
    time.work(500);
    await pause();
    expect(time.state.waits).toEqual([200]);
  });

  it("uses about 1 / (1 + rest) of the time over a run", async () => {
    const time = fakeTime();
    const pause = pacer({ rest: 3, now: time.now, wait: time.wait });
    let worked = 0;
    for (let i = 0; i < 100; i++) {
      const step = 5 + (i % 7) * 3;
      time.work(step);
      worked += step;
      await pause();
    }
    expect(worked / time.state.t).toBeCloseTo(0.25, 5);
  });
});
