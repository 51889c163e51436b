// Child process for parse-in-worker.ts: runs the parsers that inflate and
// walk untrusted files (mammoth for DOCX, pdf.js via unpdf for PDF) under the
// heap limit and deadline the parent sets, so a document built to explode
// kills this process, not the server. (A worker thread's resourceLimits are
// not enough: some out-of-memory paths abort the whole process.) Plain
// JavaScript so it runs as is, under `next start` and in the tests. It only
// parses (and drops what Word hides); every judgement about the result stays
// in extract-text.ts.
//
// It answers one job at a time and then waits for the next: the parent keeps
// one such process warm (parsers loaded and compiled) and decides when it is
// retired (parse-in-worker.ts). It exits when the parent goes away.

process.on("message", (job) => {
  run(job).then(
    (value) => process.send({ ok: true, ...value }),
    (error) => process.send({ ok: false, name: error?.name ?? "Error", message: String(error?.message ?? error) }),
  );
});
process.on("disconnect", () => process.exit(0));

async function run({ format, bytes }) {
  if (format === "docx") {
    const mammoth = (await import("mammoth")).default;
    const result = await mammoth.convertToHtml(
      { buffer: await withoutHiddenRuns(Buffer.from(bytes)) },
      // Contract titles often use the Title style; treat it as a heading.
      { styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"] },
    );
    return { html: result.value };
  }
  const { getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  try {
    // Each page's text items with where they are drawn: the parent rebuilds
    // table rows from the positions (pdf-page-text.ts).
    const pageItems = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pageItems.push(
        content.items
          .filter((item) => item.str != null)
          .map((item) => ({
            str: item.str,
            x: item.transform[4],
            y: item.transform[5],
            width: item.width,
            height: item.height || Math.hypot(item.transform[2], item.transform[3]),
            hasEOL: item.hasEOL,
          })),
      );
      page.cleanup();
    }
    return { pageItems };
  } finally {
    // The process may parse another document next: let this one go.
    await pdf.destroy();
  }
}

/**
 * Word's Hidden font (<w:vanish/> in a run's properties) marks text the reader
 * never sees; mammoth reads it all the same, so a hidden "within 24 hours"
 * would count as a term beside the visible "thirty days". Such runs are
 * dropped from the document before mammoth reads it. A run never holds
 * another, so each match stays within one <w:r>…</w:r>.
 */
const HIDDEN_RUN = /<w:r(?=[\s>])(?:(?!<\/w:r>)[\s\S])*?<w:vanish(?![^>]*w:val="(?:false|0|off)")[^>]*>(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;

async function withoutHiddenRuns(buffer) {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file("word/document.xml");
  if (!part) return buffer;
  const xml = await part.async("string");
  if (!xml.includes("<w:vanish")) return buffer;
  zip.file("word/document.xml", xml.replace(HIDDEN_RUN, ""));
  return zip.generateAsync({ type: "nodebuffer" });
}
