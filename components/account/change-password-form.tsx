"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { useForm } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/schemas/password";
import type { ActionResult } from "@/lib/server/action-result";

const EMPTY: ChangeOwnPasswordInput = { currentPassword: "", newPassword: "", confirmPassword: "" };

interface Props {
  contextWords: string[];
  submit: (input: unknown) => Promise<ActionResult<{ sessionsEnded: number }>>;
}

export function ChangePasswordForm({ contextWords, submit }: Props) {
  const router = useRouter();
  const schema = useMemo(() => changeOwnPasswordSchema(contextWords), [contextWords]);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const form = useForm<ChangeOwnPasswordInput>({ resolver: zodResolver(schema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: ChangeOwnPasswordInput) {
    setMessage(null);
    const result = await submit(values);
    if (result.ok) {
      const others = result.data.sessionsEnded;
      setMessage({ tone: "ok", text: `Password changed.${others ? ` ${others} other session${others === 1 ? "" : "s"} signed out.` : ""}` });
      form.reset(EMPTY);
      router.refresh();
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as keyof ChangeOwnPasswordInput, { message: text });
    }
    setMessage({ tone: "error", text: result.error });
  }

  return (
    <form className="stack" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Change password">
      {message ? <div className={`alert alert-${message.tone}`} role={message.tone === "error" ? "alert" : "status"}>{message.text}</div> : null}
      <TextField label="Current password" type="password" autoComplete="current-password" error={errors.currentPassword?.message} {...form.register("currentPassword")} />
      <TextField label="New password" type="password" autoComplete="new-password" error={errors.newPassword?.message} {...form.register("newPassword")} />
      <TextField label="New password again" type="password" autoComplete="new-password" error={errors.confirmPassword?.message} {...form.register("confirmPassword")} />
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Changing…" : "Change password"}</button>
      </div>
    </form>
  );
}
