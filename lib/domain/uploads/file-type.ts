// Evidence file types (docs/rules.md §2: every document is an uploaded file).
// The type is decided from the bytes, never from the name or the browser's
// Content-Type, because both are chosen by whoever uploads. Pure: no I/O, so
// the same rules serve the upload path, the CLI import and the tests.

export const FILE_KINDS = ["pdf", "docx", "xlsx", "png", "jpeg", "txt", "html"] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Canonical media types; the download sends exactly these. */
export const MIME_TYPES: Record<FileKind, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  png: "image/png",
  jpeg: "image/jpeg",
  // The content was checked to be UTF-8, so say so: a browser that guesses
  // the charset can be talked into UTF-7 and similar tricks.
  txt: "text/plain; charset=utf-8",
  // An HTML contract is stored and served as plain text, never as text/html:
  // the app never renders an uploaded page, so a script inside it stays
  // inert text (docs/security.md, "Markup uploads").
  html: "text/plain; charset=utf-8",
};

export const FILE_KIND_LABELS: Record<FileKind, string> = {
  pdf: "a PDF document",
  docx: "a Word document (DOCX)",
  xlsx: "an Excel workbook (XLSX)",
  png: "a PNG image",
  jpeg: "a JPEG image",
  txt: "a plain-text file",
  html: "an HTML document",
};

/** Accepted name extensions per type, the canonical one first. */
const EXTENSIONS: Record<FileKind, readonly string[]> = {
  pdf: [".pdf"],
  docx: [".docx"],
  xlsx: [".xlsx"],
  png: [".png"],
  jpeg: [".jpg", ".jpeg"],
  // Markdown is plain text to storage (served as text/plain); the clause
  // finder reads it with its structure (lib/server/contracts/extract-text.ts).
  txt: [".txt", ".md", ".markdown"],
  // Markdown may open with an HTML block ("<div align=center>"); the clause
  // finder reads a .md by its name as Markdown either way.
  html: [".html", ".htm", ".md", ".markdown"],
};

export const ACCEPTED_TYPES_SENTENCE = "Upload a PDF, DOCX, XLSX, PNG, JPEG or TXT file.";

/** How many leading bytes sniffFileType needs to decide (bar the zip listing). */
export const SNIFF_HEAD_BYTES = 4096;

export function allowedExtensionFor(kind: FileKind): string {
  return EXTENSIONS[kind][0] ?? `.${kind}`;
}

export function allowedExtensionsFor(kind: FileKind): readonly string[] {
  return EXTENSIONS[kind];
}

export type SniffResult =
  | { outcome: "detected"; kind: FileKind }
  /** A ZIP container: list its entries and call classifyZipEntries. */
  | { outcome: "zip" }
  | { outcome: "refused"; message: string };

export interface SniffOptions {
  /** True when `head` is the whole file (so a cut-off UTF-8 sequence at its end is an error). */
  complete?: boolean;
  /**
   * Accept an HTML document (contracts only: agreements are published as web
   * pages and Word exports to HTML). Stored as plain text (MIME_TYPES.html).
   * SVG, XML and a bare script are refused whatever this says.
   */
  acceptHtml?: boolean;
}

const refused = (message: string): SniffResult => ({ outcome: "refused", message });

/**
 * Decides the type from the first bytes of the file (SNIFF_HEAD_BYTES is
 * enough). Plain text is only judged on the head here; the caller must run
 * createTextValidator over the whole file before accepting it.
 */
export function sniffFileType(head: Uint8Array, opts: SniffOptions = {}): SniffResult {
  if (head.length === 0) return refused("The file is empty.");

  // Signatures are checked at offset 0 only. Readers that tolerate junk before
  // "%PDF-" are how PDF/HTML polyglots work, so we do not.
  if (startsWith(head, PDF)) return { outcome: "detected", kind: "pdf" };
  if (startsWith(head, PNG) && startsWith(head.subarray(12), PNG_IHDR)) {
    return { outcome: "detected", kind: "png" };
  }
  if (startsWith(head, JPEG)) return { outcome: "detected", kind: "jpeg" };
  if (startsWith(head, ZIP_LOCAL_FILE)) return { outcome: "zip" };

  const executable = executableKind(head);
  if (executable) {
    return refused(`The file is ${executable}. Programs and scripts cannot be uploaded as evidence.`);
  }
  for (const [magic, what] of KNOWN_UNSUPPORTED) {
    if (startsWith(head, magic)) return refused(`The file is ${what}, which is not accepted. ${ACCEPTED_TYPES_SENTENCE}`);
  }
  return sniffText(head, opts.complete ?? false, opts.acceptHtml ?? false);
}

