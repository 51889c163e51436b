// When an upload's answer never arrives (connection lost, a proxy error page,
// a cancel after the last byte), the server may already have stored the file:
// it commits before it answers. Say so instead of promising nothing was saved.
// Retrying is safe: evidence is stored by SHA-256 and a repeat upload of the
// same file is reported as a duplicate of the one already there.
export function unknownUploadOutcome(what: string): string {
  return `${what} We could not confirm whether the file was stored: check the Evidence tab before trying again (uploading the same file twice is recognised as a duplicate).`;
}
