// A REST API file upload as multipart/form-data, streamed: the text fields
// come first and are returned as they are; the file part is handed on as a
// stream that ends only once the whole form has been parsed, so a body cut
// short anywhere (the client, a proxy, the network) or a form with extra
// parts after the file makes the storing side fail before it commits
// anything. The file is never buffered whole and never truncated: busboy's
// own size limit is not used (it cuts the file silently); the evidence
// service's streaming limit refuses it instead (docs/security.md, uploads).
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { AppError } from "../errors";
import { UploadRejectedError } from "../storage/blob-store";

export interface MultipartUpload {
  fields: Record<string, string>;
  /** The name the client gave the file part (filename= of its Content-Disposition). */
  fileName: string;
  file: AsyncGenerator<Uint8Array>;
}

const MAX_FIELDS = 20;
const MAX_FIELD_BYTES = 4096;

function invalid(message: string, path = "file"): AppError {
  return new AppError("VALIDATION", message, { [path]: message });
}

/** Reads up to the `file` part of a multipart/form-data request; refuses anything else as a 400 naming the field. */
export function readMultipartUpload(request: Request, fileField = "file"): Promise<MultipartUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(contentType)) return Promise.reject(invalid("Send the file as multipart/form-data with a `file` part.", "body"));
  if (!request.body) return Promise.reject(invalid("Attach the file as the `file` part."));
  let parser: busboy.Busboy;
  try {
    parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 } });
  } catch {
    return Promise.reject(invalid("The multipart boundary is missing from Content-Type.", "body"));
  }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  source.on("error", (error) => parser.destroy(error));

  return new Promise<MultipartUpload>((resolve, reject) => {
    const fields: Record<string, string> = {};
    let fileSeen = false;
    let afterFile: Error | null = null;
    let settle: { resolve: () => void; reject: (error: Error) => void } | null = null;
    // Settles when the whole form has been read: the closing boundary seen, nothing after the file.
    const formDone = new Promise<void>((res, rej) => (settle = { resolve: res, reject: rej }));
    formDone.catch(() => undefined); // observed by the file stream's reader, if it gets that far

    parser.on("field", (name, value, info) => {
      if (fileSeen) afterFile ??= invalid(`The field ${name} came after the file; send the fields first.`, name);
      else if (info.valueTruncated) reject(invalid(`${name} is longer than ${MAX_FIELD_BYTES} bytes.`, name));
      else fields[name] = value;
    });
    parser.on("file", (name, stream, info) => {
      if (fileSeen || name !== fileField) {
        stream.resume();
        if (fileSeen) afterFile ??= invalid("Send exactly one file.");
        else reject(invalid(`Unexpected file part ${name}; the file goes in the \`${fileField}\` part.`, name));
        return;
      }
      fileSeen = true;
      // A broken body reaches whoever reads the file through its iterator (or formDone); a file
      // never read (its fields were refused first) must not turn the break into an uncaught error.
      stream.on("error", () => undefined);
      resolve({ fields, fileName: info.filename ?? "", file: fileChunks(stream, formDone) });
    });
    for (const limit of ["filesLimit", "fieldsLimit", "partsLimit"] as const) {
      parser.on(limit, () => {
        const error = invalid("The form has more parts than an upload needs.", "body");
        afterFile ??= error;
        reject(error);
      });
    }
    parser.on("error", (error: Error) => {
      const refused = new UploadRejectedError("incomplete", `The upload is not a complete multipart form (${error.message}), so nothing was stored. Upload it again.`);
      settle!.reject(refused);
      reject(refused);
    });
    parser.on("close", () => {
      if (afterFile) settle!.reject(afterFile);
      else settle!.resolve();
      if (!fileSeen) reject(invalid("Attach the file as the `file` part."));
    });
    source.pipe(parser);
  });
}

/** The file's bytes; a stream that breaks, or a form that does not end cleanly after it, throws before the last chunk is acknowledged. */
async function* fileChunks(stream: Readable, formDone: Promise<void>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new UploadRejectedError("incomplete", "The upload ended before the file did, so nothing was stored. Upload it again.");
  }
  await formDone;
}
