const LABELS: Record<string, { text: string; tone: string }> = {
  missing: { text: "Missing", tone: "sev-high" },
  stale: { text: "Stale", tone: "sev-high" },
  due: { text: "Due for renewal", tone: "sev-medium" },
  current: { text: "Current", tone: "status-ok" },
};

/** SOC 2 currency from the stored summary; "stale" is re-derived from the date so it never lags. */
export function Soc2Badge({ state, staleFrom, today = new Date().toISOString().slice(0, 10) }: { state: string; staleFrom: string | null; today?: string }) {
  const effective = staleFrom && staleFrom <= today ? "stale" : state;
  const label = LABELS[effective] ?? { text: effective, tone: "status-muted" };
  return <span className={`badge ${label.tone}`}>{label.text}</span>;
}
