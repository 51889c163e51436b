// One HTTP POST to a checked address (docs/webhooks.md, "Outbound safety"):
// connected to the address target-check.ts approved (the hostname still goes
// into the Host header and the TLS certificate check), with a connect and a
// total timeout, no redirect followed (a 3xx is a failure), and at most
// MAX_RESPONSE_BYTES of the answer read. Errors name what went wrong, never
// the secret or the body.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { ResolvedAddress } from "./target-check";

export const MAX_RESPONSE_BYTES = 64 * 1024;
/** What of the answer the delivery log keeps. */
const EXCERPT_BYTES = 512;

export interface PostResult {
  statusCode: number | null;
  ok: boolean;
  error: string | null;
  durationMs: number;
  responseExcerpt: string;
}

export function postWebhook({
  url,
  address,
  headers,
  body,
  connectTimeoutMs,
  totalTimeoutMs,
}: {
  url: URL;
  address: ResolvedAddress;
  headers: Record<string, string>;
  body: string;
  connectTimeoutMs: number;
  totalTimeoutMs: number;
}): Promise<PostResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The pinned answer, whatever name the socket asks for: no second DNS lookup.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: address.address, family: address.family }]);
    else callback(null, address.address, address.family);
  };
  const secure = url.protocol === "https:";
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      resolve({ ...result, durationMs: elapsed() });
    };
    const request = (secure ? https : http).request(url, {
      method: "POST",
      headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
    });
    const total = setTimeout(() => request.destroy(new Error(`no answer within ${totalTimeoutMs} ms`)), totalTimeoutMs);
    request.on("socket", (socket) => {
      const connect = setTimeout(() => request.destroy(new Error(`could not connect within ${connectTimeoutMs} ms`)), connectTimeoutMs);
      socket.once(secure ? "secureConnect" : "connect", () => clearTimeout(connect));
      socket.once("close", () => clearTimeout(connect));
    });
    request.on("error", (error) => finish({ statusCode: null, ok: false, error: error.message, responseExcerpt: "" }));
    request.on("response", (response) => {
      const status = response.statusCode ?? 0;
      const chunks: Buffer[] = [];
      let read = 0;
      const done = () => {
        const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
        const ok = status >= 200 && status < 300;
        const error = ok ? null : status >= 300 && status < 400 ? `redirect to ${String(response.headers.location ?? "?").slice(0, 200)} not followed` : `HTTP ${status}`;
        finish({ statusCode: status, ok, error, responseExcerpt: excerpt });
      };
      response.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read <= EXCERPT_BYTES) chunks.push(chunk);
        // The status is what counts; a receiver that keeps talking is cut off.
        if (read > MAX_RESPONSE_BYTES) {
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", (error) => finish({ statusCode: status, ok: false, error: error.message, responseExcerpt: "" }));
    });
    request.end(body);
  });
}
