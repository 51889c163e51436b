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
 * Word's Hidden font marks text the reader never sees; mammoth reads it all
 * the same, so a hidden "within 24 hours" would count as a term beside the
 * visible "thirty days". Text is hidden by <w:vanish/> in a run's own
 * properties, or by the character style it uses (<w:rStyle>) or its
 * paragraph's style (<w:pStyle>), directly or through the styles they are
 * based on; a run's own setting wins over its style's, as in Word. Such runs
 * are dropped from the document before mammoth reads it. A run never holds
 * another, so each match stays within one <w:r>…</w:r>; a paragraph's style is
 * read for paragraphs that hold no other (a text box's paragraphs do).
 */
const RUN = /<w:r(?=[\s>])(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;
const INNERMOST_PARAGRAPH = /<w:p(?=[\s>])(?:(?!<\/w:p>|<w:p[\s>])[\s\S])*?<\/w:p>/g;
const VANISH = /<w:vanish\b([^>]*)>/;
const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;

/** true: hides, false: shows, undefined: says nothing (the style or paragraph decides). */
function ownVanish(properties) {
  const m = VANISH.exec(properties);
  if (!m) return undefined;
  return !/w:val="(?:false|0|off)"/.test(m[1]);
}

function attribute(tag, name) {
  return new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];
}

/** The ids of the character and paragraph styles whose text is hidden. */
function hiddenStyles(stylesXml) {
  const styles = new Map();
  for (const [style] of stylesXml.matchAll(STYLE)) {
    const open = /^<w:style\b[^>]*>/.exec(style)[0];
    const id = attribute(open, "w:styleId");
    if (!id) continue;
    const basedOn = /<w:basedOn\b[^>]*w:val="([^"]*)"/.exec(style)?.[1];
    const rPr = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(style)?.[0] ?? "";
    styles.set(id, { basedOn, vanish: ownVanish(rPr) });
  }
  const hidden = new Set();
  for (const id of styles.keys()) {
    // Word caps inheritance chains well below this; a loop in a crafted file ends here too.
    let style = styles.get(id);
    for (let depth = 0; style && depth < 16; depth++) {
      if (style.vanish !== undefined) {
        if (style.vanish) hidden.add(id);
        break;
      }
      style = style.basedOn ? styles.get(style.basedOn) : undefined;
    }
  }
  return hidden;
}

function runProperties(run) {
  return /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run)?.[0] ?? "";
}

function withoutRunsHiddenIn(xml, hidden, paragraphHidden) {
  return xml.replace(RUN, (run) => {
    const rPr = runProperties(run);
    const own = ownVanish(rPr);
    if (own !== undefined) return own ? "" : run;
    const style = /<w:rStyle\b[^>]*w:val="([^"]*)"/.exec(rPr)?.[1];
    return (style !== undefined && hidden.has(style)) || paragraphHidden ? "" : run;
  });
}

async function withoutHiddenRuns(buffer) {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file("word/document.xml");
  if (!part) return buffer;
  const xml = await part.async("string");
  const stylesPart = zip.file("word/styles.xml");
  const hidden = stylesPart ? hiddenStyles(await stylesPart.async("string")) : new Set();
  if (!xml.includes("<w:vanish") && hidden.size === 0) return buffer;
  const visible = xml.replace(INNERMOST_PARAGRAPH, (paragraph) => {
    const pPr = /<w:pPr>[\s\S]*?<\/w:pPr>/.exec(paragraph)?.[0] ?? "";
    const pStyle = /<w:pStyle\b[^>]*w:val="([^"]*)"/.exec(pPr)?.[1];
    return withoutRunsHiddenIn(paragraph, hidden, pStyle !== undefined && hidden.has(pStyle));
  });
  zip.file("word/document.xml", withoutRunsHiddenIn(visible, hidden, false));
  return zip.generateAsync({ type: "nodebuffer" });
}
