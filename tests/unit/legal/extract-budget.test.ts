import { execFile } from "node:child_process";
import { readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { CONTRACT_MIME_TYPES, extractContractText } from "@/lib/server/contracts/extract-text";
import { parseInWorker } from "@/lib/server/contracts/parse-in-worker";
import { realDocx } from "../storage/sample-files";
import { hugeDocumentDocx, variedDocumentDocx } from "../storage/zip-bombs";

const execFileAsync = promisify(execFile);

describe("contract text extraction runs under a memory and time budget", () => {
  test("a DOCX whose text inflates 1000 times is refused from its central directory, before anything is inflated", async () => {
    const bomb = await hugeDocumentDocx(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const started = performance.now();
    const error = await extractContractText(bomb, CONTRACT_MIME_TYPES.docx).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", reason: "too_demanding", message: expect.stringMatching(/archive bomb/) });
    // Reading 300 MB of XML takes the parser many seconds; the directory takes milliseconds.
    expect(performance.now() - started).toBeLessThan(5_000);
  }, 60_000);

  test("a DOCX within the archive limits whose text outgrows the parser's heap stops there; the server's heap does not grow with it", async () => {
    const heavy = await variedDocumentDocx(60 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await extractContractText(heavy, CONTRACT_MIME_TYPES.docx, { maxHeapMb: 64 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", reason: "too_demanding", message: expect.stringMatching(/far more memory/) });
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(100 * 1024 * 1024);
  }, 60_000);

  test("a parse that outlives its deadline is stopped with a clear message", async () => {
    const error = await extractContractText(await realDocx("Audit rights"), CONTRACT_MIME_TYPES.docx, { timeoutMs: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "VALIDATION", reason: "too_demanding", message: expect.stringMatching(/took too long/) });
  });

  test("within the budget the text comes back as before", async () => {
    const r = await extractContractText(await realDocx("Audit rights of the customer"), CONTRACT_MIME_TYPES.docx);
    expect(r.fullText).toContain("Audit rights of the customer");
  });
});

describe("one parsing process is kept warm between contracts", () => {
  const fixture = (name: string) => readFile(path.resolve(__dirname, "../../fixtures/contracts", name));
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  test("two parses in a row are answered by the same process; a parse that fails retires it", async () => {
    const first = await parseInWorker({ format: "pdf", bytes: await fixture("01-msa-us-northwind.pdf") });
    const second = await parseInWorker({ format: "docx", bytes: await realDocx("Audit rights") });
    expect(first.pid).toBeGreaterThan(0);
    expect(second.pid).toBe(first.pid);
    expect(second.html).toContain("Audit rights");

    await expect(parseInWorker({ format: "docx", bytes: await realDocx("Audit rights") }, { timeoutMs: 1 })).rejects.toMatchObject({ reason: "timeout" });
    await expect.poll(() => alive(first.pid!)).toBe(false);
    const third = await parseInWorker({ format: "pdf", bytes: await fixture("01-msa-us-northwind.pdf") });
    expect(third.pid).not.toBe(first.pid);
    expect(third.pageItems?.length).toBeGreaterThan(0);
  }, 60_000);

  test("a parse under another budget runs in a process of its own, which ends with it", async () => {
    const warm = await parseInWorker({ format: "docx", bytes: await realDocx("Audit rights") });
    const alone = await parseInWorker({ format: "docx", bytes: await realDocx("Audit rights") }, { maxHeapMb: 128 });
    expect(alone.pid).not.toBe(warm.pid);
    await expect.poll(() => alive(alone.pid!)).toBe(false);
    expect((await parseInWorker({ format: "docx", bytes: await realDocx("Audit rights") })).pid).toBe(warm.pid);
  }, 60_000);

  test("the warm process does not keep a finished program running", async () => {
    const script = path.join(os.tmpdir(), `assay-warm-exit-${process.pid}.ts`);
    await writeFile(
      script,
      `import { extractContractText } from ${JSON.stringify(path.resolve("lib/server/contracts/extract-text.ts"))};\n` +
        `import { readFileSync } from "node:fs";\n` +
        `void extractContractText(readFileSync(${JSON.stringify(path.resolve("tests/fixtures/contracts/01-msa-us-northwind.pdf"))}), "application/pdf").then((r) => console.log("pages", r.pages?.length));\n`,
    );
    try {
      const { stdout } = await execFileAsync(path.resolve("node_modules/.bin/tsx"), [script], { timeout: 45_000 });
      expect(stdout).toMatch(/pages \d+/);
    } finally {
      await rm(script, { force: true });
    }
  }, 60_000);
});
