// Which database failures mean "try again" rather than "bug". No Next imports.

/** Seconds a client is asked to wait (Retry-After) when the server is too busy to start its write. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

function codeOf(error: unknown): string | undefined {
  const code = typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" ? code : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "";
}

/**
 * A transaction that lost a race another transaction won: a serialization
 * failure or deadlock on PostgreSQL (Prisma's P2034), or SQLite's busy lock
 * held by another process. Running it again from the start is safe and
 * usually succeeds.
 */
export function isRetryableTransactionError(error: unknown): boolean {
  if (codeOf(error) === "P2034") return true;
  return /SQLITE_BUSY|database is locked/.test(messageOf(error));
}

/**
 * The server ran out of time waiting for the database: no connection or
 * transaction slot in time (Prisma's P2028, "Unable to start a transaction in
 * the given time", or a transaction that ran past its timeout and was rolled
 * back), or no pool connection for a plain query. Nothing of the request was
 * committed; the answer is 503 "busy, try again", never a 500.
 */
export function isDatabaseBusyError(error: unknown): boolean {
  if (codeOf(error) === "P2028") return true;
  return /timeout exceeded when trying to connect|Unable to start a transaction in the given time/.test(messageOf(error));
}

/** The database refused a second row for a unique column set (Prisma's P2002): someone else's concurrent write won. */
export function isUniqueKeyViolation(error: unknown): boolean {
  return codeOf(error) === "P2002";
}
