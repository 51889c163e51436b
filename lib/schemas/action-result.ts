// What every server action returns, shared by the forms that read it and the
// server that builds it (lib/server/action-result.ts runAction).
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string>; retryAfterSeconds?: number; requestId?: string };
