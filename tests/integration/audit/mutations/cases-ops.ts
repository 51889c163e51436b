// Operations endpoints: the probes load balancers and container health checks call.
import { expect } from "vitest";
import type { CaseTable } from "./types";

export const cases: CaseTable = {
  "GET app/api/health/route.ts": {
    kind: "public",
    reason: "liveness probe for load balancers and HEALTHCHECK; answers a bare ok, reads and changes nothing",
    prove: async (ctx, exported) => {
      const before = await ctx.db.auditEvent.count();
      const response = (await (exported as () => Response | Promise<Response>)()) as Response;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: "ok" });
      expect(await ctx.db.auditEvent.count()).toBe(before);
    },
  },
  "GET app/api/ready/route.ts": {
    kind: "public",
    reason: "readiness probe; says only ok/fail for database, migrations and storage, changes nothing",
    prove: async (ctx, exported) => {
      const before = await ctx.db.auditEvent.count();
      const response = (await (exported as () => Promise<Response>)()) as Response;
      const body = await response.json();
      expect(Object.keys(body).sort()).toEqual(["checks", "status"]);
      expect(Object.keys(body.checks).sort()).toEqual(["database", "migrations", "storage"]);
      for (const value of Object.values(body.checks)) expect(["ok", "fail"]).toContain(value);
      expect(await ctx.db.auditEvent.count()).toBe(before);
    },
  },
};
