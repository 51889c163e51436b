import { describe, expect, it } from "vitest";
import {
  checkDeclaredFileName,
  contentDispositionAttachment,
  MAX_FILE_NAME_BYTES,
  sanitiseFileName,
} from "@/lib/domain/uploads/file-name";

const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("sanitiseFileName", () => {
  it.each<[string, string]>([
    ["SOC2 Type II 2024.pdf", "SOC2 Type II 2024.pdf"],
    ["../../etc/passwd", "passwd"],
    ["..\\..\\windows\\system32\\drivers\\etc\\hosts", "hosts"],
    ["C:\\Windows\\evil.pdf", "evil.pdf"],
    ["/var/www/../report.pdf", "report.pdf"],
    ["C:evil.pdf", "C_evil.pdf"],
    ["..", "file"],
    [".", "file"],
    ["", "file"],
    ["   ", "file"],
    ["...", "file"],
    [".htaccess", "htaccess"],
    ["...hidden.pdf", "hidden.pdf"],
    ["report.pdf.", "report.pdf"],
    ["report.pdf   ", "report.pdf"],
    ["CON.pdf", "_CON.pdf"],
    ["con", "_con"],
    ["Lpt1.tar.gz", "_Lpt1.tar.gz"],
    ["COM¹.txt", "_COM¹.txt"],
    ["CONSOLE.pdf", "CONSOLE.pdf"],
    ["a<b>c:d\"e|f?g*h.pdf", "a_b_c_d_e_f_g_h.pdf"],
    ["line\nbreak\ttab.pdf", "linebreaktab.pdf"],
    ["nul\0byte.pdf", "nulbyte.pdf"],
    ["bell\x07\x7f\x85.pdf", "bell.pdf"],
    ["invoice\u202Efdp.exe", "invoicefdp.exe"],
    ["zero\u200Bwidth\uFEFF.pdf", "zerowidth.pdf"],
    ["many     spaces.pdf", "many spaces.pdf"],
    ["Ärzte-Prüfbericht.pdf", "Ärzte-Prüfbericht.pdf"],
    ["報告書.pdf", "報告書.pdf"],
  ])("%j → %j", (input, expected) => {
    expect(sanitiseFileName(input)).toBe(expected);
  });

  it("normalises to NFC so the same name is stored once", () => {
    const decomposed = "Cafe\u0301.pdf";
    expect(sanitiseFileName(decomposed)).toBe("Caf\u00e9.pdf");
    expect(sanitiseFileName(decomposed)).toBe(sanitiseFileName("Caf\u00e9.pdf"));
  });

  it("cuts a long name to the byte limit and keeps the extension", () => {
    const out = sanitiseFileName(`${"a".repeat(500)}.pdf`);
    expect(utf8Bytes(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(out.endsWith(".pdf")).toBe(true);
    expect(out.startsWith("aaaa")).toBe(true);
  });

  it("never splits a multi-byte character or an emoji when cutting", () => {
    const out = sanitiseFileName(`${"👩‍💻é".repeat(100)}.docx`);
    expect(utf8Bytes(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(out.endsWith(".docx")).toBe(true);
    expect(out).not.toContain("\ufffd");
    const stem = out.slice(0, -".docx".length);
    // Only whole graphemes: the ZWJ sequence "👩‍💻" is never cut into "👩‍".
    expect(stem).toMatch(/^(?:👩\u200d💻|é)+$/u);
  });

  it("treats an absurdly long 'extension' as part of the name", () => {
    const out = sanitiseFileName(`report.${"x".repeat(400)}`);
    expect(utf8Bytes(out)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(out.startsWith("report.")).toBe(true);
  });

  it("is idempotent", () => {
    for (const raw of ["../../etc/passwd", "CON.pdf", " .x. ", `${"é".repeat(300)}.pdf`, "a<b>.txt"]) {
      const once = sanitiseFileName(raw);
      expect(sanitiseFileName(once)).toBe(once);
    }
  });
});

describe("checkDeclaredFileName: an upload refuses names carrying a path", () => {
  it.each(["../../etc/passwd", "..\\..\\boot.ini", "C:\\Windows\\evil.pdf", "docs/report.pdf", "..", ".", "  "])(
    "refuses %j",
    (raw) => {
      expect(checkDeclaredFileName(raw).ok).toBe(false);
    },
  );

  it("accepts and sanitises a bare name", () => {
    expect(checkDeclaredFileName("CON.pdf")).toEqual({ ok: true, fileName: "_CON.pdf" });
    expect(checkDeclaredFileName("Q3 review..pdf")).toEqual({ ok: true, fileName: "Q3 review..pdf" });
  });
});

describe("contentDispositionAttachment", () => {
  it("is always an attachment with an ASCII fallback and the exact UTF-8 name", () => {
    expect(contentDispositionAttachment("report.pdf")).toBe(
      `attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`,
    );
    expect(contentDispositionAttachment("Prüfbericht (final).pdf")).toBe(
      `attachment; filename="Prufbericht (final).pdf"; filename*=UTF-8''Pr%C3%BCfbericht%20%28final%29.pdf`,
    );
  });

  it("falls back to 'file' for names in a non-Latin script", () => {
    expect(contentDispositionAttachment("報告書.pdf")).toBe(
      `attachment; filename="file.pdf"; filename*=UTF-8''%E5%A0%B1%E5%91%8A%E6%9B%B8.pdf`,
    );
  });

  it.each([
    'evil".pdf\r\nSet-Cookie: a=b',
    "a\\b%2e.pdf",
    "x';y*.pdf",
    "../../etc/passwd",
  ])("cannot be broken out of or split by %j", (name) => {
    const header = contentDispositionAttachment(name);
    expect(header).not.toMatch(/[\r\n\0]/);
    const fallback = /filename="([^"]*)"/.exec(header)?.[1];
    expect(fallback).toBeDefined();
    expect(fallback).toMatch(/^[\x20-\x7e]+$/);
    expect(fallback).not.toMatch(/[\\%/"]/);
    // Exactly two parameters after "attachment": the quoted one cannot leak a third.
    expect(header.replace(/"[^"]*"/g, '""').split(";")).toHaveLength(3);
    const encoded = /filename\*=UTF-8''(.*)$/.exec(header)?.[1] ?? "";
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(sanitiseFileName(name));
  });
});
