import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoSignIn, ssoRefusalMessage } from "@/components/auth/sso-sign-in";
import { currentActor } from "@/lib/server/auth";
import { ssoSignInOption } from "@/lib/server/services/sso-config";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await currentActor()) redirect("/");
  const [sso, params] = await Promise.all([ssoSignInOption(), searchParams]);
  const ssoError = ssoRefusalMessage(typeof params.sso === "string" ? params.sso : undefined);
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Assay</h1>
        <p className="muted">Security due diligence for outsourced vendors. Sign in to continue.</p>
        {sso ? <SsoSignIn displayName={sso.displayName} error={ssoError} /> : ssoError ? <div className="alert alert-error" role="alert">{ssoError}</div> : null}
        {sso ? <p className="muted small">Or sign in with your e-mail and password:</p> : null}
        <SignInForm />
      </div>
    </main>
  );
}
