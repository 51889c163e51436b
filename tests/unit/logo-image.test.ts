import { deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkLogoImage, LOGO_MAX_BYTES } from "@/lib/domain/uploads/logo-image";

// The organisation's logo is checked by its bytes like evidence uploads:
// only a whole PNG or JPEG of sane dimensions is accepted.

function png(width: number, height: number, tail = true): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    return out; // CRC left zero: the check reads the structure, the renderer the pixels.
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const parts = [Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(Buffer.alloc(4)))];
  if (tail) parts.push(chunk("IEND", Buffer.alloc(0)));
  return new Uint8Array(Buffer.concat(parts));
}

function jpeg(width: number, height: number, eoi = true): Uint8Array {
  const sof = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof, ...(eoi ? [0xff, 0xd9] : [])]);
}

describe("logo check", () => {
  it("accepts a whole PNG and reads its size", () => {
    expect(checkLogoImage(png(120, 40))).toEqual({ ok: true, mimeType: "image/png", width: 120, height: 40 });
  });

  it("accepts a whole JPEG and reads its size", () => {
    expect(checkLogoImage(jpeg(300, 90))).toEqual({ ok: true, mimeType: "image/jpeg", width: 300, height: 90 });
  });

  it.each([
    ["an empty file", new Uint8Array(), /empty/],
    ["a PDF named logo.png", new TextEncoder().encode("%PDF-1.4\n1 0 obj\n"), /PNG or JPEG/],
    ["an SVG (scripts can hide in it)", new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), /PNG or JPEG/],
    ["a PNG cut short", png(10, 10, false), /not a complete one/],
    ["a JPEG cut short", jpeg(10, 10, false), /not a complete one/],
    ["a PNG of 0 pixels", png(0, 10), /between 1 and 4000 pixels/],
    ["a PNG 5000 pixels wide", png(5000, 10), /between 1 and 4000 pixels/],
  ])("refuses %s", (_name, bytes, message) => {
    const result = checkLogoImage(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it("refuses a file over the size limit", () => {
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(png(10, 10));
    const result = checkLogoImage(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/limit is 512 KB/);
  });
});
