/**
 * The file name a browser sent in X-File-Name (percent-encoded, since header
 * values are ASCII); a value that is not valid percent-encoding is taken as is.
 */
export function decodeFileNameHeader(value: string | null): string {
  if (!value) return "";
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
