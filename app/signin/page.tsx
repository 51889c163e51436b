import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentActor } from "@/lib/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage() {
  if (await currentActor()) redirect("/");
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Assay</h1>
        <p className="muted">Security due diligence for outsourced vendors. Sign in to continue.</p>
        <SignInForm />
      </div>
    </main>
  );
}
