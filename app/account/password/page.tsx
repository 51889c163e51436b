import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { identityWords } from "@/lib/domain/accounts/password-policy";
import { requirePageActor } from "@/lib/server/auth";
import { changeOwnPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Change password" };

// Outside the (app) shell on purpose: a user whose reset an admin forced is
// sent here by every other page and must not see the app before choosing.
export default async function ChangePasswordPage() {
  const actor = await requirePageActor(undefined, { allowPendingPasswordChange: true });
  return (
    <main className="auth-page">
      <div className="card auth-card">
        <h1>Change password</h1>
        {actor.mustChangePassword ? (
          <p className="alert alert-error" role="alert">An administrator asked you to choose a new password before you continue.</p>
        ) : (
          <p className="muted"><Link href="/">Back to Assay</Link></p>
        )}
        <p className="muted">
          Signed in as {actor.email}. Use at least 12 characters; a long phrase is easiest. Common passwords are refused.
          Your other sessions end when you change it.
        </p>
        <ChangePasswordForm contextWords={identityWords(actor)} submit={changeOwnPasswordAction} />
      </div>
    </main>
  );
}
