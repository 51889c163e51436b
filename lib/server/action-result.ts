import { AppError } from "./errors";

export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string> };

/**
 * Runs a server action body and turns failures into a result the form can show.
 * Expected errors keep their message and field errors; anything else is a bug:
 * logged here with its stack, and the user gets a generic sentence (no stack
 * traces leave the server).
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    console.error("Unexpected error in server action", error);
    return {
      ok: false,
      code: "INTERNAL",
      error: "Something went wrong on our side. Nothing was saved; please try again.",
    };
  }
}
