import fs from "node:fs";
import path from "node:path";

// Fonts of the assessment PDF. Nothing is fetched at build or render time:
// Geist ships in lib/server/pdf/fonts (SIL OFL 1.1) and covers Latin and
// Cyrillic; Noto Sans (Greek), Noto Sans SC (Chinese ideographs and
// Japanese kana) and Noto Sans KR (Hangul) come from the @fontsource npm
// packages, all SIL OFL 1.1. react-pdf falls back per glyph along the family
// list, so a vendor named "Ωμέγα", "Ромашка", "北京数据服务有限公司" or
// "서울고객센터" prints in its own script.

// Every path below is path.join(process.cwd(), ...) over string literals:
// Next's file tracer (Turbopack) then ships exactly these nine files with the
// server. A path built from a variable directory or package name made it
// match every file under node_modules/@fontsource (17,496) instead.

/** Body text: Geist first, then the fallbacks for the scripts it lacks. */
export const TEXT_FAMILIES = ["Geist", "NotoSansGreek", "NotoSansSC", "NotoSansKR"];
/** Hashes and arithmetic, with the same fallbacks for names quoted inside them. */
export const MONO_FAMILIES = ["GeistMono", "NotoSansGreek", "NotoSansSC", "NotoSansKR"];

type FontApi = Pick<(typeof import("@react-pdf/renderer"))["Font"], "register">;

function existing(p: string): string {
  if (!fs.existsSync(p)) throw new Error(`PDF font missing: ${p}`);
  return p;
}

/** One font file's place in a family. */
interface FontFace {
  family: string;
  file: string;
  fontWeight?: 400 | 700;
}

const FONT_FACES: readonly FontFace[] = [
  { family: "Geist", file: path.join(process.cwd(), "lib", "server", "pdf", "fonts", "Geist-Regular.ttf"), fontWeight: 400 },
  { family: "Geist", file: path.join(process.cwd(), "lib", "server", "pdf", "fonts", "Geist-Bold.ttf"), fontWeight: 700 },
  { family: "GeistMono", file: path.join(process.cwd(), "lib", "server", "pdf", "fonts", "GeistMono-Regular.ttf") },
  { family: "NotoSansGreek", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files", "noto-sans-greek-400-normal.woff"), fontWeight: 400 },
  { family: "NotoSansGreek", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files", "noto-sans-greek-700-normal.woff"), fontWeight: 700 },
  { family: "NotoSansSC", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-sc", "files", "noto-sans-sc-chinese-simplified-400-normal.woff"), fontWeight: 400 },
  { family: "NotoSansSC", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-sc", "files", "noto-sans-sc-chinese-simplified-700-normal.woff"), fontWeight: 700 },
  { family: "NotoSansKR", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-kr", "files", "noto-sans-kr-korean-400-normal.woff"), fontWeight: 400 },
  { family: "NotoSansKR", file: path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans-kr", "files", "noto-sans-kr-korean-700-normal.woff"), fontWeight: 700 },
];

/** Every font file the report embeds (stored renders hash them: renderer-fingerprint.ts). */
export function reportFontFiles(): string[] {
  return FONT_FACES.map((f) => f.file);
}

export function registerReportFonts(Font: FontApi): void {
  const families = new Map<string, { src: string; fontWeight?: number }[]>();
  for (const face of FONT_FACES) {
    const src = existing(face.file);
    (families.get(face.family) ?? families.set(face.family, []).get(face.family)!).push(face.fontWeight ? { src, fontWeight: face.fontWeight } : { src });
  }
  for (const [family, fonts] of families) Font.register({ family, fonts });
}
