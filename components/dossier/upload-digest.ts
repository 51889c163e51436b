/**
 * The headers every evidence upload sends with the file: its name and its
 * SHA-256 as an RFC 9530 Repr-Digest, computed in the browser (Web Crypto).
 * The server refuses the upload, storing nothing, when the bytes that arrive
 * hash to something else (README.md "Security defaults", evidence uploads).
 */
export async function uploadHeaders(file: File): Promise<Record<string, string>> {
  const digest = await sha256Base64(file);
  return {
    "x-file-name": encodeURIComponent(file.name),
    // The server decides the type from the bytes; the browser's guess is not sent as if it were trusted.
    "content-type": "application/octet-stream",
    ...(digest ? { "repr-digest": `sha-256=:${digest}:` } : {}),
  };
}

// Web Crypto exists only in secure contexts (HTTPS, localhost); elsewhere the
// upload still goes, checked against Content-Length alone.
async function sha256Base64(file: File): Promise<string | null> {
  if (typeof crypto === "undefined" || !crypto.subtle) return null;
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", await file.arrayBuffer()));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return btoa(binary);
}
