// Uploaded file names are attacker-chosen text that ends up in the UI, in a
// Content-Disposition header, in audit-pack archive paths and on reviewers'
// disks. They are kept only as a label (blobs are stored under their hash), but
// the label itself must be safe everywhere it is shown or saved. Pure.

/** Names are cut to this many UTF-8 bytes; most filesystems allow 255. */
export const MAX_FILE_NAME_BYTES = 200;
const MAX_EXTENSION_CHARS = 16;
const FALLBACK = "file";

/**
 * Reduces any client-supplied name to a safe base name: no folders, no "..",
 * no control or bidi characters, no characters Windows forbids, no leading
 * dots, not a reserved device name, at most MAX_FILE_NAME_BYTES. Never empty.
 */
export function sanitiseFileName(raw: string, maxBytes = MAX_FILE_NAME_BYTES): string {
  let name = typeof raw === "string" ? raw.normalize("NFC") : "";
  // Both separators, whatever the server OS: a Windows client sends "\".
  name = name.split(/[/\\]/).pop() ?? "";
  name = name
    .replace(INVISIBLE_OR_CONTROL, "")
    .replace(WINDOWS_FORBIDDEN, "_")
    .replace(/\s+/g, " ")
    // Leading dots make hidden files (and ".." a parent); trailing dots and
    // spaces are silently dropped by Windows, which changes the extension.
    .replace(/^[.\s]+/, "")
    .replace(/[.\s]+$/, "");
  if (name === "") return FALLBACK;
  // Windows opens the device, not a file, for "CON" or "con.tar.gz".
  const stem = name.split(".")[0] ?? "";
  if (RESERVED_WINDOWS_NAMES.test(stem.trimEnd())) name = `_${name}`;
  return truncateKeepingExtension(name, maxBytes);
}

export type DeclaredNameCheck = { ok: true; fileName: string } | { ok: false; message: string };

/**
 * Browsers send a bare file name. A name with a folder in it was written by
 * hand (or by an attacker probing for path traversal), so an upload refuses it
 * rather than guessing which part was meant.
 */
export function checkDeclaredFileName(raw: string): DeclaredNameCheck {
  if (typeof raw !== "string" || raw.trim() === "") {
    return { ok: false, message: "The file has no name." };
  }
  if (/[/\\]/.test(raw) || /^\s*\.{1,2}\s*$/.test(raw)) {
    return {
      ok: false,
      message: 'The file name must not contain a folder path ("/", "\\" or ".."). Rename the file and upload it again.',
    };
  }
  return { ok: true, fileName: sanitiseFileName(raw) };
}

/**
 * `attachment` with a quoted ASCII fallback for old clients and the exact
 * name as RFC 5987 `filename*` (RFC 6266 §4.3: clients that understand
 * filename* prefer it). Always "attachment": evidence is never rendered inline.
 */
export function contentDispositionAttachment(name: string): string {
  const safe = sanitiseFileName(name);
  return `attachment; filename="${asciiFallback(safe)}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}

function asciiFallback(name: string): string {
  const ascii = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    // Quotes and backslashes would end or escape the quoted-string; "%" makes
    // some browsers percent-decode the fallback.
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
  // A name in a non-Latin script becomes all underscores; "file.pdf" reads better.
  const dot = ascii.lastIndexOf(".");
  const stem = dot > 0 ? ascii.slice(0, dot) : ascii;
  return /^[_\s]*$/.test(stem) ? `${FALLBACK}${ascii.slice(stem.length)}` : ascii;
}

function encodeRfc5987(value: string): string {
  // encodeURIComponent leaves ' ( ) * unescaped; RFC 5987 attr-char does not allow them.
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
  );
}

function truncateKeepingExtension(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 && name.length - dot <= MAX_EXTENSION_CHARS ? name.slice(dot) : "";
  const stem = ext ? name.slice(0, dot) : name;
  const budget = Math.max(1, maxBytes - utf8Length(ext));
  let out = "";
  // Cut on grapheme boundaries so an accent or an emoji is never split in half.
  for (const { segment } of graphemes(stem)) {
    if (utf8Length(out + segment) > budget) break;
    out += segment;
  }
  out = out.replace(/[.\s]+$/, "");
  return `${out || FALLBACK}${ext}`;
}

function graphemes(text: string): Iterable<{ segment: string }> {
  return new Intl.Segmenter(undefined, { granularity: "grapheme" }).segment(text);
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

// C0/C1 controls, DEL, zero-width space, bidi marks, overrides and isolates
// ("invoice\u202Efdp.exe" displays as "invoiceexe.pdf"), line/paragraph
// separators, invisible operators and the BOM. ZWJ/ZWNJ (U+200C/D) stay:
// Persian, Indic scripts and emoji sequences need them.
const INVISIBLE_OR_CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
const WINDOWS_FORBIDDEN = /[<>:"|?*]/g;
const RESERVED_WINDOWS_NAMES = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
