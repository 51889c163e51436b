import { REQUEST_ID_HEADER } from "./logger";

/**
 * The id proxy.ts gave the request being served, or undefined outside a
 * request (CLI, tests, background jobs). Read lazily so this module loads
 * where next/headers cannot.
 */
export async function currentRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import("next/headers");
    return (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  } catch {
    return undefined;
  }
}
