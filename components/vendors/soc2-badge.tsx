import { describeAge, describeRelative, daysUntil, formatDayForPeople } from "@/lib/domain/dates";

const LABELS: Record<string, { text: string; tone: string }> = {
  missing: { text: "Missing", tone: "sev-high" },
  stale: { text: "Stale", tone: "sev-high" },
  due: { text: "Due for renewal", tone: "sev-medium" },
  current: { text: "Current", tone: "status-ok" },
};

/**
 * SOC 2 currency from the stored summary; "stale" is re-derived from the date
 * so it never lags. Beside the badge, how long ago it went stale ("stale for
 * 3 months") or when it will ("stale in 2 months"), the day itself on hover.
 */
export function Soc2Badge({ state, staleFrom, now }: { state: string; staleFrom: string | null; now: Date }) {
  const effective = staleFrom && daysUntil(staleFrom, now) <= 0 ? "stale" : state;
  const label = LABELS[effective] ?? { text: effective, tone: "status-muted" };
  const when =
    staleFrom && (effective === "stale" || effective === "due") ? (
      <span className="muted small" title={`Stale from ${formatDayForPeople(staleFrom)}`}>
        {" "}
        {effective === "stale" ? describeAge(staleFrom, now) : `stale ${describeRelative(staleFrom, now)}`}
      </span>
    ) : null;
  return (
    <>
      <span className={`badge ${label.tone}`}>{label.text}</span>
      {when}
    </>
  );
}
