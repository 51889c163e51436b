// Paths inside an audit pack. The pack is unzipped on an auditor's machine
// (any OS) and checked with `sha256sum -c`, so a path must not escape the
// target directory, must extract on Windows and macOS, and must survive
// SHA256SUMS's line format (no newline or backslash, which sha256sum escapes).

const MAX_PATH_LENGTH = 1024;
const MAX_SEGMENT_LENGTH = 150;
// Control characters, plus characters Windows refuses in file names. Backslash
// is a separator on Windows, so it would smuggle in a directory.
const FORBIDDEN_CHARS = /[\u0000-\u001f\u007f<>:"|?*\\]/;
const FORBIDDEN_CHARS_GLOBAL = /[\u0000-\u001f\u007f<>:"|?*\\/]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export class UnsafePackPathError extends Error {
  constructor(path: string, reason: string) {
    super(`unsafe pack path ${JSON.stringify(path)}: ${reason}`);
    this.name = "UnsafePackPathError";
  }
}

/**
 * Throws unless `path` is a relative, forward-slash path with no "." or ".."
 * segments and nothing a common OS would refuse. Returns it unchanged: paths
 * are never silently rewritten here, because the manifest must name exactly
 * what the archive holds. Use safePathSegment() on untrusted file names first.
 */
export function assertSafePackPath(path: string): string {
  if (path.length === 0) throw new UnsafePackPathError(path, "empty");
  if (path.length > MAX_PATH_LENGTH) throw new UnsafePackPathError(path, "too long");
  if (path.startsWith("/")) throw new UnsafePackPathError(path, "absolute");
  if (FORBIDDEN_CHARS.test(path)) throw new UnsafePackPathError(path, "contains a control character, backslash or one of <>:\"|?*");
  if (!path.isWellFormed()) throw new UnsafePackPathError(path, "not valid Unicode");
  for (const segment of path.split("/")) {
    if (segment === "") throw new UnsafePackPathError(path, "empty segment");
    if (segment === "." || segment === "..") throw new UnsafePackPathError(path, `"${segment}" segment`);
    if (/[. ]$/.test(segment)) throw new UnsafePackPathError(path, "segment ends with a dot or space (Windows drops it)");
    if (WINDOWS_DEVICE.test(segment)) throw new UnsafePackPathError(path, "Windows device name");
  }
  return path;
}

/**
 * Turn an untrusted file name (an upload's original name) into one safe path
 * segment: separators and forbidden characters become "_", leading dots and
 * trailing dots/spaces go, long names are cut keeping the extension. Unicode is
 * kept as is (no normalisation), so "Zürich 東京.pdf" stays readable.
 */
export function safePathSegment(name: string, fallback = "file"): string {
  let s = name.toWellFormed().replace(FORBIDDEN_CHARS_GLOBAL, "_").trim();
  s = s.replace(/^\.+/, "").replace(/[. ]+$/, "");
  if (s.length > MAX_SEGMENT_LENGTH) {
    const dot = s.lastIndexOf(".");
    const ext = dot > 0 && s.length - dot <= 16 ? s.slice(dot) : "";
    s = truncateCodePoints(s.slice(0, s.length - ext.length), MAX_SEGMENT_LENGTH - ext.length).replace(/[. ]+$/, "") + ext;
  }
  if (s === "") s = fallback;
  if (WINDOWS_DEVICE.test(s)) s = `_${s}`;
  return s;
}

function truncateCodePoints(s: string, maxUnits: number): string {
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > maxUnits) break;
    out += ch;
  }
  return out;
}

/**
 * Hands out unique paths within a pack. Two evidence files called
 * "report.pdf" (or "Report.pdf": Windows and macOS ignore case) become
 * "report.pdf" and "report (2).pdf".
 */
export class PackPathAllocator {
  private readonly taken = new Set<string>();

  /** Reserve an exact path (e.g. a fixed name like "dossier.json"). */
  reserve(path: string): string {
    const key = assertSafePackPath(path).toLowerCase();
    if (this.taken.has(key)) throw new UnsafePackPathError(path, "already used in this pack");
    this.taken.add(key);
    return path;
  }

  /** `dir` is a trusted, safe directory ("evidence/soc2_report"); `fileName` is untrusted. */
  allocate(dir: string, fileName: string): string {
    const base = safePathSegment(fileName);
    const dot = base.lastIndexOf(".");
    const stem = dot > 0 ? base.slice(0, dot) : base;
    const ext = dot > 0 ? base.slice(dot) : "";
    const prefix = dir === "" ? "" : `${dir.replace(/\/+$/, "")}/`;
    for (let n = 1; ; n++) {
      const candidate = `${prefix}${n === 1 ? base : `${stem} (${n})${ext}`}`;
      if (!this.taken.has(candidate.toLowerCase())) return this.reserve(candidate);
    }
  }
}
