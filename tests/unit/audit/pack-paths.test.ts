import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { PackPathAllocator, UnsafePackPathError, assertSafePackPath, safePathSegment } from "@/lib/server/pack/pack-paths";

describe("assertSafePackPath", () => {
  it.each(["manifest.json", "evidence/soc2_report/report.pdf", "evidence/pen_test/Zürich 東京 😀.pdf", "a b/c (2).txt"])("accepts %s", (p) => {
    expect(assertSafePackPath(p)).toBe(p);
  });

  it.each([
    ["", "empty"],
    ["/etc/passwd", "absolute"],
    ["../x", "'..' segment"],
    ["a/../../x", "'..' segment"],
    ["a/./b", "'.' segment"],
    ["a//b", "empty segment"],
    ["a/", "trailing slash"],
    ["evidence\\..\\x", "backslash"],
    ["C:/x", "drive letter"],
    ["a\nb", "newline (breaks SHA256SUMS)"],
    ["a\u0000b", "NUL"],
    ["what?.pdf", "Windows-forbidden character"],
    ["dir./x", "segment ending in a dot"],
    ["x/CON.txt", "Windows device name"],
    ["a\ud800b", "lone surrogate"],
  ])("rejects %j (%s)", (p) => {
    expect(() => assertSafePackPath(p)).toThrow(UnsafePackPathError);
  });
});

describe("safePathSegment", () => {
  it.each([
    ["report.pdf", "report.pdf"],
    ["../../etc/passwd", "_.._etc_passwd"],
    ["..", "file"],
    [".hidden", "hidden"],
    ["a/b\\c:d", "a_b_c_d"],
    ["trailing dots...", "trailing dots"],
    ["   ", "file"],
    ["nul.txt", "_nul.txt"],
    ["Zürich 東京 😀.pdf", "Zürich 東京 😀.pdf"],
  ])("%j becomes %j", (input, expected) => {
    expect(safePathSegment(input)).toBe(expected);
  });

  it("cuts long names keeping the extension and whole characters", () => {
    const out = safePathSegment("😀".repeat(200) + ".pdf");
    expect(out.endsWith(".pdf")).toBe(true);
    expect(out.length).toBeLessThanOrEqual(150);
    expect(out.isWellFormed()).toBe(true);
  });

  it("always yields something assertSafePackPath accepts", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        expect(() => assertSafePackPath(`evidence/x/${safePathSegment(name)}`)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});

describe("PackPathAllocator", () => {
  it("numbers clashing names, ignoring case as Windows and macOS do", () => {
    const paths = new PackPathAllocator();
    expect(paths.allocate("evidence/soc2_report", "report.pdf")).toBe("evidence/soc2_report/report.pdf");
    expect(paths.allocate("evidence/soc2_report", "Report.PDF")).toBe("evidence/soc2_report/Report (2).PDF");
    expect(paths.allocate("evidence/soc2_report", "report.pdf")).toBe("evidence/soc2_report/report (3).pdf");
    expect(paths.allocate("evidence/pen_test", "report.pdf")).toBe("evidence/pen_test/report.pdf");
  });

  it("refuses to reserve a path twice", () => {
    const paths = new PackPathAllocator();
    paths.reserve("dossier.json");
    expect(() => paths.reserve("DOSSIER.json")).toThrow(UnsafePackPathError);
  });
});
