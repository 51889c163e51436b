// Worker thread for extract-text.ts: runs the parsers that inflate and walk
// untrusted files (mammoth for DOCX, pdf.js via unpdf for PDF) under the
// memory limit and deadline the parent sets, so a document built to explode
// kills this thread, not the server. Plain JavaScript so it runs as is, both
// under `next start` and in the tests. It only parses; every judgement about
// the result stays in extract-text.ts.
import { parentPort, workerData } from "node:worker_threads";

const { format, bytes } = workerData;

async function run() {
  if (format === "docx") {
    const mammoth = (await import("mammoth")).default;
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      // Contract titles often use the Title style; treat it as a heading.
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"] },
    );
    return { html: result.value };
  }
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  return { pageTexts: (await extractText(pdf, { mergePages: false })).text };
}

run().then(
  (value) => parentPort.postMessage({ ok: true, ...value }),
  (error) => parentPort.postMessage({ ok: false, name: error?.name ?? "Error", message: String(error?.message ?? error) }),
);
