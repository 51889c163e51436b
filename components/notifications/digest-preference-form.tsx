"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { NotificationPreferencesInput } from "@/lib/schemas/notifications";
import { ClientForm } from "@/components/ui/client-form";

type Save = (input: NotificationPreferencesInput) => Promise<ActionResult<{ digestOptOut: boolean }>>;

/** The one choice a user has: whether to get the daily digest. Blocker alerts and sign-off requests always come. */
export function DigestPreferenceForm({ digestOptOut, save }: { digestOptOut: boolean; save: Save }) {
  const [optOut, setOptOut] = useState(digestOptOut);
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  return (
    <ClientForm
      className="stack"
      aria-label="Email preferences"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await save({ digestOptOut: optOut });
          setStatus(result.ok ? { text: result.data.digestOptOut ? "Saved: no daily digest." : "Saved: you get the daily digest.", error: false } : { text: result.error, error: true });
        });
      }}
    >
      <label className="checkbox">
        <input type="checkbox" name="digest" checked={!optOut} onChange={(e) => setOptOut(!e.target.checked)} />
        Email me a daily digest of my items that fall due, expire within the reminder windows, or go overdue
      </label>
      <p className="hint">Blocker alerts on vendors you own and sign-off requests are always emailed.</p>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          {pending ? "Saving…" : "Save email preference"}
        </button>
        <p role="status" className={status?.error ? "error" : "muted"}>{status?.text ?? ""}</p>
      </div>
    </ClientForm>
  );
}
