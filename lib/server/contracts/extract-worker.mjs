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
 * visible "thirty days". Text is hidden as Word decides it: a run's own
 * <w:vanish/> first, then its character style (<w:rStyle>), then its
 * paragraph's style (<w:pStyle>, or the default paragraph style), then the
 * document defaults, each style through the styles it is based on. Such runs
 * are dropped from the document before mammoth reads it. Each match stays
 * within one <w:r>…</w:r>; a paragraph's style is read for paragraphs that
 * hold no other (a text box's paragraphs do, and their outer paragraph is
 * read by the runs' own and character-style settings only).
 */
const RUN = /<w:r(?=[\s>])(?:(?!<\/w:r>)[\s\S])*?<\/w:r>/g;
const INNERMOST_PARAGRAPH = /<w:p(?=[\s>])(?:(?!<\/w:p>|<w:p[\s>])[\s\S])*?<\/w:p>/g;
const STYLE = /<w:style\b[^>]*>[\s\S]*?<\/w:style>/g;
const RUN_PROPERTIES = /<w:rPr\b[^>]*>[\s\S]*?<\/w:rPr>/;
const PARAGRAPH_PROPERTIES = /<w:pPr\b[^>]*>[\s\S]*?<\/w:pPr>/;
/** A tracked change's record of the formatting before it: not in force. */
const FORMER_FORMATTING = /<w:(?:rPrChange|pPrChange)\b[\s\S]*?<\/w:(?:rPrChange|pPrChange)>/g;

function runPropertiesOf(xml) {
  return RUN_PROPERTIES.exec(xml.replace(FORMER_FORMATTING, ""))?.[0] ?? "";
}

/** An attribute's value, in double or single quotes. */
function attribute(tag, name) {
  return new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag)?.slice(1).find((v) => v !== undefined);
}

/** The value of the first <w:NAME …> element's w:val, or undefined. */
function valueOf(xml, name) {
  const tag = new RegExp(`<w:${name}\\b[^>]*>`).exec(xml)?.[0];
  return tag && attribute(tag, "w:val");
}

/** true: hides, false: shows, undefined: says nothing (what it inherits decides). */
function ownVanish(properties) {
  const tag = /<w:vanish\b[^>]*>/.exec(properties)?.[0];
  if (!tag) return undefined;
  const val = attribute(tag, "w:val");
  return !(val && /^(?:false|0|off)$/i.test(val));
}

/** How styles.xml hides text: a style's own or inherited setting, the default paragraph style, the document defaults. */
function styleSheet(stylesXml) {
  const styles = new Map();
  let defaultParagraph;
  for (const [style] of stylesXml.matchAll(STYLE)) {
    const open = /^<w:style\b[^>]*>/.exec(style)[0];
    const id = attribute(open, "w:styleId");
    if (!id) continue;
    const rPr = runPropertiesOf(style);
    styles.set(id, { basedOn: valueOf(style, "basedOn"), vanish: ownVanish(rPr) });
    if (attribute(open, "w:type") === "paragraph" && /^(?:1|true|on)$/i.test(attribute(open, "w:default") ?? "")) defaultParagraph = id;
  }
  const defaults = /<w:rPrDefault\b[\s\S]*?<\/w:rPrDefault>/.exec(stylesXml)?.[0] ?? "";
  const vanishOf = (id) => {
    // Word caps inheritance chains well below this; a loop in a crafted file ends here too.
    let style = id === undefined ? undefined : styles.get(id);
    for (let depth = 0; style && depth < 16; depth++) {
      if (style.vanish !== undefined) return style.vanish;
      style = style.basedOn === undefined ? undefined : styles.get(style.basedOn);
    }
    return undefined;
  };
  return { vanishOf, defaultParagraph, documentDefault: ownVanish(defaults) ?? false, hides: stylesXml.includes("<w:vanish") };
}

function withoutRunsHiddenIn(xml, sheet, paragraphVanish) {
  return xml.replace(RUN, (run) => {
    const rPr = runPropertiesOf(run);
    const hidden = ownVanish(rPr) ?? sheet.vanishOf(valueOf(rPr, "rStyle")) ?? paragraphVanish ?? sheet.documentDefault;
    return hidden ? "" : run;
  });
}

async function withoutHiddenRuns(buffer) {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(buffer);
  const part = zip.file("word/document.xml");
  if (!part) return buffer;
  const xml = await part.async("string");
  const stylesPart = zip.file("word/styles.xml");
  const sheet = stylesPart ? styleSheet(await stylesPart.async("string")) : { vanishOf: () => undefined, documentDefault: false, hides: false };
  if (!xml.includes("<w:vanish") && !sheet.hides) return buffer;
  const visible = xml.replace(INNERMOST_PARAGRAPH, (paragraph) => {
    const pPr = PARAGRAPH_PROPERTIES.exec(paragraph.replace(FORMER_FORMATTING, ""))?.[0] ?? "";
    return withoutRunsHiddenIn(paragraph, sheet, sheet.vanishOf(valueOf(pPr, "pStyle") ?? sheet.defaultParagraph));
  });
  // Only a text box puts a paragraph inside another; the runs of such outer paragraphs are read on their own settings.
  zip.file("word/document.xml", xml.includes("<w:txbxContent") ? withoutRunsHiddenIn(visible, sheet, undefined) : visible);
  return zip.generateAsync({ type: "nodebuffer" });
}
