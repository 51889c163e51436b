import { describe, expect, test } from "vitest";
import { CONTRACT_MIME_TYPES, extractContractText } from "@/lib/server/contracts/extract-text";
import { realDocx } from "../storage/sample-files";
import { hugeDocumentDocx } from "../storage/zip-bombs";

describe("contract text extraction runs under a memory and time budget", () => {
  test("a DOCX whose text inflates to 300 MB stops at the worker's heap limit; the server's heap does not grow with it", async () => {
    const bomb = await hugeDocumentDocx(300 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(3 * 1024 * 1024);
    const heapBefore = process.memoryUsage().heapUsed;
    const error = await extractContractText(bomb, CONTRACT_MIME_TYPES.docx, { maxHeapMb: 64 }).catch((e: unknown) => e);
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
