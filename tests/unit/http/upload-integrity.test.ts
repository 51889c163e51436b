import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, test } from "vitest";
import { declaredUpload, reprDigestSha256, verifiedBody } from "@/lib/server/http/upload-integrity";

const body = Buffer.from("%PDF-1.4\nsome evidence\n");
const hex = createHash("sha256").update(body).digest("hex");
const b64 = createHash("sha256").update(body).digest("base64");

/** The body as a network stream would deliver it. */
const stream = (...chunks: Buffer[]) => Readable.from(chunks);

async function drain(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const c of source) parts.push(c);
  return Buffer.concat(parts);
}

describe("declared size and digest", () => {
  test("RFC 9530 Repr-Digest, among other algorithms", () => {
    expect(reprDigestSha256(`sha-512=:${Buffer.alloc(64).toString("base64")}:, sha-256=:${b64}:`)).toBe(hex);
    expect(reprDigestSha256("sha-512=:AAAA:")).toBeNull();
    expect(() => reprDigestSha256("sha-256=:AAAA:")).toThrow(/not a base64 SHA-256/);
  });

  test("Content-Length and X-Content-SHA256 are read; two digests that disagree are refused", () => {
    expect(declaredUpload(new Headers({ "content-length": "25", "x-content-sha256": hex.toUpperCase() }))).toEqual({ sizeBytes: 25, sha256: hex });
    expect(() => declaredUpload(new Headers({ "repr-digest": `sha-256=:${b64}:`, "x-content-sha256": "0".repeat(64) }))).toThrow(/different SHA-256/);
    expect(() => declaredUpload(new Headers({ "x-content-sha256": "xyz" }))).toThrow(/64 hexadecimal/);
  });
});

describe("verifiedBody", () => {
  test("passes the bytes through when count and hash match", async () => {
    expect(await drain(verifiedBody(stream(body.subarray(0, 5), body.subarray(5)), { sizeBytes: body.length, sha256: hex }))).toEqual(body);
  });

  test("a body shorter than Content-Length is refused at its end", async () => {
    await expect(drain(verifiedBody(stream(body.subarray(0, 10)), { sizeBytes: body.length, sha256: null }))).rejects.toMatchObject({ reason: "incomplete" });
  });

  test("a body longer than Content-Length is refused as soon as it overflows", async () => {
    await expect(drain(verifiedBody(stream(body, body), { sizeBytes: body.length, sha256: null }))).rejects.toMatchObject({ reason: "incomplete" });
  });

  test("bytes that do not hash to the declared digest are refused", async () => {
    const other = Buffer.from(body);
    other[10] = other[10]! ^ 1;
    await expect(drain(verifiedBody(stream(other), { sizeBytes: other.length, sha256: hex }))).rejects.toMatchObject({ reason: "digest_mismatch" });
  });
});
