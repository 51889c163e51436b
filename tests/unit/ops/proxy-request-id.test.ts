// proxy.ts: the health probes are reachable without a session, and every
// response carries a fresh x-request-id that is also handed to the handler
// (Next passes overridden request headers as x-middleware-request-*).
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

const request = (pathname: string, headers: Record<string, string> = {}) => new NextRequest(new URL(pathname, "http://localhost:3000"), { headers });

describe("proxy", () => {
  it("lets /api/health and /api/ready through without a session", async () => {
    for (const path of ["/api/health", "/api/ready"]) {
      const response = await proxy(request(path));
      expect(response.status).toBe(200);
      expect(response.headers.get("x-middleware-next")).toBe("1");
    }
    expect((await proxy(request("/api/vendors"))).status).toBe(401);
  });

  it("gives every response its own request id and hands the same id to the handler", async () => {
    const first = await proxy(request("/vendors", { cookie: "next-auth.session-token=x" }));
    const second = await proxy(request("/vendors", { cookie: "next-auth.session-token=x" }));
    const id = first.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(second.headers.get("x-request-id")).not.toBe(id);
    expect(first.headers.get("x-middleware-request-x-request-id")).toBe(id);
  });

  it("ignores a request id the client sends, and ids refusals too", async () => {
    const response = await proxy(request("/api/vendors", { "x-request-id": "chosen-by-client" }));
    expect(response.status).toBe(401);
    expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
