import { fromBufferPromise } from "yauzl";
import { describe, expect, it } from "vitest";
import {
  allowedExtensionFor,
  classifyZipEntries,
  createTextValidator,
  extensionOf,
  type FileKind,
  matchFileNameToType,
  MIME_TYPES,
  sniffFileType,
} from "@/lib/domain/uploads/file-type";
import {
  elfExecutable,
  macroDocm,
  minimalJpeg,
  minimalPdf,
  minimalPng,
  minimalPptx,
  minimalXlsx,
  plainZip,
  realDocx,
  utf8,
  windowsExecutable,
} from "./sample-files";

const whole = (b: Uint8Array) => sniffFileType(b, { complete: true });

describe("sniffFileType: accepted types are recognised from their bytes", () => {
  it.each<[string, () => Buffer, FileKind]>([
    ["a real PDF", minimalPdf, "pdf"],
    ["a real PNG", minimalPng, "png"],
    ["JPEG header bytes", minimalJpeg, "jpeg"],
    ["UTF-8 text", () => utf8("Incident response plan\r\n\tTested 2024-03-01 ✓\n"), "txt"],
    ["UTF-8 text with a BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("policy")]), "txt"],
    ["text that merely starts with the letters MZ", () => utf8("MZ Outsourcing Ltd. access review"), "txt"],
    ["a log with ANSI colour codes", () => utf8("\x1b[32mOK\x1b[0m backup verified\n"), "txt"],
  ])("%s", (_, make, kind) => {
    expect(whole(make())).toEqual({ outcome: "detected", kind });
  });

  it("sends ZIP containers to the entry listing step", async () => {
    expect(whole(await realDocx())).toEqual({ outcome: "zip" });
    expect(whole(await minimalXlsx())).toEqual({ outcome: "zip" });
  });

  it("does not take a PNG signature without its IHDR chunk", () => {
    const fake = minimalPng();
    fake.write("XXXX", 12, "latin1");
    expect(whole(fake).outcome).toBe("refused");
  });

  it("only accepts %PDF- at the very start (no polyglot prefix)", () => {
    const polyglot = Buffer.concat([utf8("<html><script>alert(1)</script>"), minimalPdf()]);
    expect(whole(polyglot).outcome).toBe("refused");
  });
});

describe("sniffFileType: everything else is refused with a message naming it", () => {
  it.each<[string, () => Buffer, RegExp]>([
    ["a Windows executable (MZ/PE)", () => windowsExecutable(), /Windows executable/],
    ["an ELF binary", elfExecutable, /Linux executable/],
    ["a Mach-O binary", () => Buffer.from([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]), /macOS executable/],
    ["a shell script", () => utf8("#!/bin/sh\nrm -rf /\n"), /script/],
    ["a shell script behind a BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("#!/bin/sh")]), /script/],
    ["HTML", () => utf8("<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"), /HTML or XML/],
    ["HTML after whitespace and a BOM", () => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("\n  <script>x()</script>")]), /HTML or XML/],
    ["SVG", () => utf8('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), /HTML or XML/],
    ["XML", () => utf8('<?xml version="1.0"?><a/>'), /HTML or XML/],
    ["a legacy .doc (OLE2)", () => Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /legacy/],
    ["a GIF", () => utf8("GIF89a\x01\x00\x01\x00"), /GIF image/],
    ["a gzip archive", () => Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), /gzip/],
    ["an empty ZIP", () => Buffer.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]), /empty ZIP/],
    ["UTF-16 text", () => Buffer.from("\ufeffhello", "utf16le"), /UTF-16/],
    ["invalid UTF-8", () => Buffer.from([0x68, 0x69, 0xc3, 0x28]), /not valid UTF-8/],
    ["text with NUL bytes", () => utf8("abc\0def"), /NUL/],
    ["mostly control characters", () => utf8("a\x01\x02\x03\x04b"), /control characters/],
    ["random binary", () => Buffer.from([0x00, 0x13, 0x37, 0xfe, 0x80, 0x81]), /not a supported/],
  ])("%s", (_, make, message) => {
    const result = whole(make());
    expect(result.outcome).toBe("refused");
    expect(result.outcome === "refused" && result.message).toMatch(message);
  });

  it("refuses an empty head", () => {
    expect(whole(new Uint8Array())).toEqual({ outcome: "refused", message: "The file is empty." });
  });

  it("tolerates a multi-byte character cut at the end of a partial head, not of a whole file", () => {
    const cut = utf8("café").subarray(0, 4); // "caf" + first byte of "é"
    expect(sniffFileType(cut, { complete: false })).toEqual({ outcome: "detected", kind: "txt" });
    expect(whole(cut).outcome).toBe("refused");
  });
});