// --- ZIP-based Office documents -------------------------------------------

/** The most entries a DOCX/XLSX is expected to hold; more is refused unread. */
export const MAX_ZIP_ENTRIES = 10_000;

/**
 * Archive-bomb limits, judged from the ZIP's central directory before any
 * entry is inflated (README.md "Security defaults", archive bombs). Real Office files
 * compress their XML 5-30x and their images not at all; a bomb of zeros
 * deflates about 1000x. The sizes are the archive's own claims: whatever
 * inflates the file later (the clause finder) runs under a memory and time
 * budget in case they lie.
 */
export const ZIP_LIMITS = {
  maxEntries: MAX_ZIP_ENTRIES,
  /** All entries together, inflated. */
  maxTotalUncompressedBytes: 256 * 1024 * 1024,
  /** Inflated / compressed, per entry and for the whole archive. */
  maxCompressionRatio: 200,
  /** Entries (and archives) smaller than this inflated are never a bomb, whatever their ratio. */
  ratioFloorBytes: 1024 * 1024,
} as const;

export interface ZipEntrySize {
  compressedSize: number;
  uncompressedSize: number;
}

export type ZipBudget = { ok: true } | { ok: false; message: string };

export function checkZipBudget(entries: readonly ZipEntrySize[], limits: typeof ZIP_LIMITS = ZIP_LIMITS): ZipBudget {
  const unsafe = (why: string): ZipBudget => ({
    ok: false,
    message: `The document ${why}, which no genuine Word or Excel file does, so it was not accepted (it may be an archive bomb).`,
  });
  if (entries.length > limits.maxEntries) return unsafe(`has ${entries.length} parts (the limit is ${limits.maxEntries})`);
  let compressed = 0;
  let uncompressed = 0;
  for (const e of entries) {
    compressed += e.compressedSize;
    uncompressed += e.uncompressedSize;
    if (e.uncompressedSize >= limits.ratioFloorBytes && e.uncompressedSize > e.compressedSize * limits.maxCompressionRatio) {
      return unsafe(`has a part that expands more than ${limits.maxCompressionRatio} times`);
    }
  }
  if (uncompressed > limits.maxTotalUncompressedBytes) {
    return unsafe(`would expand to ${Math.round(uncompressed / 1024 / 1024)} MB (the limit is ${limits.maxTotalUncompressedBytes / 1024 / 1024} MB)`);
  }
  if (uncompressed >= limits.ratioFloorBytes && uncompressed > compressed * limits.maxCompressionRatio) {
    return unsafe(`expands more than ${limits.maxCompressionRatio} times`);
  }
  return { ok: true };
}

/**
 * DOCX and XLSX are both ZIP files; the entry names tell them apart. These are
 * the part names every producer (Word, Excel, LibreOffice, docx/exceljs) uses.
 */
export type ZipClassification =
  | { outcome: "detected"; kind: "docx" | "xlsx" }
  | { outcome: "refused"; message: string };

export function classifyZipEntries(entryNames: readonly string[]): ZipClassification {
  const refused = (message: string) => ({ outcome: "refused", message }) as const;
  const names = new Set(entryNames.map((n) => n.toLowerCase()));
  const notOffice = refused(
    `The file is a ZIP archive, not a Word or Excel document. ${ACCEPTED_TYPES_SENTENCE}`,
  );
  if (!names.has("[content_types].xml")) return notOffice;
  // Macros run code on the reviewer's machine; .docm/.xlsm are refused even
  // when renamed, because the name is not what Office trusts, the content is.
  if ([...names].some((n) => n.endsWith("vbaproject.bin") || n.endsWith("vbadata.xml"))) {
    return refused(
      "The document contains macros (VBA). Save it as a macro-free .docx or .xlsx and upload it again.",
    );
  }
  const isWord = names.has("word/document.xml");
  const isExcel = names.has("xl/workbook.xml");
  if (isWord && !isExcel) return { outcome: "detected", kind: "docx" };
  if (isExcel && !isWord) return { outcome: "detected", kind: "xlsx" };
  if (names.has("ppt/presentation.xml")) {
    return refused(`The file is a PowerPoint presentation, which is not accepted. ${ACCEPTED_TYPES_SENTENCE}`);
  }
  return notOffice;
}

