// The evidence store's file reader (several positioned reads in flight) on
// real files: every byte in order at every size and depth, a file cut short
// while it is read is an error, and the file is closed however reading ends.
import { randomBytes } from "node:crypto";
import { mkdtemp, open, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fileChunks, fileChunkStream } from "@/lib/server/storage/file-chunks";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "assay-file-chunks-"));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, data: Buffer): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  return file;
}

/** True once the descriptor is closed: fstat on it then fails. */
async function isClosed(handle: Awaited<ReturnType<typeof open>>): Promise<boolean> {
  return handle.stat().then(
    () => false,
    () => true,
  );
}

describe("fileChunks", () => {
  const chunkBytes = 1000;
  const sizes = [0, 1, chunkBytes - 1, chunkBytes, chunkBytes + 1, 10 * chunkBytes + 7];
  for (const depth of [1, 2, 4]) {
    it.each(sizes)(`reads every byte in order (depth ${depth}, %i bytes)`, async (size) => {
      const data = randomBytes(size);
      const handle = await open(await fileWith(`f-${depth}-${size}`, data), "r");
      const parts: Buffer[] = [];
      for await (const chunk of fileChunks(handle, size, { chunkBytes, depth })) {
        expect(chunk.length).toBeLessThanOrEqual(chunkBytes);
        parts.push(chunk);
      }
      expect(Buffer.concat(parts).equals(data)).toBe(true);
      expect(await isClosed(handle)).toBe(true);
    });
  }

  it("reports a file that became shorter than it was when opened", async () => {
    const file = await fileWith("shrinks", randomBytes(20 * chunkBytes));
    const handle = await open(file, "r");
    const read = (async () => {
      let n = 0;
      for await (const _chunk of fileChunks(handle, 20 * chunkBytes, { chunkBytes, depth: 2 })) {
        if (++n === 3) await truncate(file, 5 * chunkBytes);
      }
    })();
    await expect(read).rejects.toThrow(/file ended at byte 5000/);
    expect(await isClosed(handle)).toBe(true);
  });

  it("closes the file when the reader stops early", async () => {
    const handle = await open(await fileWith("early", randomBytes(50 * chunkBytes)), "r");
    for await (const _chunk of fileChunks(handle, 50 * chunkBytes, { chunkBytes, depth: 3 })) break;
    expect(await isClosed(handle)).toBe(true);
  });

  it("closes the file when its stream is destroyed", async () => {
    const handle = await open(await fileWith("destroyed", randomBytes(50 * chunkBytes)), "r");
    const stream = fileChunkStream(handle, 50 * chunkBytes, { chunkBytes });
    await new Promise<void>((resolve) => stream.once("data", () => resolve()));
    stream.destroy();
    await new Promise((resolve) => stream.once("close", resolve));
    await expect.poll(() => isClosed(handle)).toBe(true);
  });
});
