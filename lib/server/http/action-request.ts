// Screens server-action requests before Next decodes them (called from
// proxy.ts). Next answers a malformed action request, a cross-origin one or
// one whose body is not a valid React reply with a 500 (its decoder throws);
// a security tool must answer such requests with a clear 4xx, never a 500
// (docs/security.md, "adversarial suite").
//
// What a well-formed request from this app looks like: every action takes
// one plain value (objects, arrays, strings, numbers, booleans, null), so
// the browser's `encodeReply` sends it as `text/plain` JSON, an array of
// arguments, where a string starting with "$" is either an escaped string
// ("$$...") or one of the markers for values JSON cannot carry. Anything
// else (multipart bodies, references to other reply parts, promises, server
// references, deep nesting) is never sent by the app's own pages.

/** React reply markers for plain values: "$$" escape, undefined, NaN, ±Infinity, -0, Date, BigInt. */
const PLAIN_MARKER = /^\$(?:\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D\d{4,6}-\d\d-\d\dT[\d:.]+Z$|n-?\d{1,40}$)/;

/** Deeper than any form of the app; a guard against the decoder's recursion. */
export const MAX_ACTION_DEPTH = 32;

export type ActionScreen = { ok: true } | { ok: false; status: 400 | 403 | 415; error: string };

/** The origin check Next would do, answered with 403 instead of Next's 500. */
export function screenActionOrigin(origin: string | null, host: string | null): ActionScreen {
  if (!origin) return { ok: true }; // same as Next: browsers that send no Origin are let through to its own checks
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, status: 403, error: "This request came from another site." };
  }
  return originHost === host ? { ok: true } : { ok: false, status: 403, error: "This request came from another site." };
}

export function screenActionContentType(contentType: string | null): ActionScreen {
  return /^text\/plain(?:;|$)/i.test(contentType ?? "") ? { ok: true } : { ok: false, status: 415, error: "Unsupported request format." };
}

/** Whether `body` is a reply this app's pages could have sent: a JSON array of plain values. */
export function screenActionBody(body: string): ActionScreen {
  const bad: ActionScreen = { ok: false, status: 400, error: "Malformed request." };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return bad;
  }
  if (!Array.isArray(parsed)) return bad;
  // Iterative walk: the point is to refuse nesting that would exhaust a recursive decoder.
  const stack: { value: unknown; depth: number }[] = [{ value: parsed, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (typeof value === "string") {
      if (value.startsWith("$") && !PLAIN_MARKER.test(value)) return bad;
    } else if (value !== null && typeof value === "object") {
      if (depth >= MAX_ACTION_DEPTH) return bad;
      const children = Array.isArray(value) ? value : Object.values(value);
      for (const child of children) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return { ok: true };
}
