// Keyset cursors of the REST API's lists: the sort key of a page's last row,
// as base64url JSON. Opaque to clients; one the API never gave out is a 400
// on `cursor`, not a silently different page.
import { AppError } from "../errors";

export function encodeCursor(key: readonly string[]): string {
  return Buffer.from(JSON.stringify(key)).toString("base64url");
}

/** The sort key a cursor holds: exactly `length` strings, or a 400 problem. */
export function decodeCursor(raw: string, length: number): string[] {
  try {
    const key = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as unknown;
    if (Array.isArray(key) && key.length === length && key.every((part) => typeof part === "string")) return key as string[];
  } catch {
    // falls through to the refusal below
  }
  throw new AppError("VALIDATION", "This cursor is not one the API gave out.", { cursor: "not a cursor from a previous page" });
}

/** A date-and-id cursor (newest-first lists); a date that does not parse is a foreign cursor. */
export function decodeDateCursor(raw: string): { at: Date; id: string } {
  const [iso, id] = decodeCursor(raw, 2) as [string, string];
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) throw new AppError("VALIDATION", "This cursor is not one the API gave out.", { cursor: "not a cursor from a previous page" });
  return { at, id };
}

/**
 * The Prisma `where` that continues a newest-first (date desc, id desc) list
 * after the cursor's row; served by an index on (date, id).
 */
export function afterDateCursor<F extends string>(field: F, cursor: { at: Date; id: string } | null) {
  if (!cursor) return {};
  return { OR: [{ [field]: { lt: cursor.at } }, { [field]: cursor.at, id: { lt: cursor.id } }] };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => readonly string[]): { rows: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
