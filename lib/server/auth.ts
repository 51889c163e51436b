import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { signInSchema } from "@/lib/schemas/sign-in";
import type { Actor } from "./actor";
import { authSecret } from "./auth-secret";
import { db } from "./db";
import { recordAudit } from "./audit";
import { isRole } from "@/lib/domain/accounts/roles";
import { can, type Permission } from "./permissions";
import { signIn } from "./services/sign-in";
import { notePermissionDenied } from "./authorize";
import { COOKIE_MAX_AGE_HOURS, resolveSession, revokeSession } from "./services/sessions";
import { AppError } from "./errors";
import { clientIp, headerValue } from "./http/client-ip";


/** Where a user flagged by "force password reset" is sent before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** Secure cookies everywhere but local development (browsers treat localhost as secure). */
export function secureCookiesEnabled(): boolean {
  return process.env.NODE_ENV === "production" && process.env.ASSAY_INSECURE_COOKIES !== "1";
}

let options: NextAuthOptions | undefined;

// Built lazily: reading or creating the secret is I/O that must not happen at build time.
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    // The cookie's lifetime is only an outer bound: the idle and absolute
    // timeouts (settings.sessions) are enforced on the server.
    session: { strategy: "jwt", maxAge: COOKIE_MAX_AGE_HOURS * 3600 },
    useSecureCookies: secureCookiesEnabled(),
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) throw new Error("invalid");
          const result = await signIn({
            ...parsed.data,
            ip: clientIp(req?.headers ?? {}),
            userAgent: headerValue(req?.headers ?? {}, "user-agent"),
          });
          // The error text travels to the client as a code, mapped to a message there.
          if (!result.ok) throw new Error(result.reason);
          return { id: result.user.id, email: result.user.email, name: result.user.name, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id and the server-side session id;
      // the session row, role and active state are read from the database on
      // every request (see currentActor), so a revocation takes effect at once.
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id, sid: (user as { sid?: string }).sid } : token),
      session: ({ session, token }) => ({ ...session, userId: token.sub, sessionId: token.sid }),
    },
    events: {
      async signOut({ token }) {
        const sessionId = typeof token?.sid === "string" ? token.sid : null;
        const user = token?.sub ? await db().user.findUnique({ where: { id: token.sub } }) : null;
        if (!user || !isRole(user.role)) return;
        const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
        await db().$transaction(async (tx) => {
          // Signing out ends this browser's session on the server, so a copy of
          // the cookie is worthless from now on.
          if (sessionId) await revokeSession(tx, sessionId, "sign_out", new Date());
          await recordAudit(tx, actor, { action: "auth.sign_out", entityType: "user", entityId: user.id });
        });
      },
    },
  };
  return options;
}

/**
 * The signed-in user for this request, or null: the cookie's session must be
 * live on the server (not signed out, revoked or timed out) and its user
 * still active.
 */
export async function currentActor(): Promise<SessionActor | null> {
  const session = await getServerSession(authOptions());
  const { userId, sessionId } = (session ?? {}) as { userId?: string; sessionId?: string };
  // Cookies issued before server-side sessions existed carry no session id: refused.
  if (!userId || !sessionId) return null;
  const live = await resolveSession(sessionId);
  if (!live || live.user.id !== userId || !isRole(live.user.role)) return null;
  const h = await headers();
  return {
    id: live.user.id,
    email: live.user.email,
    name: live.user.name,
    role: live.user.role,
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
    sessionId,
    mustChangePassword: live.user.mustChangePassword,
  };
}

/** The actor of a browser session: knows its session, and whether a new password is due first. */
export interface SessionActor extends Actor {
  sessionId: string;
  mustChangePassword: boolean;
}

/**
 * For pages: redirect to sign-in when signed out; the 403 page, at the page's own address, when not allowed;
 * to the password page when an admin forced a reset (only that page passes
 * `allowPendingPasswordChange`).
 */
export async function requirePageActor(
  permission?: Permission,
  { allowPendingPasswordChange = false }: { allowPendingPasswordChange?: boolean } = {},
): Promise<SessionActor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (actor.mustChangePassword && !allowPendingPasswordChange) redirect(CHANGE_PASSWORD_PATH);
  if (permission && !can(actor.role, permission)) {
    notePermissionDenied(actor, permission);
    forbidden();
  }
  return actor;
}

/** For server actions and route handlers: throws instead of redirecting. */
export async function requireActor(
  { allowPendingPasswordChange = false }: { allowPendingPasswordChange?: boolean } = {},
): Promise<SessionActor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (actor.mustChangePassword && !allowPendingPasswordChange) {
    throw new AppError("FORBIDDEN", "Set a new password before doing anything else.");
  }
  return actor;
}
