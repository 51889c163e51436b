import { sniffFileType } from "./file-type";

// The organisation's logo for the PDF cover (docs/rules.md §10: the report is
// the committee's record). Decided from the bytes like evidence uploads
// (file-type.ts), and then read far enough to know it is a whole image the
// PDF renderer can draw: a PNG must start with its IHDR header, a JPEG must
// carry a frame header and end with its end-of-image marker. Pure: no I/O.

export const LOGO_MAX_BYTES = 512 * 1024;
const MAX_SIDE = 4000;

export type LogoCheck =
  | { ok: true; mimeType: "image/png" | "image/jpeg"; width: number; height: number }
  | { ok: false; message: string };

export function checkLogoImage(bytes: Uint8Array): LogoCheck {
  if (bytes.length === 0) return { ok: false, message: "The file is empty. Choose a PNG or JPEG image." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: `The logo is ${Math.ceil(bytes.length / 1024)} KB; the limit is ${LOGO_MAX_BYTES / 1024} KB.` };
  const sniffed = sniffFileType(bytes.subarray(0, 4096), { complete: bytes.length <= 4096 });
  const kind = sniffed.outcome === "detected" ? sniffed.kind : undefined;
  const size = kind === "png" ? pngSize(bytes) : kind === "jpeg" ? jpegSize(bytes) : undefined;
  if (kind !== "png" && kind !== "jpeg") return { ok: false, message: "The logo must be a PNG or JPEG image." };
  if (!size) return { ok: false, message: `The file starts like a ${kind === "png" ? "PNG" : "JPEG"} image but is not a complete one.` };
  if (size.width < 1 || size.height < 1 || size.width > MAX_SIDE || size.height > MAX_SIDE) {
    return { ok: false, message: `The logo must be between 1 and ${MAX_SIDE} pixels on each side.` };
  }
  return { ok: true, mimeType: kind === "png" ? "image/png" : "image/jpeg", ...size };
}

function u32(b: Uint8Array, at: number): number {
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

/** Width and height from the IHDR chunk, which must come first; the file must end with IEND. */
function pngSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 45) return undefined;
  const ihdr = String.fromCharCode(b[12]!, b[13]!, b[14]!, b[15]!);
  const iend = String.fromCharCode(b[b.length - 8]!, b[b.length - 7]!, b[b.length - 6]!, b[b.length - 5]!);
  if (ihdr !== "IHDR" || iend !== "IEND") return undefined;
  return { width: u32(b, 16), height: u32(b, 20) };
}

/** Width and height from the first start-of-frame marker; the file must end with EOI (FF D9). */
function jpegSize(b: Uint8Array): { width: number; height: number } | undefined {
  if (b.length < 4 || b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1]!;
    const length = (b[at + 2]! << 8) + b[at + 3]!;
    // SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: (b[at + 5]! << 8) + b[at + 6]!, width: (b[at + 7]! << 8) + b[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}
