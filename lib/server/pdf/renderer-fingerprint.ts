// What the assessment PDF looks like besides its report model: the renderer's
// code and version and the fonts it embeds. Part of the hash stored renders
// are keyed by (report-pdf-store.ts), so a new release, a new build, an edited
// layout or a replaced font file re-renders every report on its next download.
import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { appVersion } from "../app-version";
import { reportFontFiles } from "./report-fonts";

/** The files the render pool's workers load the layout from (render-pool.ts); literal paths, so the file tracer follows only these. */
const RENDERER_SOURCES = [path.join(process.cwd(), "lib", "server", "pdf", "assessment-report.tsx"), path.join(process.cwd(), "lib", "server", "pdf", "report-fonts.ts")];

let memo: Promise<string> | null = null;

/** sha256 hex over the renderer's inputs other than the report; computed once per process. */
export function rendererFingerprint(): Promise<string> {
  memo ??= computeFingerprint().catch((error) => {
    memo = null; // a passing failure (a file being replaced) must not stick
    throw error;
  });
  return memo;
}

async function computeFingerprint(): Promise<string> {
  const root = process.cwd();
  const hash = createHash("sha256");
  hash.update(`assay ${appVersion()}\n`);
  const reactPdf = await readOptional(path.join(root, "node_modules", "@react-pdf", "renderer", "package.json"));
  hash.update(`@react-pdf/renderer ${reactPdf ? (JSON.parse(reactPdf.toString("utf8")) as { version: string }).version : "absent"}\n`);
  // Any production build: code the layout imports from lib/domain changes with it.
  hash.update(`build ${(await readOptional(path.join(root, ".next", "BUILD_ID")))?.toString("utf8").trim() ?? "none"}\n`);
  for (const file of [...RENDERER_SOURCES, ...reportFontFiles()]) {
    const bytes = await readOptional(file);
    hash.update(`${path.relative(root, file)} ${bytes ? createHash("sha256").update(bytes).digest("hex") : "absent"}\n`);
  }
  return hash.digest("hex");
}

async function readOptional(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch {
    return null;
  }
}
