import { useSyncExternalStore } from "react";

const subscribeNothing = () => () => {};

/**
 * False while rendering on the server and while hydrating, true afterwards.
 * For what only works once React runs in the browser: text that depends on
 * the browser's clock or zone, and forms whose submit is handled in script.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribeNothing, () => true, () => false);
}
