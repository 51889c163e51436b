import { createHash } from "node:crypto";
import type { BlobSource } from "../storage/blob-store";
import { UploadRejectedError } from "../storage/blob-store";

/**
 * What the client says it is sending: the byte count (Content-Length) and,
 * optionally, the SHA-256 of the file (README.md "Security defaults", evidence uploads).
 * The server checks both against what actually arrived before anything is
 * kept, so a body cut short anywhere between the browser and the handler is
 * refused instead of being stored as evidence.
 */
export interface DeclaredUpload {
  sizeBytes: number | null;
  /** Lower-case hex. */
  sha256: string | null;
}

const HEX_SHA256 = /^[0-9a-f]{64}$/i;

/**
 * Reads Content-Length and the optional digest headers: RFC 9530
 * `Repr-Digest: sha-256=:<base64>:` and/or `X-Content-SHA256: <hex>`. A
 * malformed header, or two digests that disagree, is a client error: guessing
 * would defeat the point of sending one.
 */
export function declaredUpload(headers: Headers): DeclaredUpload {
  return { sizeBytes: contentLength(headers.get("content-length")), sha256: declaredSha256(headers) };
}

function contentLength(value: string | null): number | null {
  if (value === null) return null;
  const n = /^\d{1,16}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n)) throw new UploadRejectedError("incomplete", "The upload's Content-Length header is not a byte count.");
  return n;
}

function declaredSha256(headers: Headers): string | null {
  const fromRepr = reprDigestSha256(headers.get("repr-digest"));
  const plain = headers.get("x-content-sha256")?.trim();
  if (plain !== undefined && !HEX_SHA256.test(plain)) {
    throw new UploadRejectedError("digest_mismatch", "The X-Content-SHA256 header must be 64 hexadecimal characters.");
  }
  const fromHex = plain?.toLowerCase() ?? null;
  if (fromRepr && fromHex && fromRepr !== fromHex) {
    throw new UploadRejectedError("digest_mismatch", "The Repr-Digest and X-Content-SHA256 headers name different SHA-256 values.");
  }
  return fromRepr ?? fromHex;
}

/**
 * The sha-256 member of an RFC 9530 digest dictionary (`sha-256=:…:, sha-512=:…:`),
 * as hex. Other algorithms are ignored; a sha-256 member that is not 32 bytes
 * of base64 is refused.
 */
export function reprDigestSha256(value: string | null): string | null {
  if (value === null) return null;
  for (const member of value.split(",")) {
    const eq = member.indexOf("=");
    if (eq < 0 || member.slice(0, eq).trim().toLowerCase() !== "sha-256") continue;
    const match = /^:([A-Za-z0-9+/]+={0,2}):$/.exec(member.slice(eq + 1).trim());
    const bytes = match ? Buffer.from(match[1]!, "base64") : null;
    if (!bytes || bytes.length !== 32) {
      throw new UploadRejectedError("digest_mismatch", "The Repr-Digest header's sha-256 value is not a base64 SHA-256 digest.");
    }
    return bytes.toString("hex");
  }
  return null;
}

/**
 * Passes the body through unchanged, and at its end compares the byte count
 * and hash with what the client declared. The refusal is thrown from the
 * source itself, so whoever is storing the bytes sees the error before it
 * commits anything.
 */
export async function* verifiedBody(source: BlobSource, declared: DeclaredUpload): AsyncGenerator<Uint8Array> {
  const hash = createHash("sha256");
  let received = 0;
  for await (const chunk of source as AsyncIterable<Uint8Array>) {
    received += chunk.length;
    if (declared.sizeBytes !== null && received > declared.sizeBytes) throw incomplete(declared.sizeBytes, received);
    if (declared.sha256) hash.update(chunk);
    yield chunk;
  }
  if (declared.sizeBytes !== null && received !== declared.sizeBytes) throw incomplete(declared.sizeBytes, received);
  if (declared.sha256 && hash.digest("hex") !== declared.sha256) {
    throw new UploadRejectedError(
      "digest_mismatch",
      "The file that arrived does not match the SHA-256 your browser computed, so it was not stored. Upload it again.",
    );
  }
}

function incomplete(declared: number, received: number): UploadRejectedError {
  return new UploadRejectedError(
    "incomplete",
    `Only part of the file arrived (${received} of ${declared} bytes), so nothing was stored. Upload it again.`,
  );
}
