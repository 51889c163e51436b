import { expect } from "vitest";
import { validVendor } from "../../helpers/fixtures";
import { authOptions } from "@/lib/server/auth";
import { createUser } from "@/lib/server/services/users";
import { signIn } from "@/lib/server/services/sign-in";
import type { CaseContext, CaseTable } from "./types";

// Users, vendors, settings and sign-in.

async function newUser(ctx: CaseContext) {
  return createUser({ actor: ctx.actors.admin, input: { email: `${ctx.unique("person")}@example.test`, name: "Temp Person", role: "viewer", password: "temporary-password-1" } });
}

export const cases: CaseTable = {
  "app/(app)/admin/users/actions.ts#createUserAction": {
    kind: "mutation",
    permission: "user.manage",
    audit: "user.create",
    arrange: async (ctx) => ({ input: { email: `${ctx.unique("new")}@example.test`, name: "New Person", role: "viewer", password: "correct-horse-battery-1" } }),
  },
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": {
    kind: "mutation",
    permission: "user.manage",
    audit: "user.change_role",
    arrange: async (ctx) => {
      const user = await newUser(ctx);
      return { input: { userId: user.id, role: "legal", version: user.version } };
    },
  },
  "app/(app)/admin/users/actions.ts#setUserActiveAction": {
    kind: "mutation",
    permission: "user.manage",
    audit: "user.deactivate",
    arrange: async (ctx) => {
      const user = await newUser(ctx);
      return { input: { userId: user.id, active: false, version: user.version } };
    },
  },
  "app/(app)/admin/users/actions.ts#forcePasswordResetAction": {
    kind: "mutation",
    permission: "user.manage",
    audit: "user.force_password_reset",
    arrange: async (ctx) => {
      const user = await newUser(ctx);
      return { input: { userId: user.id, version: user.version } };
    },
  },
  "app/account/password/actions.ts#changeOwnPasswordAction": {
    kind: "mutation",
    permission: "account.password.change",
    audit: "user.change_password",
    as: "viewer",
    arrange: async (ctx) => {
      const next = `${ctx.unique("new passphrase")} for the table`;
      return { input: { currentPassword: ctx.actors.viewer.password, newPassword: next, confirmPassword: next } };
    },
  },
  "app/(app)/vendors/actions.ts#createVendorAction": {
    kind: "mutation",
    permission: "vendor.create",
    audit: "vendor.create",
    arrange: async (ctx) => ({ input: { ...validVendor, name: ctx.unique("Vendor") } }),
  },
  "app/(app)/vendors/actions.ts#updateVendorAction": {
    kind: "mutation",
    permission: "vendor.update",
    audit: "vendor.update",
    arrange: async (ctx) => {
      const v = await ctx.freshVendor();
      return { input: { ...validVendor, name: v.name, website: "https://changed.example", id: v.id, version: v.version } };
    },
  },
  "app/(app)/admin/settings/actions.ts#updateSettingsAction": {
    kind: "mutation",
    permission: "settings.manage",
    audit: "settings.update",
    arrange: async (ctx) => {
      const { getSettingsForEdit } = await import("@/lib/server/services/settings");
      const { settings, version } = await getSettingsForEdit({ actor: ctx.actors.admin });
      return { input: { version, settings: { ...settings, uploads: { maxBytes: settings.uploads.maxBytes + 1 } } } };
    },
  },
  // next-auth's endpoints need Next's request scope (cookies, CSRF) and are
  // driven for real by tests/e2e/sign-in.spec.ts. Public by design: what must
  // hold is that every outcome they delegate to is recorded, shown here
  // through the very functions the handler calls (signIn, events.signOut).
  "GET app/api/auth/[...nextauth]/route.ts": {
    kind: "public",
    reason: "next-auth's CSRF/session/sign-out endpoints; signed-out users must reach them",
    prove: async (ctx) => proveAuthAudited(ctx),
  },
  "POST app/api/auth/[...nextauth]/route.ts": {
    kind: "public",
    reason: "next-auth's credentials sign-in and sign-out; signed-out users must reach them",
    prove: async (ctx) => proveAuthAudited(ctx),
  },
};

async function proveAuthAudited(ctx: CaseContext) {
  const user = await createUser({ actor: ctx.actors.admin, input: { email: `${ctx.unique("signin")}@example.test`, name: "Sign In", role: "viewer", password: "sign-in-password-1" } });
  const head = await ctx.db.auditEvent.aggregate({ _max: { id: true } });
  const since = async () => (await ctx.db.auditEvent.findMany({ where: { id: { gt: head._max.id ?? 0 } }, orderBy: { id: "asc" } })).map((e) => e.action);

  expect(await signIn({ email: user.email, password: "wrong-password-0" })).toMatchObject({ ok: false });
  const signedIn = await signIn({ email: user.email, password: "sign-in-password-1" });
  if (!signedIn.ok) throw new Error("the right password was refused");
  await authOptions().events!.signOut!({ token: { sub: user.id, sid: signedIn.sessionId }, session: null } as never);
  // Signing out ends the session on the server, not only in the browser.
  expect(await ctx.db.authSession.findUniqueOrThrow({ where: { id: signedIn.sessionId } })).toMatchObject({ revokedReason: "sign_out" });
  for (let i = 0; i < 5; i++) await signIn({ email: user.email, password: "wrong-password-0" });
  expect(await since()).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_out", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.sign_in_failed", "auth.lockout"]);
}
