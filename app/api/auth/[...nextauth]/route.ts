import NextAuth from "next-auth";
import { authOptions } from "@/lib/server/auth";

export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// next-auth's own endpoints (CSRF token, credentials callback, sign-out). The
// options are built per request so the secret is never read at build time.
async function handler(req: Request, ctx: RouteContext) {
  return NextAuth(req as never, { params: await ctx.params } as never, authOptions());
}

export { handler as GET, handler as POST };
