// Single sign-on (README.md, "Single sign-on"): the settings action, the
// per-user password switch, and the two public sign-in endpoints.
import { NextRequest } from "next/server";
import { expect } from "vitest";
import { createUser } from "@/lib/server/services/users";
import { startOidcProvider, type TestOidcProvider } from "../../helpers/oidc-provider";
import type { CaseContext, CaseTable } from "./types";

// Saving runs the issuer's discovery, so the row needs a real provider; one
// is started on loopback the first time and left to the process's end.
let provider: Promise<TestOidcProvider> | undefined;
const idp = () => (provider ??= startOidcProvider("http://localhost/api/sso/callback", { unref: true }));

async function newUser(ctx: CaseContext) {
  return createUser({ actor: ctx.actors.admin, input: { email: `${ctx.unique("sso")}@example.test`, name: "Sso Person", role: "viewer", password: "temporary-password-1" } });
}

async function auditActionsSince(ctx: CaseContext, head: number) {
  return (await ctx.db.auditEvent.findMany({ where: { id: { gt: head } }, orderBy: { id: "asc" } })).map((e) => e.action);
}

async function auditHead(ctx: CaseContext) {
  return (await ctx.db.auditEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

export const cases: CaseTable = {
  "app/(app)/admin/sso/actions.ts#saveSsoConfigAction": {
    kind: "mutation",
    permission: "settings.manage",
    audit: "sso.configure",
    arrange: async (ctx) => {
      const { issuer, clientId, clientSecret } = await idp();
      const current = await ctx.db.ssoConfig.findUnique({ where: { id: 1 } });
      return {
        input: {
          enabled: false,
          displayName: "Test IdP",
          issuerUrl: issuer,
          clientId,
          clientSecret,
          claimName: "groups",
          roleMappings: [{ value: "assay-security", role: "security" }],
          unmappedRole: "refuse",
          provisionUsers: false,
          version: current?.version ?? 0,
        },
      };
    },
  },
  "app/(app)/admin/users/actions.ts#setLocalPasswordAction": {
    kind: "mutation",
    permission: "user.manage",
    audit: "user.local_password_disable",
    arrange: async (ctx) => ({ input: { userId: (await newUser(ctx)).id, enabled: false } }),
  },
  "GET app/api/sso/start/route.ts": {
    kind: "public",
    reason: "starts single sign-on for someone not signed in yet; it records a flow row for the browser, no audit event",
    prove: async (ctx, exported) => {
      const head = await auditHead(ctx);
      const response = await (exported as (r: Request) => Promise<Response>)(new Request("http://localhost/api/sso/start"));
      expect(response.status).toBe(303);
      expect(await auditActionsSince(ctx, head)).toEqual([]);
    },
  },
  "GET app/api/sso/callback/route.ts": {
    kind: "public",
    reason: "the provider sends the browser back here before there is a session; the flow cookie, state, nonce and PKCE decide, and a refusal is audited",
    prove: async (ctx, exported) => {
      const head = await auditHead(ctx);
      const response = await (exported as (r: NextRequest) => Promise<Response>)(new NextRequest("http://localhost/api/sso/callback?code=forged&state=forged"));
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toMatch(/\/signin\?sso=/);
      expect(response.headers.get("set-cookie") ?? "").not.toMatch(/next-auth\.session-token=[^;]/);
      expect(await auditActionsSince(ctx, head)).toEqual(["auth.sso_sign_in_failed"]);
    },
  },
};
