// Text of an uploaded contract for the clause finder: per-page text for PDFs
// (unpdf), sections under their Word headings for DOCX (mammoth), and plain
// text (pages split on form feeds) for TXT. Failures are a typed, user-safe
// error: the upload form shows the message as is.
import mammoth from "mammoth";
import { extractText, getDocumentProxy } from "unpdf";
import { AppError } from "@/lib/server/errors";
import { htmlToSections } from "./html-sections";

export const CONTRACT_MIME_TYPES = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  txt: "text/plain",
} as const;
export type ContractMimeType = (typeof CONTRACT_MIME_TYPES)[keyof typeof CONTRACT_MIME_TYPES];

export interface ExtractedContractText {
  format: "pdf" | "docx" | "txt";
  pages?: { number: number; text: string }[];
  sections?: { heading: string | null; text: string }[];
  fullText: string;
}

export type ContractTextFailure = "unsupported_type" | "corrupt_file" | "encrypted" | "no_text";

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

export async function extractContractText(bytes: Uint8Array, mimeType: ContractMimeType | string): Promise<ExtractedContractText> {
  const mime = mimeType.split(";")[0]?.trim().toLowerCase();
  switch (mime) {
    case CONTRACT_MIME_TYPES.pdf:
      return extractPdf(bytes);
    case CONTRACT_MIME_TYPES.docx:
      return extractDocx(bytes);
    case CONTRACT_MIME_TYPES.txt:
      return extractTxt(bytes);
    default:
      throw new ContractTextExtractionError(
        "unsupported_type",
        `Contracts must be PDF, DOCX or plain text; this file is "${mimeType}". Legacy .doc files must be saved as DOCX first.`,
      );
  }
}

async function extractPdf(bytes: Uint8Array): Promise<ExtractedContractText> {
  if (!startsWith(bytes, "%PDF-", 1024)) {
    throw new ContractTextExtractionError("corrupt_file", "This file is not a valid PDF (no PDF header). Check that the upload finished and the file opens.");
  }
  let pageTexts: string[];
  try {
    // pdf.js may detach the buffer it is given; keep the caller's bytes intact.
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pageTexts = (await extractText(pdf, { mergePages: false })).text;
  } catch (cause) {
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

async function extractDocx(bytes: Uint8Array): Promise<ExtractedContractText> {
  if (!startsWith(bytes, "PK\u0003\u0004", 0)) {
    throw new ContractTextExtractionError("corrupt_file", "This file is not a valid DOCX (it is not a zip package). Legacy .doc files must be saved as DOCX first.");
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Contract titles often use the Title style; treat it as a heading.
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"] },
    );
    html = result.value;
  } catch (cause) {
    throw new ContractTextExtractionError("corrupt_file", "This DOCX could not be read; it may be damaged. Re-save it in Word and upload again.", { cause });
  }
  const sections = htmlToSections(html);
  const fullText = sections.map((s) => [s.heading, s.text].filter(Boolean).join("\n")).join("\n\n");
  if (!fullText.trim()) throw new ContractTextExtractionError("no_text", "This DOCX contains no text.");
  return { format: "docx", sections, fullText };
}

function extractTxt(bytes: Uint8Array): ExtractedContractText {
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
  text = text.replace(/^\ufeff/, "").replace(/\r\n?/g, "\n");
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
