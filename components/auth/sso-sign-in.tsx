import type { SsoRefusal } from "@/lib/schemas/sso";

// Messages for a refused single sign-on. Like the password form's, none says
// whether an account exists; the audit log records the precise reason.
const MESSAGES: Record<SsoRefusal, string> = {
  not_configured: "Single sign-on is not available right now. Sign in with your password, or ask an admin.",
  client_blocked: "Too many failed attempts from here. Wait a few minutes, then try again.",
  flow_missing: "That sign-in expired or was already used. Start again.",
  state_mismatch: "That sign-in could not be verified. Start again.",
  nonce_mismatch: "That sign-in could not be verified. Start again.",
  provider_error: "The identity provider did not complete the sign-in. Start again, or ask an admin.",
  token_invalid: "That sign-in could not be verified. Start again.",
  no_account: "Your identity provider account has no access to Assay. Ask an admin.",
  email_unverified: "Your identity provider account has no access to Assay. Ask an admin.",
  deactivated: "Your identity provider account has no access to Assay. Ask an admin.",
  no_role: "Your identity provider account has no access to Assay. Ask an admin.",
  last_admin: "Single sign-on would remove the last admin's role. Sign in with your password.",
};

export function ssoRefusalMessage(reason: string | undefined): string | null {
  if (!reason) return null;
  return (MESSAGES as Record<string, string>)[reason] ?? "Single sign-on failed. Please try again.";
}

/** A plain link: the browser leaves for the provider (a form post would break the CSP's form-action). */
export function SsoSignIn({ displayName, error }: { displayName: string; error: string | null }) {
  return (
    <div className="stack">
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <a className="btn" href="/api/sso/start" data-testid="sso-sign-in">
        Sign in with {displayName}
      </a>
    </div>
  );
}
