import fs from "node:fs";
import path from "node:path";

// Fonts of the assessment PDF. Nothing is fetched at build or render time:
// Geist ships in lib/server/pdf/fonts (SIL OFL 1.1) and covers Latin and
// Cyrillic; Noto Sans (Greek), Noto Sans SC (Chinese ideographs and
// Japanese kana) and Noto Sans KR (Hangul) come from the @fontsource npm
// packages, all SIL OFL 1.1. react-pdf falls back per glyph along the family
// list, so a vendor named "Ωμέγα", "Ромашка", "北京数据服务有限公司" or
// "서울고객센터" prints in its own script.

const FONT_DIR = process.env.ASSAY_PDF_FONT_DIR || path.join(process.cwd(), "lib", "server", "pdf", "fonts");
const FONTSOURCE_DIR = path.join(process.cwd(), "node_modules", "@fontsource");

/** Body text: Geist first, then the fallbacks for the scripts it lacks. */
export const TEXT_FAMILIES = ["Geist", "NotoSansGreek", "NotoSansSC", "NotoSansKR"];
/** Hashes and arithmetic, with the same fallbacks for names quoted inside them. */
export const MONO_FAMILIES = ["GeistMono", "NotoSansGreek", "NotoSansSC", "NotoSansKR"];

type FontApi = Pick<(typeof import("@react-pdf/renderer"))["Font"], "register">;

function existing(p: string): string {
  if (!fs.existsSync(p)) throw new Error(`PDF font missing: ${p}`);
  return p;
}

export function registerReportFonts(Font: FontApi): void {
  const local = (name: string) => existing(path.join(FONT_DIR, name));
  const fontsource = (pkg: string, file: string) => existing(path.join(FONTSOURCE_DIR, pkg, "files", file));
  Font.register({
    family: "Geist",
    fonts: [
      { src: local("Geist-Regular.ttf"), fontWeight: 400 },
      { src: local("Geist-Bold.ttf"), fontWeight: 700 },
    ],
  });
  Font.register({ family: "GeistMono", src: local("GeistMono-Regular.ttf") });
  Font.register({
    family: "NotoSansGreek",
    fonts: [
      { src: fontsource("noto-sans", "noto-sans-greek-400-normal.woff"), fontWeight: 400 },
      { src: fontsource("noto-sans", "noto-sans-greek-700-normal.woff"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: "NotoSansSC",
    fonts: [
      { src: fontsource("noto-sans-sc", "noto-sans-sc-chinese-simplified-400-normal.woff"), fontWeight: 400 },
      { src: fontsource("noto-sans-sc", "noto-sans-sc-chinese-simplified-700-normal.woff"), fontWeight: 700 },
    ],
  });
  Font.register({
    family: "NotoSansKR",
    fonts: [
      { src: fontsource("noto-sans-kr", "noto-sans-kr-korean-400-normal.woff"), fontWeight: 400 },
      { src: fontsource("noto-sans-kr", "noto-sans-kr-korean-700-normal.woff"), fontWeight: 700 },
    ],
  });
}
