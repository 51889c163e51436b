import { describe, expect, test } from "vitest";
import { type PdfTextItem, pdfPageText } from "@/lib/server/contracts/pdf-page-text";

// Items as pdf.js gives them: baseline y grows upwards, 10-point text, lines 12 points apart.
const item = (str: string, x: number, y: number, hasEOL = true, width = str.length * 5): PdfTextItem => ({ str, x, y, width, height: 10, hasEOL });
/** pdf.js's own item standing for a wide gap on a line. */
const gap = (x: number, y: number, width: number): PdfTextItem => ({ str: " ", x, y, width, height: 0, hasEOL: false });
/** What the text was before table rows were read: every item, a line break where one ends a line. */
const asDrawn = (items: PdfTextItem[]) => items.map((i) => i.str + (i.hasEOL ? "\n" : "")).join("");

describe("pdfPageText", () => {
  test("body text reads as drawn", () => {
    const items = [item("1. Audit", 56, 700), item("The Customer may audit the Supplier once a year on thirty", 56, 688), item("days' notice.", 56, 676, false)];
    expect(pdfPageText(items)).toBe(asDrawn(items));
  });

  test("a table's cells, drawn cell by cell with wrapped lines, become rows joined by ' | '", () => {
    const items = [
      item("Requirement", 60, 700, false), gap(115, 700, 105), item("Obligation", 220, 700, false), gap(270, 700, 110), item("Frequency", 380, 700),
      item("Incident notice", 60, 684, false), gap(135, 684, 85), item("The Supplier shall notify the Cus-", 220, 684), item("tomer within 24 hours.", 220, 672), item("Per incident", 380, 684),
      item("Training", 60, 656, false), gap(100, 656, 120), item("All agents complete security", 220, 656), item("awareness training.", 220, 644), item("Annually", 380, 656, false),
    ];
    expect(pdfPageText(items).split("\n")).toEqual([
      "Requirement | Obligation | Frequency",
      "Incident notice | The Supplier shall notify the Customer within 24 hours. | Per incident",
      "Training | All agents complete security awareness training. | Annually",
      "",
    ]);
  });

  test("the lines above a table stay apart from its first row", () => {
    const items = [
      item("Annex 2 - Sub-processors", 56, 720),
      item("Name", 58, 700, false), gap(78, 700, 140), item("Location", 220, 700),
      item("Acme Hosting Ltd", 58, 688, false), gap(140, 688, 80), item("Dublin, Ireland", 220, 688),
    ];
    expect(pdfPageText(items).split("\n")).toEqual(["Annex 2 - Sub-processors", "Name | Location", "Acme Hosting Ltd | Dublin, Ireland", ""]);
  });

  test("a first column that wraps still starts its row", () => {
    const items = [
      item("Meridian BPO Services", 58, 700), item("(Cebu branch)", 58, 688), item("Overflow support", 220, 700),
      item("Zendesk, Inc.", 58, 676, false), gap(123, 676, 97), item("Ticketing", 220, 676),
    ];
    expect(pdfPageText(items).split("\n")).toEqual(["Meridian BPO Services (Cebu branch) | Overflow support", "Zendesk, Inc. | Ticketing", ""]);
  });

  test("a clause number hanging beside its text is no table", () => {
    const items = [
      item("1.1", 56, 700, false), gap(71, 700, 19), item("The Supplier shall notify the Customer of any breach", 90, 700), item("within 24 hours.", 90, 688),
      item("1.2", 56, 676, false), gap(71, 676, 19), item("The Supplier shall keep records.", 90, 676),
    ];
    expect(pdfPageText(items)).toBe(asDrawn(items));
  });

  test("one wide gap in a justified line is no table", () => {
    const items = [item("The Supplier shall maintain", 56, 700, false), gap(191, 700, 12), item("insurance.", 203, 700), item("It shall provide certificates on request.", 56, 688)];
    expect(pdfPageText(items)).toBe(asDrawn(items));
  });

  test("two justified lines split at their wide spaces are no table", () => {
    const line = (words: string[], y: number, spacing: number) => {
      let x = 56;
      return words.flatMap((w, i) => {
        const it = item(w, x, y, i === words.length - 1, w.length * 6);
        x += w.length * 6 + spacing;
        return i === words.length - 1 ? [it] : [it, gap(x - spacing, y, spacing)];
      });
    };
    const items = [...line(["IN", "NO", "EVENT", "SHALL", "EITHER", "PARTY", "BE", "LIABLE"], 700, 9), ...line(["FOR", "ANY", "INDIRECT", "OR", "CONSEQUENTIAL", "LOSS"], 688, 14)];
    expect(pdfPageText(items)).toBe(asDrawn(items));
  });

  test("a monospace word space is no column gap", () => {
    // Courier's space is 0.6 em: "548 Market St" drawn word by word, each word its own item.
    const mono = (str: string, x: number, y: number, hasEOL = false) => item(str, x, y, hasEOL, str.length * 6);
    const items = [mono("Address:", 56, 700), mono("548", 140, 700), mono("Market", 164, 700), mono("St", 206, 700, true), mono("Tel.", 56, 688), mono("(650)", 140, 688), mono("273-5591", 176, 688, true)];
    expect(pdfPageText(items).split("\n")).toEqual(["Address: 548 Market St", "Tel. | (650) 273-5591", ""]);
  });

  test("a header with centred labels joins the table below it", () => {
    const items = [
      item("Name", 100, 700, false), gap(120, 700, 150), item("Location", 280, 700),
      item("Acme Hosting Ltd", 58, 688, false), gap(138, 688, 82), item("Dublin, Ireland", 220, 688),
      item("Beta Support Inc", 58, 676, false), gap(138, 676, 82), item("Manila, Philippines", 220, 676),
    ];
    expect(pdfPageText(items).split("\n")).toEqual(["Name | Location", "Acme Hosting Ltd | Dublin, Ireland", "Beta Support Inc | Manila, Philippines", ""]);
  });

  test("labels beside their values read as 'label value'", () => {
    const items = [
      item("Effective Date:", 56, 700, false), gap(131, 700, 70), item("1 March 2026", 200, 700),
      item("Customer:", 56, 688, false), gap(101, 688, 99), item("Aurora Mobility GmbH", 200, 688),
    ];
    expect(pdfPageText(items).split("\n")).toEqual(["Effective Date: 1 March 2026", "Customer: Aurora Mobility GmbH", ""]);
  });

  test("the two columns of a two-column page are no table row", () => {
    const left = Array.from({ length: 40 }, (_, i) => item(`Left column line ${i + 1} of the English text`, 56, 760 - i * 12));
    const right = Array.from({ length: 40 }, (_, i) => item(`Right column line ${i + 1} of the translation`, 310, 760 - i * 12));
    const items = [...left, ...right];
    expect(pdfPageText(items)).toBe(asDrawn(items));
  });
});
