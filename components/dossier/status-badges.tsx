import type { ReactNode } from "react";
import type { RecordState, Tone } from "@/lib/domain/assurance/record-states";

export type { Tone };

const TONE_CLASS: Record<Tone, string> = {
  ok: "status-ok",
  warn: "sev-medium",
  bad: "sev-high",
  blocker: "sev-blocker",
  muted: "status-muted",
  info: "sev-low",
};

/** A pill whose words carry the meaning; the colour only repeats it. */
export function StatusBadge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return <span className={`badge ${TONE_CLASS[tone]}`} title={title}>{children}</span>;
}

const VENDOR_STATUS: Record<string, { label: string; tone: Tone }> = {
  prospective: { label: "Prospective", tone: "info" },
  active: { label: "Active", tone: "ok" },
  offboarded: { label: "Offboarded", tone: "muted" },
};

export function VendorStatusBadge({ status }: { status: string }) {
  const s = VENDOR_STATUS[status] ?? { label: status, tone: "muted" as const };
  return <StatusBadge tone={s.tone}>{s.label}</StatusBadge>;
}

/** An evidence record's state as the domain projects it (lib/domain/assurance/record-states.ts); nothing is decided here. */
export function RecordStateBadge({ state }: { state: Pick<RecordState, "label" | "tone" | "detail"> }) {
  return <StatusBadge tone={state.tone} title={state.detail || undefined}>{state.label}</StatusBadge>;
}
