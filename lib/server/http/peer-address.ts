import http from "node:http";
import { PEER_ADDRESS_HEADER } from "./client-ip";

let installed = false;

/**
 * Route handlers and pages never see the socket, and Next only fills in
 * X-Forwarded-For from it when the client sent none, so a forged header would
 * be indistinguishable from the real peer. This stamps the TCP peer address
 * on every incoming request before Next reads it, replacing any value a
 * client sent under the same name. Called once from instrumentation.ts.
 */
export function installPeerAddressHeader(): void {
  if (installed) return;
  installed = true;
  const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? "";
    }
    return emit.call(this, event, ...args);
  } as typeof http.Server.prototype.emit;
}
