"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { overrideTierAction } from "@/app/(app)/vendors/[id]/dossier-actions";
import { TIERS, TIER_LABELS, type Tier } from "@/lib/domain/vocabulary";
import { TIER_OVERRIDE_REASON_MIN_LENGTH, tierOverrideSchema } from "@/lib/schemas/dossier";
import { ClientForm } from "@/components/ui/client-form";

type Input = z.input<typeof tierOverrideSchema>;
type Output = z.output<typeof tierOverrideSchema>;

interface Props {
  vendorId: string;
  version: number;
  current: { tier: Tier; reason: string } | null;
  computed: Tier;
}

/** Override the computed tier with a written reason, or return to the computed tier. */
export function TierOverrideForm({ vendorId, version, current, computed }: Props) {
  const router = useRouter();
  const id = useId();
  // Follows our own saves (the action returns the new version) but not other
  // people's: their change must surface as a conflict, not be overwritten.
  const [baseVersion, setBaseVersion] = useState(version);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string; conflict?: boolean } | null>(null);
  const [clearing, setClearing] = useState(false);
  const form = useForm<Input, unknown, Output>({
    resolver: zodResolver(tierOverrideSchema),
    defaultValues: { tier: current?.tier ?? ("" as Tier), reason: "" },
  });
  const { errors, isSubmitting } = form.formState;

  async function submit(override: Output | null) {
    setMessage(null);
    const result = await overrideTierAction({ vendorId, version: baseVersion, override });
    if (result.ok) {
      setBaseVersion(result.data.version);
      form.reset({ tier: override?.tier ?? ("" as Tier), reason: "" });
      setMessage({ tone: "ok", text: override ? `Tier overridden to ${TIER_LABELS[override.tier]}.` : `Returned to the computed tier (${TIER_LABELS[computed]}).` });
      router.refresh();
      return;
    }
    for (const [path, text] of Object.entries(result.fieldErrors ?? {})) {
      const field = path.split(".").pop();
      if (field === "tier" || field === "reason") form.setError(field, { type: "server", message: text });
    }
    setMessage({ tone: "error", text: result.error, conflict: result.code === "CONFLICT" });
  }

  async function clear() {
    setClearing(true);
    await submit(null);
    setClearing(false);
  }

  return (
    <div className="override-controls">
      {message ? (
        <div className={`alert ${message.tone === "ok" ? "alert-ok" : "alert-error"}`} role={message.tone === "ok" ? "status" : "alert"}>
          {message.text}
          {message.conflict ? (
            <> <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>Reload to see the latest version</button></>
          ) : null}
        </div>
      ) : null}
      {current ? (
        <p>
          <button type="button" className="btn" onClick={clear} disabled={clearing || isSubmitting}>
            {clearing ? "Returning…" : `Return to computed tier (${TIER_LABELS[computed]})`}
          </button>
        </p>
      ) : null}
      <details className="override-details">
        <summary>{current ? "Change the override" : "Override the computed tier"}</summary>
        <ClientForm className="stack" onSubmit={form.handleSubmit((v) => submit(v))} noValidate aria-label="Override the tier">
          <div className="field">
            <label htmlFor={`${id}-tier`}>Tier to apply</label>
            <select id={`${id}-tier`} aria-invalid={errors.tier ? true : undefined} aria-describedby={errors.tier ? `${id}-tier-error` : undefined} {...form.register("tier")}>
              <option value="">Choose a tier</option>
              {TIERS.map((t) => (
                <option key={t} value={t}>{TIER_LABELS[t]}{t === computed ? " (computed)" : ""}</option>
              ))}
            </select>
            {errors.tier ? <span id={`${id}-tier-error`} className="error">{errors.tier.message}</span> : null}
          </div>
          <div className="field">
            <label htmlFor={`${id}-reason`}>Reason</label>
            <span id={`${id}-reason-hint`} className="hint">
              At least {TIER_OVERRIDE_REASON_MIN_LENGTH} characters. It is shown with the tier everywhere, with your name and the time.
            </span>
            <textarea
              id={`${id}-reason`}
              rows={3}
              aria-invalid={errors.reason ? true : undefined}
              aria-describedby={[`${id}-reason-hint`, errors.reason ? `${id}-reason-error` : null].filter(Boolean).join(" ")}
              {...form.register("reason")}
            />
            {errors.reason ? <span id={`${id}-reason-error`} className="error">{errors.reason.message}</span> : null}
          </div>
          <div className="form-actions">
            <button type="submit" className="btn btn-primary" disabled={isSubmitting || clearing}>
              {isSubmitting ? "Saving…" : "Apply override"}
            </button>
          </div>
        </ClientForm>
      </details>
    </div>
  );
}