// --- Name versus content ----------------------------------------------------

export type NameCheck = { ok: true; fileName: string } | { ok: false; message: string };

/**
 * The name's extension must be one of the detected type's. A name without an
 * extension gets the canonical one, so the download opens in the right app.
 * `fileName` must already be sanitised (see file-name.ts).
 */
export function matchFileNameToType(fileName: string, kind: FileKind): NameCheck {
  const ext = extensionOf(fileName);
  if (ext === null) return { ok: true, fileName: `${fileName}${allowedExtensionFor(kind)}` };
  if (EXTENSIONS[kind].includes(ext)) return { ok: true, fileName };
  const label = FILE_KIND_LABELS[kind];
  return {
    ok: false,
    message: `The file is ${label} but is named ${ext}. Rename it to ${allowedExtensionFor(kind)} if that is what it is.`,
  };
}

/** Lower-cased extension with its dot, or null. A leading dot alone is not an extension. */
export function extensionOf(fileName: string): string | null {
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0 || dot === fileName.length - 1) return null;
  return fileName.slice(dot).toLowerCase();
}

// --- Plain text ---------------------------------------------------------------

export type TextVerdict = { ok: true } | { ok: false; message: string };

/** Control characters other than whitespace and ESC, as a share of all characters. */
const MAX_CONTROL_SHARE = 0.01;

/**
 * Streaming UTF-8 text check. Feed every chunk to push(), then call finish().
 * A .txt evidence file must be valid UTF-8 with no NUL and almost no control
 * characters; anything else is a binary wearing a .txt name.
 */
export function createTextValidator(): {
  push(chunk: Uint8Array): TextVerdict;
  finish(): TextVerdict;
} {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let chars = 0;
  let controls = 0;
  let failed: TextVerdict | null = null;

  const scan = (text: string): TextVerdict => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      chars++;
      if (c === 0) return notText("it contains NUL bytes");
      if (isDisallowedControl(c)) controls++;
    }
    return { ok: true };
  };
  const decode = (chunk: Uint8Array | undefined, stream: boolean): TextVerdict => {
    if (failed) return failed;
    let verdict: TextVerdict;
    try {
      verdict = scan(decoder.decode(chunk, { stream }));
    } catch {
      verdict = notText("it is not valid UTF-8");
    }
    if (!verdict.ok) failed = verdict;
    return verdict;
  };

  return {
    push: (chunk) => decode(chunk, true),
    finish() {
      const last = decode(undefined, false);
      if (!last.ok) return last;
      if (chars > 0 && controls / chars > MAX_CONTROL_SHARE) {
        return (failed = notText("it contains control characters"));
      }
      return { ok: true };
    },
  };
}

function sniffText(head: Uint8Array, complete: boolean, acceptHtml: boolean): SniffResult {
  if (startsWith(head, UTF16_LE_BOM) || startsWith(head, UTF16_BE_BOM)) {
    return refused("The text file is UTF-16. Save it as UTF-8 and upload it again.");
  }
  const validator = createTextValidator();
  const verdict = complete ? (validator.push(head), validator.finish()) : validator.push(head);
  if (!verdict.ok) return refused(`${verdict.message} ${ACCEPTED_TYPES_SENTENCE}`);

  const start = firstSignificantByte(head);
  // A "text" file that opens with markup is HTML, SVG or XML. Served as
  // text/plain with nosniff it is harmless, but one wrong header away from a
  // stored XSS; nobody needs it as evidence, so refuse it outright.
  if (start !== undefined && head[start] === LT) {
    if (acceptHtml && isHtmlDocument(head.subarray(start))) return { outcome: "detected", kind: "html" };
    if (acceptHtml) {
      return refused("The file contains markup that is not an HTML document (SVG, XML or a script). Upload the contract as PDF, DOCX, HTML, Markdown or text.");
    }
    return refused(
      "The file contains HTML or XML markup, which is not accepted as a text document. Export it as PDF instead.",
    );
  }
  return { outcome: "detected", kind: "txt" };
}

