// Credentials sign-ins from a chosen loopback source address. Without
// TRUSTED_PROXIES the server rightly ignores X-Forwarded-For, so tests that
// need several distinct clients make them differ on the socket: every address
// in 127.0.0.0/8 reaches a server listening on 127.0.0.1.
import http from "node:http";

interface LoopbackReply {
  status: number;
  body: string;
  setCookies: string[];
  location?: string;
}

export function loopbackRequest(
  base: string,
  localAddress: string,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<LoopbackReply> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: "127.0.0.1",
        port: url.port,
        localAddress,
        method,
        path: `${url.pathname}${url.search}`,
        headers: { ...headers, ...(body ? { "content-length": String(Buffer.byteLength(body)) } : {}) },
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, setCookies: res.headers["set-cookie"] ?? [], location: res.headers.location }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/**
 * One sign-in through next-auth's credentials endpoint, as a script would send
 * it, from `localAddress`. A forged X-Forwarded-For rides along and must change
 * nothing. Returns next-auth's error code ("invalid", "locked", …) or null on success.
 */
export async function signInFrom(base: string, localAddress: string, email: string, password: string): Promise<string | null> {
  const csrf = await loopbackRequest(base, localAddress, "GET", "/api/auth/csrf");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const cookie = csrf.setCookies.map((c) => c.split(";")[0]).join("; ");
  const form = new URLSearchParams({ email, password, csrfToken, json: "true" }).toString();
  const reply = await loopbackRequest(base, localAddress, "POST", "/api/auth/callback/credentials", form, {
    cookie,
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": "198.51.100.7",
  });
  const url = (JSON.parse(reply.body || "{}") as { url?: string }).url ?? reply.location ?? "http://x/";
  return new URL(url, "http://x").searchParams.get("error");
}
