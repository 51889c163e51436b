"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { ROLES, ROLE_LABELS } from "@/lib/domain/roles";
import { createUserSchema, type CreateUserInput } from "@/lib/schemas/user";
import type { ActionResult } from "@/lib/server/action-result";

const EMPTY: CreateUserInput = { email: "", name: "", role: "viewer", password: "", mustChangePassword: false };

export function CreateUserForm({ submit }: { submit: (input: unknown) => Promise<ActionResult<{ id: string }>> }) {
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const form = useForm<CreateUserInput>({ resolver: zodResolver(createUserSchema), defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: CreateUserInput) {
    setMessage(null);
    const result = await submit(values);
    if (result.ok) {
      setMessage({ tone: "ok", text: `${values.name} can now sign in as ${ROLE_LABELS[values.role]}.` });
      form.reset(EMPTY);
      return;
    }
    for (const [field, text] of Object.entries(result.fieldErrors ?? {})) {
      form.setError(field as keyof CreateUserInput, { message: text });
    }
    setMessage({ tone: "error", text: result.error });
  }

  return (
    <form className="stack" onSubmit={form.handleSubmit(onSubmit)} noValidate aria-label="Add a user">
      {message ? <div className={`alert alert-${message.tone}`} role={message.tone === "error" ? "alert" : "status"}>{message.text}</div> : null}
      <TextField label="Name" error={errors.name?.message} {...form.register("name")} />
      <TextField label="E-mail" type="email" autoComplete="off" error={errors.email?.message} {...form.register("email")} />
      <SelectField label="Role" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} error={errors.role?.message} {...form.register("role")} />
      <TextField
        label="Initial password"
        type="password"
        autoComplete="new-password"
        hint="At least 12 characters, not a common password. Share it with the person over a separate channel."
        error={errors.password?.message}
        {...form.register("password")}
      />
      <div className="checks">
        <label>
          <input type="checkbox" {...form.register("mustChangePassword")} /> Must choose a new password at first sign-in
        </label>
      </div>
      <div className="form-actions">
        <button className="btn btn-primary" type="submit" disabled={isSubmitting}>{isSubmitting ? "Adding…" : "Add user"}</button>
      </div>
    </form>
  );
}
