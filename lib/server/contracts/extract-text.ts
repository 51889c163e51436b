// Text of an uploaded contract for the clause finder: per-page text for PDFs
// (pdf.js via unpdf, table rows rebuilt by pdf-page-text.ts), sections under their Word headings for DOCX (mammoth), sections
// under their headings for Markdown (marked, lib/domain/legal/markdown-sections.ts)
// and HTML (htmlparser2, html-sections.ts), and plain text (pages split on form
// feeds) for TXT. Failures are a typed, user-safe
// error: the upload form shows the message as is.
import { AppError } from "@/lib/server/errors";
import { ExtractionBudgetError, parseInWorker, type ExtractionBudget } from "./parse-in-worker";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";
import { htmlToSections } from "./html-sections";
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

export type ContractTextFailure = "unsupported_type" | "corrupt_file" | "encrypted" | "no_text" | "too_demanding";

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
  const mime = mimeType.split(";")[0]?.trim().toLowerCase();
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
  let html: string;
  try {
    html = (await parseInWorker({ format: "docx", bytes }, budget)).html ?? "";
  } catch (cause) {
    if (cause instanceof ExtractionBudgetError) throw tooDemanding(cause, "DOCX");
    throw new ContractTextExtractionError("corrupt_file", "This DOCX could not be read; it may be damaged. Re-save it in Word and upload again.", { cause });
  }
  const sections = htmlToSections(html);
  const fullText = sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n")).join("\n\n");
  if (!fullText.trim()) throw new ContractTextExtractionError("no_text", "This DOCX contains no text.");
  return { format: "docx", sections, fullText };
}

function decodeText(bytes: Uint8Array): string {
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
  return text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
}

/** Markdown and HTML are parsed in process: their parsers do not expand input the way PDF and DOCX can. */
function extractMarkup(bytes: Uint8Array, format: "md" | "html"): ExtractedContractText {
  const sections = format === "md" ? markdownToSections(decodeText(bytes)) : htmlToSections(decodeText(bytes));
  const fullText = sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n")).join("\n\n");
  if (!fullText.trim()) throw new ContractTextExtractionError("no_text", `This ${format === "md" ? "Markdown" : "HTML"} file contains no text.`);
  return { format, sections, fullText };
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
  let out = "";
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}
