// Expected failures carry a code and a message that is safe to show a user.
// Anything that is not an AppError is a bug: it is logged on the server and the
// user sees a generic message, never a stack trace.

export type AppErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "VALIDATION"
  | "CONFLICT"
  | "INVALID_STATE"
  /** The disk (or database) holding evidence is full; nothing was stored. */
  | "STORAGE_FULL"
  /** The server is doing as much of this work as it takes at once; nothing was done, try again. */
  | "BUSY";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export function forbidden(what = "You do not have permission to do that."): AppError {
  return new AppError("FORBIDDEN", what);
}

export function notFound(what = "Not found."): AppError {
  return new AppError("NOT_FOUND", what);
}

/** The message shown when an optimistic-lock check fails. */
export function staleEdit(entity: string): AppError {
  return new AppError(
    "CONFLICT",
    `This ${entity} was changed by someone else while you were editing. Reload to see their changes, then apply yours again.`,
  );
}
