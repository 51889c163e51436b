import { db, type Tx } from "./db";

/**
 * Runs `fn` in the caller's transaction when there is one, otherwise in a new
 * one. Services take an optional `tx` so a caller can compose several changes
 * (and their audit events) into one atomic unit.
 */
export function inTransaction<T>(tx: Tx | undefined, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return tx ? fn(tx) : db().$transaction(fn);
}
