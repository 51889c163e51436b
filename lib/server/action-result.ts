import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusyError } from "./db-errors";
import { AppError } from "./errors";
import { logger } from "./logger";
import { currentRequestId } from "./request-id";
import { BUSY_MESSAGE, unexpectedErrorMessage } from "./route-errors";

import type { ActionResult } from "@/lib/schemas/action-result";

export type { ActionResult };

/**
 * Runs a server action body and turns failures into a result the form can show.
 * Expected errors keep their message and field errors; a database too busy to
 * start the work is "BUSY" (try again shortly; nothing was committed);
 * anything else is a bug: logged here with its stack and the request id, and
 * the user gets a generic sentence with that id (no stack traces leave the
 * server).
 */
export async function runAction<T>(body: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await body() };
  } catch (error) {
    if (error instanceof AppError) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    const requestId = await currentRequestId();
    if (isDatabaseBusyError(error)) {
      logger.warn({ requestId, err: error }, "database busy: server action answered BUSY");
      return { ok: false, code: "BUSY", error: BUSY_MESSAGE, retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS, requestId };
    }
    logger.error({ requestId, err: error }, "unexpected error in server action");
    return { ok: false, code: "INTERNAL", error: unexpectedErrorMessage(requestId), requestId };
  }
}
