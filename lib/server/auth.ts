import "server-only";
import type { NextAuthOptions } from "next-auth";
import { getServerSession } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { signInSchema } from "@/lib/schemas/sign-in";
import type { Actor } from "./actor";
import { authSecret } from "./auth-secret";
import { db } from "./db";
import { recordAudit } from "./audit";
import { isRole } from "@/lib/domain/roles";
import { can, type Permission } from "./permissions";
import { signIn } from "./services/sign-in";
import { notePermissionDenied } from "./authorize";
import { AppError } from "./errors";
import { clientIp, headerValue } from "./http/client-ip";

const SESSION_HOURS = 8;

/** Secure cookies everywhere but local development (browsers treat localhost as secure). */
export function secureCookiesEnabled(): boolean {
  return process.env.NODE_ENV === "production" && process.env.ASSAY_INSECURE_COOKIES !== "1";
}

let options: NextAuthOptions | undefined;

// Built lazily: reading or creating the secret is I/O that must not happen at build time.
export function authOptions(): NextAuthOptions {
  options ??= {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_HOURS * 3600 },
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
          return { id: result.user.id, email: result.user.email, name: result.user.name };
        },
      }),
    ],
    callbacks: {
      // The token carries only the user id; role and active state are read from
      // the database on every request (see currentActor), so a role change or a
      // deactivation takes effect at once.
      jwt: ({ token, user }) => (user ? { ...token, sub: user.id } : token),
      session: ({ session, token }) => ({ ...session, userId: token.sub }),
    },
    events: {
      async signOut({ token }) {
        const user = token?.sub ? await db().user.findUnique({ where: { id: token.sub } }) : null;
        if (!user || !isRole(user.role)) return;
        const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
        await db().$transaction((tx) =>
          recordAudit(tx, actor, { action: "auth.sign_out", entityType: "user", entityId: user.id }),
        );
      },
    },
  };
  return options;
}

/** The signed-in, still-active user for this request, or null. */
export async function currentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions());
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  const user = await db().user.findUnique({ where: { id: userId } });
  if (!user || !user.active || !isRole(user.role)) return null;
  const h = await headers();
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
  };
}

/** For pages: redirect to sign-in when signed out; 403 page when not allowed. */
export async function requirePageActor(permission?: Permission): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  if (permission && !can(actor.role, permission)) {
    notePermissionDenied(actor, permission);
    redirect("/forbidden");
  }
  return actor;
}

/** For server actions and route handlers: throws instead of redirecting. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  return actor;
}
