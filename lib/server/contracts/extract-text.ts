// Text of an uploaded contract for the clause finder: per-page text for PDFs
// (pdf.js via unpdf, table rows rebuilt by pdf-page-text.ts), sections under
// their Word headings for DOCX (mammoth), sections under their headings for
// Markdown (marked, lib/domain/legal/markdown-sections.ts) and HTML
// (htmlparser2, html-sections.ts), and plain text (pages split on form feeds)
// for TXT. Failures are a typed, user-safe error: the upload form shows the
// message as is.
import { readsAsEnglish } from "@/lib/domain/legal/contract-language";
import { checkZipBudget } from "@/lib/domain/uploads/file-type";
import { AppError } from "@/lib/server/errors";
import { listZipEntriesOf } from "@/lib/server/storage/list-zip-entries";
import { ExtractionBudgetError, parseInWorker, type ExtractionBudget } from "./parse-in-worker";
import { markdownNesting, markdownToSections } from "@/lib/domain/legal/markdown-sections";
import { HtmlTooDeepError, htmlToSections, MAX_HTML_NESTING } from "./html-sections";
import { pdfPageText } from "./pdf-page-text";

export const CONTRACT_MIME_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
} as const;
export type ContractMimeType = (typeof CONTRACT_MIME_TYPES)[keyof typeof CONTRACT_MIME_TYPES];

export interface ExtractedContractText {
  format: "pdf" | "docx" | "txt" | "md" | "html";
  pages?: { number: number; text: string }[];
  sections?: { heading: string | null; text: string }[];
  fullText: string;
}

export type ContractTextFailure = "unsupported_type" | "corrupt_file" | "encrypted" | "no_text" | "too_demanding" | "not_english";