/**
 * An HTML page or fragment, judged by its first element after any comments:
 * a doctype, <html>, or a text element a document opens with. "<svg", "<?xml"
 * and "<script" are not documents (SVG runs script when opened as an image,
 * XML is no contract format).
 */
const HTML_OPENING = /^<(?:!doctype\s+html\b|(?:html|head|body|meta|title|main|article|section|header|div|p|h[1-6]|table|ol|ul|dl|center|font|span|b|strong|em|i|a|br|hr|blockquote|pre)(?=[\s>/]))/i;

function isHtmlDocument(head: Uint8Array): boolean {
  const text = new TextDecoder("utf-8").decode(head.subarray(0, SNIFF_HEAD_BYTES));
  const opening = text.replace(/^(?:\s*<!--[\s\S]*?-->)*\s*/, "");
  return HTML_OPENING.test(opening);
}

function notText(why: string): TextVerdict {
  return { ok: false, message: `The file is not a supported document: ${why}.` };
}

// Tab, LF, VT, FF, CR and ESC (colour codes in exported logs) are tolerated.
function isDisallowedControl(c: number): boolean {
  if (c < 0x20) return !(c >= 0x09 && c <= 0x0d) && c !== 0x1b;
  return c === 0x7f || (c >= 0x80 && c <= 0x9f);
}

/** Index of the first byte after a UTF-8 BOM and ASCII whitespace. */
function firstSignificantByte(head: Uint8Array): number | undefined {
  let i = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
  while (i < head.length && isAsciiSpace(head[i] ?? 0)) i++;
  return i < head.length ? i : undefined;
}

function isAsciiSpace(b: number): boolean {
  return b === 0x20 || (b >= 0x09 && b <= 0x0d);
}

// --- Executables and other known formats ---------------------------------------

function executableKind(head: Uint8Array): string | null {
  // "MZ" alone could start a sentence; a real DOS/PE header has NUL bytes in
  // its first 64 bytes, which no text file has.
  if (startsWith(head, MZ) && head.subarray(0, 64).includes(0)) return "a Windows executable";
  if (startsWith(head, ELF)) return "a Linux executable (ELF)";
  if (MACH_O.some((m) => startsWith(head, m))) return "a macOS executable (Mach-O)";
  if (startsWith(head, WASM)) return "a WebAssembly module";
  if (startsWith(head, SHEBANG) || startsWith(head, [...UTF8_BOM, ...SHEBANG])) return "a script";
  return null;
}

const bytes = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

const PDF = bytes("%PDF-");
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_IHDR = bytes("IHDR");
const JPEG = [0xff, 0xd8, 0xff];
const ZIP_LOCAL_FILE = [0x50, 0x4b, 0x03, 0x04];
const MZ = bytes("MZ");
const ELF = [0x7f, 0x45, 0x4c, 0x46];
const MACH_O = [
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  // Universal binaries; Java classes share this magic and are refused too.
  [0xca, 0xfe, 0xba, 0xbe],
];
const WASM = [0x00, 0x61, 0x73, 0x6d];
const SHEBANG = bytes("#!");
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16_LE_BOM = [0xff, 0xfe];
const UTF16_BE_BOM = [0xfe, 0xff];
const LT = 0x3c;

/** Named so the refusal says what the file is rather than "unsupported". */
const KNOWN_UNSUPPORTED: ReadonlyArray<readonly [number[], string]> = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "a legacy or password-protected Office file (.doc/.xls)"],
  [[0x50, 0x4b, 0x05, 0x06], "an empty ZIP archive"],
  [[0x50, 0x4b, 0x07, 0x08], "a split ZIP archive"],
  [bytes("GIF8"), "a GIF image"],
  [bytes("II*\0"), "a TIFF image"],
  [bytes("MM\0*"), "a TIFF image"],
  [[0x1f, 0x8b], "a gzip archive"],
  [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], "a 7-Zip archive"],
  [bytes("Rar!"), "a RAR archive"],
  [bytes("{\\rtf"), "an RTF document"],
];

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  if (data.length < prefix.length) return false;
  return prefix.every((b, i) => data[i] === b);
}
