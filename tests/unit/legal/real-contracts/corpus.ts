// Loads the real-contract corpus (kept outside the repository: the texts were
// written by others) and the project's hand labels for it
// (tests/fixtures/contracts-real-labels/). Test tooling only.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { CLAUSE_CATALOGUE } from "@/lib/domain/legal/clause-catalogue";
import type { ContractTextInput } from "@/lib/domain/legal/contract-passages";
import { markdownToSections } from "@/lib/domain/legal/markdown-sections";
import { htmlToSections } from "@/lib/server/contracts/html-sections";

/** The upload reads these as Markdown (lib/server/contracts/extract-text.ts); MDX is Markdown with components. */
const MARKDOWN_EXTENSIONS = [".md", ".markdown", ".mdx"];

const LABEL_DIR = path.resolve(__dirname, "../../../fixtures/contracts-real-labels");
/** A second, independent labeller's labels of the test split (agreement.ts). */
export const SECOND_LABEL_DIR = path.resolve(__dirname, "../../../fixtures/contracts-real-second-labels");
/** Labels of the optional extra tuning set (README.md in that folder). */
export const EXTRA_LABEL_DIR = path.resolve(__dirname, "../../../fixtures/contracts-extra-labels");

export const CLAUSE_CODES = CLAUSE_CATALOGUE.clauses.map((c) => c.code);

const clauseLabelSchema = z.object({
  status: z.enum(["present", "absent", "by_reference"]),
  spans: z.array(z.tuple([z.number().int().nonnegative(), z.number().int().positive()])),
  value: z.record(z.string(), z.unknown()).nullable().optional(),
  excluded: z.boolean().optional(),
  note: z.string().optional(),
});
export type ClauseLabel = z.infer<typeof clauseLabelSchema>;

const documentLabelSchema = z.object({
  id: z.string(),
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  clauses: z.record(z.string(), clauseLabelSchema),
});
export type DocumentLabel = z.infer<typeof documentLabelSchema>;

const splitSchema = z.object({ test: z.array(z.string()).min(15), dev: z.array(z.string()) });

export function corpusDir(): string {
  return path.resolve(process.env.ASSAY_CONTRACT_CORPUS ?? path.resolve(__dirname, "../../../../../shared/contracts-real"));
}

export function corpusAvailable(): boolean {
  return fs.existsSync(corpusDir()) && fs.readdirSync(corpusDir()).some((f) => f.startsWith("manifest"));
}

/** For the scripts beside the tests: exit 2, saying where the corpus was looked for, when it is absent. */
export function exitUnlessCorpus(): void {
  if (corpusAvailable()) return;
  console.error(`No corpus at ${corpusDir()} (set ASSAY_CONTRACT_CORPUS).`);
  process.exit(2);
}

/** The labelled documents of the dev split with their text, for tuning and comparisons. */
export function devDocuments(): { label: DocumentLabel; text: string }[] {
  const dev = new Set(loadSplit().dev);
  return loadLabels()
    .filter((l) => dev.has(l.id))
    .map((label) => ({ label, text: readCorpusFile(label.file).text }));
}

export function loadSplit() {
  return splitSchema.parse(JSON.parse(fs.readFileSync(path.join(LABEL_DIR, "split.json"), "utf8")));
}

export function loadLabels(dir: string = LABEL_DIR): DocumentLabel[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "split.json" && f !== "baseline.json")
    .sort()
    .map((f) => documentLabelSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"))));
}

/**
 * The extra tuning set: more real public agreements, kept outside the
 * repository like the main corpus (ASSAY_EXTRA_CONTRACT_CORPUS, default
 * ../_extra-contracts beside the checkout), labelled in
 * tests/fixtures/contracts-extra-labels/. Tuning material only, like the dev split.
 */
export function extraCorpusDir(): string {
  return path.resolve(process.env.ASSAY_EXTRA_CONTRACT_CORPUS ?? path.resolve(__dirname, "../../../../../_extra-contracts"));
}

export function extraCorpusAvailable(): boolean {
  return fs.existsSync(path.join(extraCorpusDir(), "manifest-extra.json"));
}

