// Plain HTTP against the adversarial server: sign-in through next-auth's own
// endpoints, server actions through Next's action protocol, and the checks
// every response must pass (no 5xx, no stack trace, no internal error).
//
// Calling a server action over HTTP (what the browser does for `action(input)`):
//   POST <any page of the app>
//   Next-Action: <action id>        from .next/server/server-reference-manifest.json,
//                                    whose entries name the source file and export
//   Content-Type: text/plain;charset=UTF-8
//   Origin: <the server's own origin> (Next refuses cross-origin actions)
//   body: React's encodeReply of the argument list, i.e. JSON (see hostile.ts)
// The answer is a React flight stream (text/x-component); line "1:" holds the
// action's return value, `{ ok, code, error, fieldErrors }` for this app's
// actions (lib/server/action-result.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./targets";

export interface Reply {
  status: number;
  headers: Headers;
  body: string;
  /** The action's result, when this was a server-action call that returned one. */
  result?: { ok?: boolean; code?: string; error?: string };
}

/** Node/V8 stack frames, Prisma and SQL error texts: none may ever reach a client. */
const LEAKS = [
  /\n\s+at [\w$.<>[\] ]+ \(?(?:\/|file:|node:|webpack)/,
  /\bat (?:async )?[\w$.]+ \((?:\/|node:)[^)]*:\d+:\d+\)/,
  /PrismaClient\w*Error/,
  /SQLITE_\w+|SqliteError/,
  /Invalid `prisma\.\w+/,
  /node_modules\//,
  /"stack"\s*:/,
  /ECONNREFUSED|ENOENT|EACCES/,
];

/** Why a response is a failure of the server, or null. */
export function serverFault(r: Reply): string | null {
  if (r.status >= 500) return `HTTP ${r.status}`;
  const leak = LEAKS.find((re) => re.test(r.body));
  if (leak) return `leaks internals (${leak.source})`;
  if (r.result?.code === "INTERNAL") return "action answered INTERNAL (an unexpected exception)";
  return null;
}

/** The action's return value: row "0:" names the row that holds it ("a":"$@<row>"), usually "1:". */
export function parseActionResult(body: string): Reply["result"] {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = /^([0-9a-f]+):(.*)$/.exec(line);
    if (m) rows.set(m[1]!, m[2]!);
  }
  try {
    const root = JSON.parse(rows.get("0") ?? "null") as { a?: string } | null;
    const row = /^\$@([0-9a-f]+)$/.exec(root?.a ?? "")?.[1];
    return row && rows.has(row) ? (JSON.parse(rows.get(row)!) as Reply["result"]) : undefined;
  } catch {
    return undefined;
  }
}

export class Client {
  constructor(
    readonly base: string,
    public cookie: string | null = null,
  ) {}

  async request(method: string, url: string, init: { headers?: Record<string, string>; body?: string | Buffer } = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    const res = await fetch(this.base + url, {
      method,
      headers,
      body: init.body as BodyInit | undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const body = await res.text();
    return { status: res.status, headers: res.headers, body };
  }

  async action(id: string, page: string, rawBody: string): Promise<Reply> {
    const r = await this.request("POST", page, {
      headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", Origin: this.base, Accept: "text/x-component" },
      body: rawBody,
    });
    r.result = parseActionResult(r.body);
    return r;
  }
}

function setCookies(res: Response): string[] {
  return res.headers.getSetCookie().map((c) => c.split(";")[0]!);
}

/**
 * Signs in through next-auth's credentials endpoint; returns the session cookie
 * header. Retries a few times with a growing pause, because a throttle may
 * delay this client after the suite's own wrong-password attempts.
 */
export async function signIn(base: string, email: string, password: string, retries = 3): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await signInOnce(base, email, password);
    } catch (error) {
      if (attempt >= retries) throw error;
      await new Promise((r) => setTimeout(r, 1_000 * 2 ** attempt));
    }
  }
}

async function signInOnce(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = setCookies(csrf);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie: jar.join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
    redirect: "manual",
  });
  const all = [...jar, ...setCookies(res)];
  const session = all.filter((c) => /next-auth\.session-token=/.test(c));
  if (!session.length) throw new Error(`sign-in as ${email} failed: HTTP ${res.status}`);
  return all.join("; ");
}

/** Signs out through next-auth (what the Sign out button does). */
export async function signOut(base: string, cookie: string): Promise<void> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/signout`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
  if (res.status >= 400) throw new Error(`sign-out failed: HTTP ${res.status}`);
}

/** Action ids by "<file>#<export>", from the build the server runs. */
export function actionIds(): Map<string, { id: string; page: string }> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const out = new Map<string, { id: string; page: string }>();
  for (const [id, entry] of Object.entries(manifest.node)) {
    if (!entry.filename || !entry.exportedName) continue;
    out.set(`${entry.filename}#${entry.exportedName}`, { id, page: Object.keys(entry.workers)[0]! });
  }
  return out;
}