export class ContractTextExtractionError extends AppError {
  constructor(
    readonly reason: ContractTextFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super("VALIDATION", message);
    this.name = "ContractTextExtractionError";
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/**
 * PDF and DOCX are parsed in a worker thread under a memory and time budget
 * (parse-in-worker.ts): both formats can be built to expand far beyond their
 * size on disk, and the parsers would otherwise do it in the server's heap.
 */
export async function extractContractText(
  bytes: Uint8Array,
  mimeType: ContractMimeType | string,
  budget?: Partial<ExtractionBudget>,
): Promise<ExtractedContractText> {
  const extracted = await extractByType(bytes, mimeType, budget);
  if (extracted.fullText.length > MAX_CONTRACT_TEXT_CHARS) throw tooMuchText(`holds ${(extracted.fullText.length / 1_000_000).toFixed(1)} million characters of text`);
  if (!readsAsEnglish(extracted.fullText)) {
    throw new ContractTextExtractionError(
      "not_english",
      "This contract does not appear to be in English. The clause finder reads English only, so it proposed nothing: review this contract's clauses by hand, or upload its English version if it has one.",
    );
  }
  return extracted;
}

/**
 * The most text the clause finder reads: about a thousand pages. The finder
 * runs in the server's own process, at about two seconds a megabyte of
 * contract text, so a bigger file would hold up every other request while it
 * is read. Text and markup files are measured before they are parsed.
 */
export const MAX_CONTRACT_TEXT_CHARS = 3_000_000;
/** Markup carries its tags and styles too (a Word export's HTML is mostly styling). */
const MAX_MARKUP_BYTES = 5 * MAX_CONTRACT_TEXT_CHARS;

function tooMuchText(size: string): ContractTextExtractionError {
  return new ContractTextExtractionError(
    "too_demanding",
    `This contract ${size}; the clause finder reads up to ${MAX_CONTRACT_TEXT_CHARS / 1_000_000} million characters of text (about a thousand pages). Upload the agreement and its schedules as separate files.`,
  );
}

async function extractByType(bytes: Uint8Array, mimeType: string, budget?: Partial<ExtractionBudget>): Promise<ExtractedContractText> {
  const mime = mimeType.split(";")[0]?.trim().toLowerCase();
  if ((mime === CONTRACT_MIME_TYPES.txt && bytes.length > MAX_CONTRACT_TEXT_CHARS * 4) || ((mime === CONTRACT_MIME_TYPES.md || mime === CONTRACT_MIME_TYPES.html) && bytes.length > MAX_MARKUP_BYTES)) {
    // At most four bytes a character: more bytes than that are more text than the finder reads, whatever they decode to.
    throw tooMuchText(`file is ${(bytes.length / 1024 / 1024).toFixed(0)} MB`);
  }
  switch (mime) {
    case CONTRACT_MIME_TYPES.pdf:
      return extractPdf(bytes, budget);
    case CONTRACT_MIME_TYPES.docx:
      return extractDocx(bytes, budget);
    case CONTRACT_MIME_TYPES.txt:
      return extractTxt(bytes);
    case CONTRACT_MIME_TYPES.md:
      return extractMarkup(bytes, "md");
    case CONTRACT_MIME_TYPES.html:
      return extractMarkup(bytes, "html");
    default:
      throw new ContractTextExtractionError(
        "unsupported_type",
        `Contracts must be PDF, DOCX, Markdown, HTML or plain text; this file is "${mimeType}". Legacy .doc files must be saved as DOCX first.`,
      );
  }
}

const EXTENSION_TYPES: Record<string, ContractMimeType> = {
  ".pdf": CONTRACT_MIME_TYPES.pdf,
  ".docx": CONTRACT_MIME_TYPES.docx,
  ".txt": CONTRACT_MIME_TYPES.txt,
  ".md": CONTRACT_MIME_TYPES.md,
  ".markdown": CONTRACT_MIME_TYPES.md,
  ".html": CONTRACT_MIME_TYPES.html,
  ".htm": CONTRACT_MIME_TYPES.html,
};

/**
 * The reader for a file: its stored type, except that text stored as
 * text/plain is read as Markdown or HTML when its name says so (evidence
 * storage types every text file as plain text). Undefined: not a contract format.
 */
export function contractMimeFor(mimeType: string | undefined, fileName: string): ContractMimeType | undefined {
  const byName = EXTENSION_TYPES[/\.[a-z0-9]+$/i.exec(fileName)?.[0]?.toLowerCase() ?? ""];
  const mime = mimeType?.split(";")[0]?.trim().toLowerCase();
  if (mime === CONTRACT_MIME_TYPES.txt && (byName === CONTRACT_MIME_TYPES.md || byName === CONTRACT_MIME_TYPES.html)) return byName;
  if (mime && (Object.values(CONTRACT_MIME_TYPES) as string[]).includes(mime)) return mime as ContractMimeType;
  return mime ? undefined : byName;
}

function tooDemanding(cause: ExtractionBudgetError, what: string): ContractTextExtractionError {
  return new ContractTextExtractionError(
    "too_demanding",
    cause.reason === "timeout"
      ? `This ${what} took too long to read, so the clause finder stopped. Re-save it (or export it as PDF) and upload it again.`
      : `This ${what} needs far more memory to read than its size suggests (it may be an archive bomb), so the clause finder stopped.`,
    { cause },
  );
}

async function extractPdf(bytes: Uint8Array, budget?: Partial<ExtractionBudget>): Promise<ExtractedContractText> {
  if (!startsWith(bytes, "%PDF-", 1024)) {
    throw new ContractTextExtractionError("corrupt_file", "This file is not a valid PDF (no PDF header). Check that the upload finished and the file opens.");
  }
  let pageTexts: string[];
  try {
    pageTexts = ((await parseInWorker({ format: "pdf", bytes }, budget)).pageItems ?? []).map(pdfPageText);
  } catch (cause) {
    if (cause instanceof ExtractionBudgetError) throw tooDemanding(cause, "PDF");
    const name = (cause as { name?: string } | null)?.name ?? "";
    if (name === "PasswordException") {
      throw new ContractTextExtractionError("encrypted", "This PDF is password-protected. Upload an unprotected copy.", { cause });
    }
    throw new ContractTextExtractionError("corrupt_file", "This PDF could not be read; it may be damaged. Re-export it and upload again.", { cause });
  }
  const pages = pageTexts.map((text, i) => ({ number: i + 1, text }));
  const fullText = pages.map((p) => p.text).join("\n\n");
  if (!fullText.trim()) {
    throw new ContractTextExtractionError(
      "no_text",
      "This PDF has no text layer (it is probably a scan). Upload the text PDF or the DOCX; scanned contracts are not read automatically.",
    );
  }
  return { format: "pdf", pages, fullText };
}

async function extractDocx(bytes: Uint8Array, budget?: Partial<ExtractionBudget>): Promise<ExtractedContractText> {
  if (!startsWith(bytes, "PK\u0003\u0004", 0)) {
    throw new ContractTextExtractionError("corrupt_file", "This file is not a valid DOCX (it is not a zip package). Legacy .doc files must be saved as DOCX first.");
  }
  // The archive's own account of its parts, before anything is inflated: an upload was
  // checked so when it arrived, a file given to the CLI was not.
  const listing = await listZipEntriesOf(bytes);
  if (!listing.ok) {
    throw new ContractTextExtractionError(
      listing.why === "damaged" ? "corrupt_file" : "too_demanding",
      listing.why === "damaged" ? "This DOCX could not be read; it may be damaged. Re-save it in Word and upload again." : "This DOCX has far more parts than any Word document, so the clause finder did not open it.",
    );
  }
  const zipBudget = checkZipBudget(listing.sizes);
  if (!zipBudget.ok) throw new ContractTextExtractionError("too_demanding", zipBudget.message);
  let html: string;
  try {
    html = (await parseInWorker({ format: "docx", bytes }, budget)).html ?? "";
  } catch (cause) {
    if (cause instanceof ExtractionBudgetError) throw tooDemanding(cause, "DOCX");
    throw new ContractTextExtractionError("corrupt_file", "This DOCX could not be read; it may be damaged. Re-save it in Word and upload again.", { cause });
  }
  const sections = htmlSectionsOf(html, "DOCX");
  const fullText = sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n")).join("\n\n");
  if (!fullText.trim()) throw new ContractTextExtractionError("no_text", "This DOCX contains no text.");
  return { format: "docx", sections, fullText };
}

function decodeText(bytes: Uint8Array): string {
  // Notepad's "Unicode" is UTF-16 with a byte-order mark; its NUL bytes are no binary data.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : undefined;
  if (utf16) {
    try {
      return normaliseText(new TextDecoder(utf16, { fatal: true }).decode(bytes));
    } catch {
      throw new ContractTextExtractionError("corrupt_file", "This file says it is UTF-16 text but is not. Save it again as UTF-8 and upload it.");
    }
  }
  if (bytes.includes(0)) {
    throw new ContractTextExtractionError("corrupt_file", "This file is not plain text (it contains binary data).");
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Old systems export Windows-1252; decoding it as such beats rejecting the file.
    text = decodeWindows1252(bytes);
  }
  return normaliseText(text);
}

function normaliseText(text: string): string {
  return text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
}

/** Deeper than any contract's lists and quotes; marked's recursion is safe well beyond it. */
const MAX_MARKDOWN_NESTING = 24;

/**
 * Markdown and HTML are parsed in process: their parsers do not expand input
 * the way PDF and DOCX can, and what would make them stall (size, nesting) is
 * measured first.
 */
function extractMarkup(bytes: Uint8Array, format: "md" | "html"): ExtractedContractText {
  const text = decodeText(bytes);
  if (format === "md" && markdownNesting(text) > MAX_MARKDOWN_NESTING) {
    throw new ContractTextExtractionError(
      "too_demanding",
      `This Markdown file nests lists or quotes more than ${MAX_MARKDOWN_NESTING} levels deep, far beyond any contract, so the clause finder did not read it.`,
    );
  }
  const sections = format === "md" ? markdownToSections(text) : htmlSectionsOf(text, "HTML file");
  const fullText = sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n")).join("\n\n");
  if (!fullText.trim()) throw new ContractTextExtractionError("no_text", `This ${format === "md" ? "Markdown" : "HTML"} file contains no text.`);
  return { format, sections, fullText };
}

function htmlSectionsOf(html: string, what: "DOCX" | "HTML file"): ReturnType<typeof htmlToSections> {
  try {
    return htmlToSections(html);
  } catch (cause) {
    if (!(cause instanceof HtmlTooDeepError)) throw cause;
    throw new ContractTextExtractionError(
      "too_demanding",
      `This ${what} nests elements more than ${MAX_HTML_NESTING} levels deep, far beyond any contract, so the clause finder did not read it.`,
      { cause },
    );
  }
}

function extractTxt(bytes: Uint8Array): ExtractedContractText {
  const text = decodeText(bytes);
  if (!text.trim()) throw new ContractTextExtractionError("no_text", "This text file is empty.");
  if (text.includes("\f")) {
    const pages = text.split("\f").map((t, i) => ({ number: i + 1, text: t }));
    return { format: "txt", pages, fullText: text.replace(/\f/g, "\n\n") };
  }
  return { format: "txt", sections: [{ heading: null, text }], fullText: text };
}

function startsWith(bytes: Uint8Array, signature: string, within: number): boolean {
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, Math.max(within, signature.length) + signature.length));
  return within === 0 ? head.startsWith(signature) : head.slice(0, within + signature.length).includes(signature);
}

// Node's TextDecoder may lack Windows-1252 (small ICU builds treat it as Latin-1),
// so map the 0x80-0x9F block (curly quotes, dashes, euro) ourselves.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
function decodeWindows1252(bytes: Uint8Array): string {
  // Latin-1 gives every other byte its character in one pass; only 0x80-0x9F differ.
  return new TextDecoder("latin1").decode(bytes).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