describe("sniffFileType for contracts (acceptHtml): an HTML document is detected by its content, other markup still refused", () => {
  const contract = (b: Uint8Array) => sniffFileType(b, { complete: true, acceptHtml: true });
  it.each<[string, string]>([
    ["a doctype", "<!DOCTYPE html><html><body><script>alert(document.cookie)</script>"],
    ["a comment, then <html>", "\ufeff\n<!-- exported by Word -->\n<html lang=en><p>Terms</p>"],
    ["a fragment", "<h1>Data Processing Agreement</h1><p>The Processor shall ...</p>"],
    ["Markdown opening with an HTML block", '<div align="center">\n\n# Terms of Service\n\n</div>'],
  ])("%s", (_, text) => {
    expect(contract(utf8(text))).toEqual({ outcome: "detected", kind: "html" });
  });

  it.each<[string, string]>([
    ["SVG", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ["XML", '<?xml version="1.0"?><a/>'],
    ["a bare script", "\n  <script>x()</script>"],
    ["an unknown element", "<x-payload>hi</x-payload>"],
  ])("%s is refused", (_, text) => {
    const result = contract(utf8(text));
    expect(result.outcome).toBe("refused");
    expect(result.outcome === "refused" && result.message).toMatch(/not an HTML document/);
  });

  it("names must match: .html, .htm or Markdown; not .txt or .pdf", () => {
    expect(matchFileNameToType("terms.html", "html")).toEqual({ ok: true, fileName: "terms.html" });
    expect(matchFileNameToType("terms.md", "html")).toEqual({ ok: true, fileName: "terms.md" });
    expect(matchFileNameToType("terms", "html")).toEqual({ ok: true, fileName: "terms.html" });
    expect(matchFileNameToType("terms.txt", "html").ok).toBe(false);
    expect(matchFileNameToType("terms.pdf", "html").ok).toBe(false);
  });

  it("is stored and served as plain text, never text/html", () => {
    expect(MIME_TYPES.html).toBe("text/plain; charset=utf-8");
  });
});

describe("createTextValidator: the whole file, chunk by chunk", () => {
  it("accepts a character split across chunks", () => {
    const bytes = utf8("€ and ✓");
    const v = createTextValidator();
    for (let i = 0; i < bytes.length; i++) expect(v.push(bytes.subarray(i, i + 1)).ok).toBe(true);
    expect(v.finish()).toEqual({ ok: true });
  });

  it("catches a NUL far after the head and stays failed", () => {
    const v = createTextValidator();
    expect(v.push(utf8("x".repeat(10_000))).ok).toBe(true);
    expect(v.push(utf8("y\0z")).ok).toBe(false);
    expect(v.push(utf8("clean again")).ok).toBe(false);
    expect(v.finish().ok).toBe(false);
  });

  it("counts control characters over the whole file (1% tolerated)", () => {
    const tolerated = createTextValidator();
    tolerated.push(utf8(`${"a".repeat(199)}\x07`));
    expect(tolerated.finish().ok).toBe(true);
    const tooMany = createTextValidator();
    tooMany.push(utf8(`${"a".repeat(97)}\x07\x07\x07`));
    expect(tooMany.finish().ok).toBe(false);
  });
});

describe("classifyZipEntries: DOCX, XLSX or refused, from the real ZIP directory", () => {
  async function entriesOf(zip: Buffer): Promise<string[]> {
    const file = await fromBufferPromise(zip);
    const names: string[] = [];
    for await (const entry of file.eachEntry()) names.push(entry.fileName);
    return names;
  }

  it("a DOCX written by the docx library is a docx", async () => {
    expect(classifyZipEntries(await entriesOf(await realDocx()))).toEqual({ outcome: "detected", kind: "docx" });
  });

  it("a minimal workbook is an xlsx", async () => {
    expect(classifyZipEntries(await entriesOf(await minimalXlsx()))).toEqual({ outcome: "detected", kind: "xlsx" });
  });

  it("a macro-enabled docm is refused for its macros", async () => {
    const result = classifyZipEntries(await entriesOf(await macroDocm()));
    expect(result).toMatchObject({ outcome: "refused", message: expect.stringMatching(/macros/) });
  });

  it("an ordinary ZIP is refused as not a Word or Excel document", async () => {
    const result = classifyZipEntries(await entriesOf(await plainZip()));
    expect(result).toMatchObject({ outcome: "refused", message: expect.stringMatching(/ZIP archive, not a Word or Excel/) });
  });

  it("a PowerPoint file is refused by name", async () => {
    const result = classifyZipEntries(await entriesOf(await minimalPptx()));
    expect(result).toMatchObject({ outcome: "refused", message: expect.stringMatching(/PowerPoint/) });
  });

  it.each([
    [["[Content_Types].xml", "word/document.xml", "xl/workbook.xml"], "both Word and Excel parts"],
    [["word/document.xml"], "no content-types part"],
    [["[Content_Types].xml", "xl/workbook.xml", "xl/vbaProject.bin"], "an xlsm"],
    [["[CONTENT_TYPES].XML", "XL/WORKBOOK.XML", "XL/VBAPROJECT.BIN"], "an xlsm in upper case"],
  ])("refuses %j (%s)", (names) => {
    expect(classifyZipEntries(names).outcome).toBe("refused");
  });
});

describe("matchFileNameToType: the name must not lie about the content", () => {
  it.each<[string, FileKind, string]>([
    ["report.pdf", "pdf", "report.pdf"],
    ["REPORT.PDF", "pdf", "REPORT.PDF"],
    ["scan.jpeg", "jpeg", "scan.jpeg"],
    ["scan.JPG", "jpeg", "scan.JPG"],
    ["policy", "docx", "policy.docx"],
    ["notes", "txt", "notes.txt"],
    ["msa.md", "txt", "msa.md"],
    ["dpa.MARKDOWN", "txt", "dpa.MARKDOWN"],
  ])("%s as %s → %s", (name, kind, expected) => {
    expect(matchFileNameToType(name, kind)).toEqual({ ok: true, fileName: expected });
  });

  it("a PNG named .pdf is refused with a message saying what it really is", () => {
    expect(matchFileNameToType("soc2-report.pdf", "png")).toEqual({
      ok: false,
      message: "The file is a PNG image but is named .pdf. Rename it to .png if that is what it is.",
    });
  });

  it.each<[string, FileKind]>([
    ["budget.xlsx", "docx"],
    ["policy.docx", "xlsx"],
    ["notes.csv", "txt"],
    ["evil.pdf.exe", "pdf"],
    ["photo.png", "jpeg"],
  ])("%s holding %s is refused", (name, kind) => {
    expect(matchFileNameToType(name, kind).ok).toBe(false);
  });

  it("extensionOf ignores a dot at either end", () => {
    expect(extensionOf("file.")).toBeNull();
    expect(extensionOf(".bashrc")).toBeNull();
    expect(extensionOf("a.tar.GZ")).toBe(".gz");
  });

  it("every type has a canonical extension and MIME type", () => {
    for (const kind of Object.keys(MIME_TYPES) as FileKind[]) {
      expect(allowedExtensionFor(kind)).toMatch(/^\.[a-z]+$/);
      expect(MIME_TYPES[kind]).toMatch(/^[a-z]+\/[\w.+-]+/);
    }
  });
});
