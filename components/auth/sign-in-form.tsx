"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { signInSchema, type SignInInput } from "@/lib/schemas/sign-in";
import { TextField } from "@/components/ui/text-field";
import { ClientForm } from "@/components/ui/client-form";

// One message for unknown e-mail and wrong password, and the lockout message
// names no account: nothing here tells an attacker which addresses exist.
const MESSAGES: Record<string, string> = {
  invalid: "That e-mail and password do not match an active account.",
  locked: "Too many failed attempts from here. Wait a few minutes, then try again.",
  // Only ever sent after the right password (lib/server/services/sign-in.ts).
  sso_only: "This account signs in with single sign-on only. Use the single sign-on button.",
};

export function SignInForm() {
  const [error, setError] = useState<string | null>(null);
  const form = useForm<SignInInput>({ resolver: zodResolver(signInSchema), defaultValues: { email: "", password: "" } });

  async function onSubmit(values: SignInInput) {
    setError(null);
    const result = await signIn("credentials", { ...values, redirect: false });
    if (result?.ok && !result.error) {
      // A full page load rather than a client-side one: the shell, the session
      // and the page's CSP nonce all come fresh from the server, and nothing
      // rendered for a signed-out visitor lingers in the router's cache. (A
      // replace followed by a refresh could re-render the shell late, under
      // someone already typing in its search box.)
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- the full load is the point, see above
      window.location.assign("/");
      return;
    }
    setError(MESSAGES[result?.error ?? ""] ?? "Sign-in failed. Please try again.");
    form.resetField("password");
  }

  return (
    <ClientForm className="stack" onSubmit={form.handleSubmit(onSubmit)} noValidate>
      {error ? (
        <div className="alert alert-error" role="alert">
          {error}
        </div>
      ) : null}
      <TextField label="E-mail" type="email" autoComplete="username" error={form.formState.errors.email?.message} {...form.register("email")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="current-password"
        error={form.formState.errors.password?.message}
        {...form.register("password")}
      />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={form.formState.isSubmitting}>
          {form.formState.isSubmitting ? "Signing in…" : "Sign in"}
        </button>
      </div>
    </ClientForm>
  );
}
