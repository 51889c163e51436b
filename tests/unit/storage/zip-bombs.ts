// Generated archive bombs: DOCX-shaped ZIPs whose parts inflate far beyond
// their size on disk. Streamed through yazl, so the test process never holds
// the inflated bytes itself.
import { Readable } from "node:stream";
import { ZipFile } from "yazl";

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const PACKAGE_RELS =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const SMALL_DOCUMENT = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>Policy</w:t></w:r></w:p></w:body></w:document>`;

/** `total` bytes made of `piece` repeated, as a stream of 1 MB chunks. */
function repeated(piece: string | Buffer, total: number): Readable {
  const unit = Buffer.isBuffer(piece) ? piece : Buffer.from(piece);
  const chunk = Buffer.alloc(Math.min(1024 * 1024, total) - (Math.min(1024 * 1024, total) % unit.length), unit);
  let left = total;
  return new Readable({
    read() {
      if (left <= 0) return void this.push(null);
      const n = Math.min(chunk.length, left);
      left -= n;
      this.push(chunk.subarray(0, n));
    },
  });
}

function collect(file: ZipFile): Promise<Buffer> {
  file.end();
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    file.outputStream.on("data", (c: Buffer) => parts.push(c));
    file.outputStream.on("error", reject);
    file.outputStream.on("end", () => resolve(Buffer.concat(parts)));
  });
}

function docxSkeleton(document = SMALL_DOCUMENT): ZipFile {
  const file = new ZipFile();
  file.addBuffer(Buffer.from(CONTENT_TYPES), "[Content_Types].xml");
  file.addBuffer(Buffer.from(PACKAGE_RELS), "_rels/.rels");
  file.addBuffer(Buffer.from(document), "word/document.xml");
  return file;
}

/** A valid DOCX plus one part of `inflatedBytes` zeros (about 1000:1). */
export function zeroFilledDocx(inflatedBytes: number): Promise<Buffer> {
  const file = docxSkeleton();
  file.addReadStream(repeated(Buffer.alloc(1), inflatedBytes), "word/media/image1.bin", { size: inflatedBytes });
  return collect(file);
}

/** A valid DOCX with `count` extra tiny parts. */
export function manyEntriesDocx(count: number): Promise<Buffer> {
  const file = docxSkeleton();
  for (let i = 0; i < count; i++) file.addBuffer(Buffer.from("x"), `word/parts/p${i}.xml`, { compress: false });
  return collect(file);
}

/** A DOCX whose document.xml is `inflatedBytes` of real paragraphs: what the parser must actually walk. */
export function hugeDocumentDocx(inflatedBytes: number): Promise<Buffer> {
  const paragraph = "<w:p><w:r><w:t>The supplier shall keep records.</w:t></w:r></w:p>";
  const bodyBytes = inflatedBytes - ((inflatedBytes - DOCUMENT_HEAD.length - DOCUMENT_TAIL.length) % paragraph.length) - DOCUMENT_HEAD.length - DOCUMENT_TAIL.length;
  return docxWithBody(repeated(paragraph, bodyBytes));
}

/**
 * A DOCX within the archive limits (its text varies, so it deflates only a few
 * times) whose document.xml is still `inflatedBytes` of paragraphs: what gets
 * past the central-directory check and must be stopped by the parser's budget.
 */
export function variedDocumentDocx(inflatedBytes: number): Promise<Buffer> {
  const words = ["supplier", "customer", "shall", "notify", "within", "hours", "records", "audit", "breach", "data", "security", "annex", "schedule", "terminate", "delete", "return"];
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const paragraph = () => `<w:p><w:r><w:t>${Array.from({ length: 12 }, () => `${words[next() % words.length]}${next() % 1000}`).join(" ")}</w:t></w:r></w:p>`;
  return docxWithBody(
    (function* () {
      for (let written = DOCUMENT_HEAD.length; written < inflatedBytes; ) {
        const chunk = Buffer.from(Array.from({ length: 2000 }, paragraph).join(""));
        written += chunk.length;
        yield chunk;
      }
    })(),
  );
}

const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>`;
const DOCUMENT_TAIL = "</w:body></w:document>";

/** A DOCX whose document.xml is the body streamed between its head and tail. */
function docxWithBody(body: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<Buffer> {
  const file = new ZipFile();
  file.addBuffer(Buffer.from(CONTENT_TYPES), "[Content_Types].xml");
  file.addBuffer(Buffer.from(PACKAGE_RELS), "_rels/.rels");
  const stream = Readable.from(
    (async function* () {
      yield Buffer.from(DOCUMENT_HEAD);
      yield* body;
      yield Buffer.from(DOCUMENT_TAIL);
    })(),
  );
  file.addReadStream(stream, "word/document.xml");
  return collect(file);
}
