import { describe, expect, test } from "vitest";
import { checkZipBudget, ZIP_LIMITS } from "@/lib/domain/uploads/file-type";

const MB = 1024 * 1024;

describe("archive-bomb limits from the central directory", () => {
  test("a real document's sizes pass: XML at 20:1, images stored", () => {
    expect(checkZipBudget([
      { compressedSize: 400_000, uncompressedSize: 8 * MB },
      { compressedSize: 5 * MB, uncompressedSize: 5 * MB },
      { compressedSize: 300, uncompressedSize: 1_500 },
    ])).toEqual({ ok: true });
  });

  test("a part inflating 1000:1 is refused, however small the file", () => {
    const verdict = checkZipBudget([{ compressedSize: 300 * 1024, uncompressedSize: 300 * MB }]);
    expect(verdict).toMatchObject({ ok: false, message: expect.stringMatching(/expands more than 200 times.*archive bomb/) });
  });

  test("tiny parts may compress well without being a bomb", () => {
    expect(checkZipBudget([{ compressedSize: 10, uncompressedSize: 100_000 }])).toEqual({ ok: true });
  });

  test("many parts each under the floor still count towards the archive's ratio", () => {
    const parts = Array.from({ length: 2000 }, () => ({ compressedSize: 10, uncompressedSize: 900 * 1024 }));
    expect(checkZipBudget(parts)).toMatchObject({ ok: false, message: expect.stringMatching(/expand/) });
  });

  test("more than the total inflated size is refused even at a modest ratio", () => {
    const parts = Array.from({ length: 30 }, () => ({ compressedSize: MB, uncompressedSize: 10 * MB }));
    expect(checkZipBudget(parts)).toMatchObject({ ok: false, message: expect.stringMatching(/300 MB \(the limit is 256 MB\)/) });
  });

  test("more parts than the limit are refused", () => {
    const parts = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, () => ({ compressedSize: 1, uncompressedSize: 1 }));
    expect(checkZipBudget(parts)).toMatchObject({ ok: false, message: expect.stringMatching(/10001 parts/) });
  });
});