/**
 * The labelled documents the extra folder holds, and the ids of those it does
 * not: a copy of the folder was lost once and rebuilt from the labels' hashes,
 * and a few documents could not be found again (the labels README says which).
 * What the folder holds is what its manifest lists.
 */
export function loadExtraLabels(): { labels: DocumentLabel[]; notInFolder: string[] } {
  const listed = new Set(
    z
      .array(z.object({ file: z.string() }))
      .parse(JSON.parse(fs.readFileSync(path.join(extraCorpusDir(), "manifest-extra.json"), "utf8")))
      .map((m) => m.file),
  );
  const all = loadLabels(EXTRA_LABEL_DIR);
  return { labels: all.filter((l) => listed.has(l.file)), notInFolder: all.filter((l) => !listed.has(l.file)).map((l) => l.id) };
}

/** The extra set's labelled documents the folder holds, with their text (empty when the folder is absent). */
export function extraDocuments(): { label: DocumentLabel; text: string }[] {
  if (!extraCorpusAvailable()) return [];
  return loadExtraLabels().labels.map((label) => ({ label, text: readCorpusFile(label.file, extraCorpusDir()).text }));
}

/**
 * Single clauses from agreements published on the web (batch 20 on), each a
 * short text of its own, kept outside the repository like the corpora above
 * (ASSAY_CLAUSE_SAMPLE_CORPUS, default ../_extra-clauses/texts beside the
 * checkout) and labelled in tests/fixtures/contracts-clause-sample-labels/.
 * Tuning material only, like the dev split; where each was published is in
 * tests/fixtures/contracts-clause-sample-sources.json.
 */
export const CLAUSE_SAMPLE_LABEL_DIR = path.resolve(__dirname, "../../../fixtures/contracts-clause-sample-labels");

export function clauseSampleDir(): string {
  return path.resolve(process.env.ASSAY_CLAUSE_SAMPLE_CORPUS ?? path.resolve(__dirname, "../../../../../_extra-clauses/texts"));
}

export function clauseSamplesAvailable(): boolean {
  return fs.existsSync(clauseSampleDir());
}

/** The labelled samples the folder holds, and the ids of those it does not. */
export function loadClauseSampleLabels(): { labels: DocumentLabel[]; notInFolder: string[] } {
  const all = loadLabels(CLAUSE_SAMPLE_LABEL_DIR);
  const held = new Set(fs.readdirSync(clauseSampleDir()));
  return { labels: all.filter((l) => held.has(l.file)), notInFolder: all.filter((l) => !held.has(l.file)).map((l) => l.id) };
}

export function readCorpusFile(file: string, dir: string = corpusDir()): { text: string; sha256: string } {
  const bytes = fs.readFileSync(path.join(dir, file));
  return { text: bytes.toString("utf8"), sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
}

/**
 * What the finder reads, as the upload reads it: Markdown and HTML through
 * their parsers (lib/server/contracts/extract-text.ts), RST and plain text as
 * published; a
 * document published inside JSX or PHP source is reduced to its text here
 * (those are not upload formats).
 */
export function finderInput(file: string, text: string): ContractTextInput {
  const ext = path.extname(file).toLowerCase();
  if ([".jsx", ".tsx", ".js", ".php"].includes(ext)) return { sections: [{ heading: null, text: sourceToText(text) }] };
  if (MARKDOWN_EXTENSIONS.includes(ext)) return { sections: markdownToSections(text) };
  if (ext === ".html" || ext === ".htm") return { sections: htmlToSections(text) };
  return { sections: [{ heading: null, text }] };
}

function sourceToText(source: string): string {
  return source
    .replace(/<\?php[\s\S]*?\?>/g, " ")
    .replace(/^\s*(import|export)\b.*$/gm, "")
    .replace(/<(br|hr)\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|h[1-6]|tr|section)>/gi, "\n")
    .replace(/<[^>]+>/g, " ")
    .replace(/\{\s*["'`]([^"'`]*)["'`]\s*\}/g, "$1")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;|&rsquo;/g, "'")
    .replace(/[ \t]+/g, " ");
}
