import { describe, expect, it } from "vitest";
import { readAhead } from "@/lib/server/pack/read-ahead";

function counter() {
  const state = { produced: 0, closed: false };
  async function* source(chunks: number, size: number, failAt = -1) {
    try {
      for (let i = 0; i < chunks; i++) {
        if (i === failAt) throw new Error("read failed");
        await new Promise((r) => setImmediate(r)); // like a disk read
        state.produced += size;
        yield Buffer.alloc(size, i % 256);
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, source };
}

describe("readAhead", () => {
  it("passes every chunk through in order", async () => {
    const { source } = counter();
    const seen: number[] = [];
    for await (const chunk of readAhead(source(50, 10), 100)) seen.push(chunk[0]!);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it("reads ahead while the consumer is busy, but never more than the bound", async () => {
    const { state, source } = counter();
    let consumed = 0;
    let maxAhead = 0;
    for await (const chunk of readAhead(source(200, 1000), 8000)) {
      await new Promise((r) => setTimeout(r, 1)); // a slow consumer (hashing)
      consumed += chunk.length;
      maxAhead = Math.max(maxAhead, state.produced - consumed);
    }
    expect(maxAhead).toBeGreaterThanOrEqual(4000); // it did read ahead...
    expect(maxAhead).toBeLessThanOrEqual(8000 + 1000); // ...within the bound plus one chunk
  });

  it("rethrows a source error after the chunks before it", async () => {
    const { source } = counter();
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const chunk of readAhead(source(10, 10, 4), 1000)) seen.push(chunk[0]!);
      })(),
    ).rejects.toThrow("read failed");
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it("closes the source when the consumer stops early", async () => {
    const { state, source } = counter();
    for await (const _chunk of readAhead(source(1000, 10), 50)) break;
    expect(state.closed).toBe(true);
    expect(state.produced).toBeLessThan(200);
  });

  it("with a zero bound, is a plain pass-through", async () => {
    const { state, source } = counter();
    let n = 0;
    for await (const _chunk of readAhead(source(5, 10), 0)) {
      n++;
      expect(state.produced).toBe(n * 10);
    }
  });
});
